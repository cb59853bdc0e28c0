// Generations of what readers can see, for answers kept in Next.js's data cache (ADR 017).
//
// Next.js stamps a kept entry when it is stored, and a tag expiry drops only entries stored before
// it. A search that read the database before a write committed, but finished after the write
// expired the tag, would be stored as fresh and served for minutes. So each kept answer's key also
// carries the generation it was asked in, read before any database read, and every expiry of the
// `published` tag starts a new generation: an answer begun before the write can only fill a key
// no later request asks for.
//
// With REDIS_URL the count is kept in Redis, since every server process shares the kept answers
// (ADR 020); while Redis is away, and without it, in this process. The two are told apart in the
// key ("r4", "m7"), so an answer kept by one never fills the other's key. This process's count
// lives on globalThis, not in this module: the page and route-handler bundles may each hold a copy
// of the module, and they must agree.
import { withRedis } from "@/lib/redis/connection.mjs";

const KEY = Symbol.for("factline.publishedGeneration");
const REDIS_KEY = "factline:published-generation";

type WithGeneration = typeof globalThis & { [KEY]?: number };

function localGeneration(): number {
  return (globalThis as WithGeneration)[KEY] ?? 0;
}

/** The current generation of published data: shared through Redis when it is there. */
export async function publishedGeneration(): Promise<string> {
  return withRedis(
    async (client) => `r${(await client.get(REDIS_KEY)) ?? 0}`,
    () => `m${localGeneration()}`,
  );
}

/** Starts a new generation: called whenever the `published` tag is expired, before the expiry. */
export async function nextPublishedGeneration(): Promise<void> {
  const store = globalThis as WithGeneration;
  store[KEY] = (store[KEY] ?? 0) + 1;
  await withRedis(
    async (client) => {
      await client.incr(REDIS_KEY);
    },
    () => {},
  );
}
