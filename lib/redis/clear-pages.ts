import { createClient } from "redis";

/** The shared cache's entries (lib/redis/cache-handler.mjs, ENTRY); its tag expiries are left. */
const ENTRY_PATTERN = "factline:cache:entry:*";
/** Connecting and the whole scan each give up after this long: a restore never hangs on Redis. */
const DEADLINE_MS = 60_000;

/** A Redis address without its password, to say which one was cleared. */
export function redisAddress(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "(unparseable REDIS_URL)";
  }
}

/** Why clearStoredPages stopped, and how many entries it had removed by then. */
export class ClearPagesError extends Error {
  constructor(
    message: string,
    readonly removed: number,
  ) {
    super(message);
    this.name = "ClearPagesError";
  }
}

/**
 * Removes every entry the shared cache holds in the Redis at `url` (copies of reader pages, route
 * responses and cached data): after a restore each was made from the database as it was before
 * it, and would be served to readers until due again (scripts/db-restore.ts). Rate limits and tag
 * expiries are left. Needs SCAN and UNLINK (a Redis ACL user limited to the app's own commands
 * lacks them). Returns how many were removed; throws ClearPagesError, with how many were removed
 * before, when Redis cannot be reached, refuses, or takes longer than a minute.
 */
export async function clearStoredPages(url: string): Promise<number> {
  const client = createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: false } });
  client.on("error", () => {});
  let removed = 0;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS / 1000} s`)), DEADLINE_MS);
  });
  const work = async () => {
    await client.connect();
    for await (const keys of client.scanIterator({ MATCH: ENTRY_PATTERN, COUNT: 500 })) {
      if (keys.length > 0) removed += await client.unlink(keys);
    }
  };
  const running = work();
  // Past the deadline the scan is abandoned; its own failure (the client closed under it) is not news.
  running.catch(() => {});
  try {
    await Promise.race([running, deadline]);
    return removed;
  } catch (error) {
    throw new ClearPagesError(error instanceof Error ? error.message : String(error), removed);
  } finally {
    clearTimeout(timer);
    try {
      client.destroy();
    } catch {
      // Never connected: nothing to close.
    }
  }
}
