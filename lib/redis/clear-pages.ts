import { createClient } from "redis";

/** The shared cache's entries (lib/redis/cache-handler.mjs, ENTRY); its tag expiries are left. */
const ENTRY_PATTERN = "factline:cache:entry:*";

/**
 * Removes every copy the shared cache holds in the Redis at `url` (pages, route responses, data):
 * after a restore each was rendered from the database as it was before it, and would be served
 * to readers until due again (scripts/db-restore.ts). Rate limits, sessions' limits and tag
 * expiries are left. Returns how many copies were removed; throws when Redis cannot be reached.
 */
export async function clearStoredPages(url: string): Promise<number> {
  const client = createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: false } });
  client.on("error", () => {});
  await client.connect();
  try {
    let removed = 0;
    for await (const keys of client.scanIterator({ MATCH: ENTRY_PATTERN, COUNT: 500 })) {
      if (keys.length > 0) removed += await client.unlink(keys);
    }
    return removed;
  } finally {
    client.destroy();
  }
}
