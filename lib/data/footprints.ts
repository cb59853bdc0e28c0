import "server-only";
import { db } from "@/lib/db";
import type { ClaimFootprint, StoryFootprint } from "@/lib/cache/tags";
import { PUBLISHED_CLAIM } from "@/lib/data/selects";

// What a write needs to know to expire the cached reader pages it changes (lib/cache/tags.ts).
// Read by the actions just before and just after their operation. A write that succeeds passed
// its version check, so no other write came between the first read and the operation.

const footprintSelect = { publishedAt: true, claimantId: true, storyId: true, sources: { select: { sourceId: true } } } as const;

/** A claim's publication, claimant, story and linked sources; null when there is no such claim. */
export async function getClaimFootprint(id: string): Promise<ClaimFootprint | null> {
  const row = await db.claim.findUnique({ where: { id }, select: footprintSelect });
  return row ? { published: row.publishedAt !== null, claimantId: row.claimantId, storyId: row.storyId, sourceIds: row.sources.map((s) => s.sourceId) } : null;
}

/** A link's claim and source, with the claim's footprint; null when there is no such link. */
export async function getLinkFootprint(linkId: string): Promise<{ claimId: string; sourceId: string; claim: ClaimFootprint | null } | null> {
  const link = await db.claimSource.findUnique({ where: { id: linkId }, select: { claimId: true, sourceId: true } });
  return link ? { ...link, claim: await getClaimFootprint(link.claimId) } : null;
}

/** A story's address, the addresses it left, and whether readers can see it; null when unknown. */
export async function getStoryFootprint(id: string): Promise<StoryFootprint | null> {
  const row = await db.story.findUnique({
    where: { id },
    select: { slug: true, oldSlugs: { select: { slug: true } }, claims: { where: PUBLISHED_CLAIM, take: 1, select: { id: true } } },
  });
  return row ? { slug: row.slug, oldSlugs: row.oldSlugs.map((old) => old.slug), published: row.claims.length > 0 } : null;
}

/** The claim a claim is marked as a duplicate of; null when none, undefined when no such claim. */
export async function getDuplicateOf(id: string): Promise<string | null | undefined> {
  const row = await db.claim.findUnique({ where: { id }, select: { duplicateOfId: true } });
  return row ? row.duplicateOfId : undefined;
}
