// Next.js's own cache (this process's memory: ADR 014), with one addition: a page stored in it
// names the records it shows in a `surrogate-key` header (lib/edge/surrogate-keys.mjs), for a
// shared cache in front of the app to purge by. Used when REDIS_URL is not set (next.config.ts);
// lib/redis/cache-handler.mjs does the same for the shared cache.
import { createRequire } from "node:module";
import { withSurrogateKeys } from "./surrogate-keys.mjs";

const require = createRequire(import.meta.url);
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

export default class MemoryCacheHandler extends FileSystemCache {
  async set(key, data, ctx) {
    return super.set(key, withSurrogateKeys(data), ctx);
  }
}
