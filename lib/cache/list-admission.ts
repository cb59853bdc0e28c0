// Which claims lists are worth keeping (docs/decisions/026-cached-claim-lists.md, its amendment
// "kept on the second ask"). Imported by proxy.ts: keep it free of server code.

/**
 * The list keys this process has seen lately, most recent last, at most `capacity` of them.
 * A list is kept in the cache from its second request on: the first is rendered for its reader
 * alone, which costs less than rendering it and storing the copy (Next.js also cuts and stores a
 * prefetch payload per segment), and most sets of filters are asked for once.
 */
export class SeenKeys {
  readonly #keys = new Map<string, true>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError("capacity must be a whole number of 1 or more");
  }

  /** Whether `key` was seen since it last fell out; it is the most recent one from now on. */
  seenBefore(key: string): boolean {
    const seen = this.#keys.delete(key);
    this.#keys.set(key, true);
    if (this.#keys.size > this.capacity) this.#keys.delete(this.#keys.keys().next().value!);
    return seen;
  }
}

/**
 * This process's record: 10,000 keys of at most about 2 kB each (lib/cache/claim-list.ts
 * KEY_PATTERN), typically under 100 bytes. More keys than the cache has room for pages (about
 * 200, ADR 026), so a list still kept is one this record still knows.
 */
export const seenListKeys = new SeenKeys(10_000);
