import "server-only";
import { unstable_cache } from "next/cache";
import { TAG_MAX_LENGTH, TAGS_PER_CALL, uniqueTags } from "@/lib/cache/tags";

/**
 * Declares that the page (or feed) being rendered shows these records and sets (lib/cache/tags.ts).
 * Next.js files the tags of every `unstable_cache` entry a cached render reads with the page it
 * renders, and expires the page with any of them; the entry itself is a constant, one per set of
 * tags. In a per-request render this only costs a lookup. Call it before any `notFound()`, so a
 * cached "not found" is expired too when the record appears.
 */
export async function dependOn(tags: Iterable<string>): Promise<void> {
  // A tag too long for Next.js comes only from an address no record can have (ids and slugs are
  // at most 64 characters): nothing will ever expire it, and Next.js would warn on every request.
  const all = uniqueTags(tags).filter((name) => name.length <= TAG_MAX_LENGTH);
  for (let start = 0; start < all.length; start += TAGS_PER_CALL) {
    const chunk = all.slice(start, start + TAGS_PER_CALL);
    await unstable_cache(async () => true, ["depends-on", ...chunk], { tags: chunk })();
  }
}
