// The one Redis connection of a server process, when REDIS_URL is set (docs/decisions/020-shared-cache-and-limits.md).
//
// Plain JavaScript: Next.js loads the cache handler (lib/redis/cache-handler.mjs) with Node's own
// import at `next start`, outside its bundles, and the handler shares this connection with the
// rate limits and the generation counter, which are bundled. So the connection lives on
// globalThis, and every copy of this module finds the same one.
//
// Redis is a helper, never a dependency: while it is away every command fails at once (no
// offline queue), a connection attempt or a command gives up within a second, callers fall back
// to this process's memory, and the client keeps reconnecting in the background. The change of
// state is logged once each way.
import pino from "pino";
import { createClient } from "redis";

const KEY = Symbol.for("factline.redis");
const CONNECT_TIMEOUT_MS = 1_000;
export const COMMAND_TIMEOUT_MS = 1_000;
const PAUSE_MS = 2_000;

// The same shape as lib/log.ts's events (that module is TypeScript, which Node cannot load here).
const log = pino({
  level: ["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(process.env.LOG_LEVEL?.trim().toLowerCase() ?? "") ? process.env.LOG_LEVEL.trim().toLowerCase() : "info",
  formatters: { level: (label) => ({ level: label }) },
  timestamp: pino.stdTimeFunctions.isoTime,
  base: { service: "factline" },
});

/** REDIS_URL, or null when it is unset or empty: then everything stays in this process. */
export function redisUrl() {
  const url = process.env.REDIS_URL?.trim();
  return url ? url : null;
}

/** Where the address is, for logs: never the password a URL may carry. */
function describe(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

function create(url) {
  const shared = { url, client: null, state: "connecting", pausedUntil: 0, firstAttempt: null, onReconnect: new Set() };
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // Never give up: try again every few hundred milliseconds, at most every two seconds.
      reconnectStrategy: (retries) => Math.min(100 + retries * 100, 2_000),
    },
  });
  shared.client = client;
  client.on("ready", () => markUp(shared));
  client.on("error", (error) => markDown(shared, error));
  // The first requests of a new process wait for the first attempt (bounded), so they share too.
  shared.firstAttempt = client.connect().then(
    () => {},
    (error) => markDown(shared, error),
  );
  return shared;
}

function markUp(shared) {
  if (shared.state === "up" || shared.state === "closed") return;
  const wasDown = shared.state === "down";
  shared.state = "up";
  shared.pausedUntil = 0;
  if (!wasDown) return;
  log.info({ redis: describe(shared.url) }, "redis is back: cache and rate limits are shared again");
  for (const listener of shared.onReconnect) Promise.resolve().then(listener).catch(() => {});
}

function markDown(shared, error) {
  if (shared.state === "down" || shared.state === "closed") return;
  shared.state = "down";
  log.warn({ redis: describe(shared.url), error: error instanceof Error ? error.message : String(error) }, "redis unavailable: cache and rate limits fall back to this process until it returns");
}

/** The process's shared connection, made on first use; null without REDIS_URL. */
export function sharedRedis() {
  const url = redisUrl();
  if (!url) return null;
  const store = globalThis;
  if (!store[KEY] || store[KEY].url !== url) store[KEY] = create(url);
  return store[KEY];
}

/** Whether commands can be sent now. */
export function isRedisUp() {
  const shared = sharedRedis();
  return Boolean(shared && shared.state === "up" && shared.client.isReady);
}

/**
 * Runs `command` on Redis when it is there and answers within COMMAND_TIMEOUT_MS; otherwise
 * `fallback`'s answer. A failure or a timeout marks Redis as away (logged once).
 */
export async function withRedis(command, fallback) {
  const shared = sharedRedis();
  if (!shared) return fallback();
  if (shared.state === "connecting") await bounded(shared.firstAttempt, CONNECT_TIMEOUT_MS).catch(() => {});
  // After a command found no answer, Redis is left alone for a moment rather than making every
  // request wait out the timeout again; the next command after that tries it once more.
  if (!shared.client.isReady || Date.now() < shared.pausedUntil) return fallback();
  try {
    const result = await bounded(command(shared.client), COMMAND_TIMEOUT_MS);
    markUp(shared);
    return result;
  } catch (error) {
    // An error reply is a mistake in our command, not Redis being away.
    if (error?.constructor?.name === "ErrorReply") throw error;
    markDown(shared, error);
    shared.pausedUntil = Date.now() + PAUSE_MS;
    return fallback();
  }
}

function bounded(promise, ms) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer from redis in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Calls `listener` each time Redis comes back after being away. */
export function onRedisReconnect(listener) {
  const shared = sharedRedis();
  shared?.onReconnect.add(listener);
  return () => shared?.onReconnect.delete(listener);
}

/** Closes the connection (tests). */
export async function closeRedis() {
  const store = globalThis;
  const shared = store[KEY];
  delete store[KEY];
  if (shared) {
    shared.state = "closed";
    try {
      shared.client.destroy();
    } catch {
      // already closed
    }
  }
}
