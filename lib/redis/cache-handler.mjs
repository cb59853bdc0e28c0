// Next.js's cache (pages, route responses and the data cache), shared by every server process
// through Redis: used when REDIS_URL is set at `next start` (next.config.ts), in place of Next's
// per-process memory cache (docs/decisions/020-shared-cache-and-limits.md).
//
// - An entry is stored once, in Redis, with the time it was stored, its tags and its lifetime
//   (cacheControl), so any process can serve it and knows when to render it again.
// - A tag expiry (`updateTag`, `revalidateTag`) is a time in one Redis hash; every `get` compares
//   the entry's tags with it, so an expiry made by any process holds for all at their next request.
// - While Redis is away (or slow to answer), this process keeps entries and expiries in its own
//   memory, as Next would, and serves from there. Expiries it could not write are written when
//   Redis returns, and what it kept on its own is dropped then: other processes may have changed
//   things it never heard of.
import { onRedisReconnect, withRedis } from "./connection.mjs";

const ENTRY = "factline:cache:entry:";
const TAGS = "factline:cache:tags";
// Entries leave Redis on their own after a day without being stored again; tag expiries never do,
// so a Redis with `maxmemory-policy volatile-lru` evicts entries and never an expiry.
const ENTRY_SECONDS = 24 * 60 * 60;
const LOCAL_MAX_BYTES = 50 * 1024 * 1024;
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

/** This process's own entries and expiries, used while Redis is away. */
const local = (globalThis[Symbol.for("factline.localCache")] ??= {
  entries: new Map(),
  bytes: 0,
  /** Every expiry this process made: checked on every read, Redis or not. */
  expiries: new Map(),
  /** Expiries not yet written to Redis. */
  pending: new Map(),
  listening: false,
});

function keepLocally(key, text) {
  const old = local.entries.get(key);
  if (old) local.bytes -= old.length;
  local.entries.delete(key);
  local.entries.set(key, text);
  local.bytes += text.length;
  for (const [oldest, value] of local.entries) {
    if (local.bytes <= LOCAL_MAX_BYTES) break;
    local.entries.delete(oldest);
    local.bytes -= value.length;
  }
}

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
  onRedisReconnect(async () => {
    local.entries.clear();
    local.bytes = 0;
    await writePendingExpiries();
  });
}

export default class SharedCacheHandler {
  constructor() {
    listenForReconnect();
  }

  async get(key, ctx) {
    const now = Date.now();
    const fromRedis = await withRedis(
      async (client) => ({ text: await client.get(ENTRY + key) }),
      () => null,
    );
    const text = fromRedis ? fromRedis.text : (local.entries.get(key) ?? null);
    if (!text) return null;
    const entry = JSON.parse(text, reviver);
    const tags = tagsOf(entry, ctx);
    if (tags.some((tag) => isExpired(local.expiries.get(tag), entry.lastModified, now))) return null;
    if (fromRedis && tags.length > 0) {
      const times = await withRedis(
        (client) => client.hmGet(TAGS, tags),
        () => [],
      );
      if (times.some((time) => time !== null && isExpired(Number(time), entry.lastModified, now))) return null;
    }
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  async set(key, data, ctx) {
    const text = JSON.stringify({ lastModified: Date.now(), value: data, tags: ctx?.tags ?? [], cacheControl: ctx?.cacheControl }, replacer);
    const stored = await withRedis(
      async (client) => {
        await client.set(ENTRY + key, text, { EX: ENTRY_SECONDS });
        return true;
      },
      () => false,
    );
    if (!stored) keepLocally(key, text);
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
