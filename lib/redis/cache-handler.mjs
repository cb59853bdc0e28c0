// Next.js's cache (pages, route responses and the data cache), shared by every server process
// through Redis: used when REDIS_URL is set at `next start` (next.config.ts), in place of Next's
// per-process memory cache (docs/decisions/020-shared-cache-and-limits.md).
//
// - An entry is stored once, in Redis, with the time it was stored, its tags and its lifetime
//   (cacheControl), so any process can serve it and knows when to render it again.
// - A tag expiry (`updateTag`, `revalidateTag`) is a time in one Redis hash; every `get` compares
//   the entry's tags with it, so an expiry made by any process holds for all at their next request.
// - While Redis is away (or slow to answer), nothing is cached: every request is rendered, as a
//   signed-in person's are. A copy kept in one process's memory would miss the expiries the other
//   processes make meanwhile, and readers would be served old pages. Expiries this process makes
//   meanwhile are written to Redis when it returns, so copies stored before are not served after.
import { withSurrogateKeys } from "../edge/surrogate-keys.mjs";
import { onRedisReconnect, withRedis } from "./connection.mjs";

const ENTRY = "factline:cache:entry:";
const TAGS = "factline:cache:tags";
// Entries leave Redis on their own after a day without being stored again; tag expiries never do,
// so a Redis with `maxmemory-policy volatile-lru` evicts entries and never an expiry.
const ENTRY_SECONDS = 24 * 60 * 60;
// Next.js puts a page's tags in this header of the stored value (next/dist/lib/constants).
const TAGS_HEADER = "x-next-cache-tags";

/** Buffers and Maps (page payloads, route bodies, segment data) as JSON, and back. */
function replacer(key, value) {
  const original = this[key];
  if (original instanceof Uint8Array) return { $buffer: Buffer.from(original).toString("base64") };
  if (original instanceof Map) return { $map: [...original.entries()] };
  return value;
}
function reviver(_key, value) {
  if (value && typeof value === "object") {
    if (typeof value.$buffer === "string") return Buffer.from(value.$buffer, "base64");
    if (Array.isArray(value.$map)) return new Map(value.$map);
  }
  return value;
}

/** The tags an entry waits on: a page's from its stored headers, a data entry's from the request. */
function tagsOf(entry, ctx) {
  const header = entry.value?.headers?.[TAGS_HEADER];
  const fromValue = typeof header === "string" ? header.split(",") : [];
  return [...new Set([...fromValue, ...(entry.tags ?? []), ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])])].filter(Boolean);
}

function isExpired(expiredAt, lastModified, now) {
  return typeof expiredAt === "number" && expiredAt <= now && expiredAt > lastModified;
}

/** This process's own expiries (one per tag: bounded by the records there are). */
const local = (globalThis[Symbol.for("factline.cacheExpiries")] ??= {
  /** Every expiry this process made: checked on every read, also before Redis has heard of it. */
  expiries: new Map(),
  /** Expiries not yet written to Redis. */
  pending: new Map(),
  listening: false,
});

async function writePendingExpiries() {
  if (local.pending.size === 0) return;
  const now = Date.now();
  // Stamped now, not when they were made: later is stricter (it expires what was stored between).
  const fields = Object.fromEntries([...local.pending.keys()].map((tag) => [tag, String(now)]));
  const written = await withRedis(
    async (client) => {
      await client.hSet(TAGS, fields);
      return true;
    },
    () => false,
  );
  if (written) local.pending.clear();
}

function listenForReconnect() {
  if (local.listening) return;
  local.listening = true;
  onRedisReconnect(writePendingExpiries);
}

export default class SharedCacheHandler {
  constructor() {
    listenForReconnect();
  }

  async get(key, ctx) {
    const now = Date.now();
    const text = await withRedis(
      (client) => client.get(ENTRY + key),
      () => null,
    );
    if (!text) return null;
    const entry = JSON.parse(text, reviver);
    const tags = tagsOf(entry, ctx);
    if (tags.some((tag) => isExpired(local.expiries.get(tag), entry.lastModified, now))) return null;
    if (tags.length > 0) {
      // Unanswered, the entry cannot be shown to be current: render instead.
      const times = await withRedis(
        (client) => client.hmGet(TAGS, tags),
        () => null,
      );
      if (!times || times.some((time) => time !== null && isExpired(Number(time), entry.lastModified, now))) return null;
    }
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  async set(key, data, ctx) {
    // The page names its records for a shared cache in front of the app (lib/edge/surrogate-keys.mjs).
    const text = JSON.stringify({ lastModified: Date.now(), value: withSurrogateKeys(data), tags: ctx?.tags ?? [], cacheControl: ctx?.cacheControl }, replacer);
    await withRedis(
      async (client) => {
        await client.set(ENTRY + key, text, { EX: ENTRY_SECONDS });
      },
      () => {},
    );
  }

  async revalidateTag(tags, durations) {
    const names = typeof tags === "string" ? [tags] : tags;
    if (names.length === 0) return;
    // As Next's own cache: expired now, or (revalidateTag with a profile) when the profile says.
    const at = Date.now() + (durations?.expire ? durations.expire * 1000 : 0);
    for (const tag of names) local.expiries.set(tag, at);
    const fields = Object.fromEntries(names.map((tag) => [tag, String(at)]));
    const written = await withRedis(
      async (client) => {
        await client.hSet(TAGS, fields);
        return true;
      },
      () => false,
    );
    if (!written) for (const tag of names) local.pending.set(tag, at);
  }

  resetRequestCache() {}
}
