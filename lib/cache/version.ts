import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_cache } from "next/cache";
import { tag } from "@/lib/cache/tags";

/**
 * A token that changes whenever anything in the open data may have changed: kept in Next.js's
 * cache under the `published` tag, which every write readers can see expires (lib/cache/tags.ts),
 * and made anew after a restart. The open-data files' ETags are built from it, so a client that
 * already holds the current file is answered 304 without a single database read.
 */
export const getPublishedVersion = unstable_cache(async () => randomUUID(), ["published-version"], { tags: [tag.published()] });
