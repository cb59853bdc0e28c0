import "server-only";
import { updateTag } from "next/cache";
import { nextPublishedGeneration } from "@/lib/cache/generation";
import { tag, uniqueTags } from "@/lib/cache/tags";
import { purgeEdge } from "@/lib/edge/purge";

/**
 * Expires cached reader pages by tag, from a server action after its write has committed. Next.js's
 * `updateTag` expires at once: the next request for a page waits for a fresh render instead of
 * being served the old copy, so the person who made the change sees it on the reader page. A
 * shared cache in front of the app is purged of the same keys (lib/edge/purge.ts).
 */
export async function expireTags(tags: Iterable<string>): Promise<void> {
  const names = uniqueTags(tags);
  for (const name of names) {
    // Before the expiry: a kept answer asked from here on is under the new generation's key.
    if (name === tag.published()) await nextPublishedGeneration();
    updateTag(name);
  }
  // Then the same keys at the edge, when one is configured; the action does not wait for it.
  void purgeEdge(names);
}
