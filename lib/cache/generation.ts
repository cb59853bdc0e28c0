// Generations of what readers can see, for answers kept in Next.js's data cache (ADR 017).
//
// Next.js stamps a kept entry when it is stored, and a tag expiry drops only entries stored before
// it. A search that read the database before a write committed, but finished after the write
// expired the tag, would be stored as fresh and served for minutes. So each kept answer's key also
// carries the generation it was asked in, read before any database read, and every expiry of the
// `published` tag starts a new generation: an answer begun before the write can only fill a key
// no later request asks for.
//
// The count lives on globalThis, not in this module: the page and route-handler bundles may each
// hold a copy of the module, and they must agree. One server process per database (ADR 014).

const KEY = Symbol.for("factline.publishedGeneration");

type WithGeneration = typeof globalThis & { [KEY]?: number };

/** The current generation of published data in this process. */
export function publishedGeneration(): number {
  return (globalThis as WithGeneration)[KEY] ?? 0;
}

/** Starts a new generation: called whenever the `published` tag is expired. */
export function nextPublishedGeneration(): void {
  const store = globalThis as WithGeneration;
  store[KEY] = (store[KEY] ?? 0) + 1;
}
