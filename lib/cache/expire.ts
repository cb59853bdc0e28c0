import "server-only";
import { updateTag } from "next/cache";
import { nextPublishedGeneration } from "@/lib/cache/generation";
import { tag, uniqueTags } from "@/lib/cache/tags";

/**
 * Expires cached reader pages by tag, from a server action after its write has committed. Next.js's
 * `updateTag` expires at once: the next request for a page waits for a fresh render instead of
 * being served the old copy, so the person who made the change sees it on the reader page.
 */
export async function expireTags(tags: Iterable<string>): Promise<void> {
  for (const name of uniqueTags(tags)) {
    // Before the expiry: a kept answer asked from here on is under the new generation's key.
    if (name === tag.published()) await nextPublishedGeneration();
    updateTag(name);
  }
}
