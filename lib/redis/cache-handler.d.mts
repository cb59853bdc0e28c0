import type { CacheHandler } from "next/dist/server/lib/incremental-cache";

declare const SharedCacheHandler: typeof CacheHandler;
export default SharedCacheHandler;
