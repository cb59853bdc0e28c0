import "server-only";
import { db } from "@/lib/db";
import { PUBLISHED_CLAIM } from "@/lib/data/selects";

/** The ids a public list or download may be narrowed by. */
export interface PublicFilterIds {
  story?: string | null;
  claimant?: string | null;
  source?: string | null;
}

// One published claim is enough: each is read from the claim's side, along its own index (story,
// claimant, or the source's links), and stops at the first. A `some` filter from the story's side
// is the kind that took seconds at 300,000 links (lib/data/sources.ts).
const SEEN: Record<keyof PublicFilterIds, { noun: string; seen: (id: string) => Promise<unknown> }> = {
  story: { noun: "story", seen: (id) => db.claim.findFirst({ where: { storyId: id, ...PUBLISHED_CLAIM }, select: { id: true } }) },
  claimant: { noun: "claimant", seen: (id) => db.claim.findFirst({ where: { claimantId: id, ...PUBLISHED_CLAIM }, select: { id: true } }) },
  source: { noun: "source", seen: (id) => db.claimSource.findFirst({ where: { sourceId: id, claim: PUBLISHED_CLAIM }, select: { claimId: true } }) },
};

/**
 * The first filter that names a story, claimant or source readers cannot see, as the API's 400
 * says it; null when every one named is seen. A partner who mistyped an id got 200 and nothing,
 * which reads as "no claims". Unknown and unpublished read alike ("no published …"), so the answer
 * never tells whether a draft story or claimant exists.
 */
export async function unseenFilterTarget(filters: PublicFilterIds): Promise<{ field: string; message: string } | null> {
  for (const field of ["story", "claimant", "source"] as const) {
    const id = filters[field];
    if (!id) continue;
    const { noun, seen } = SEEN[field];
    if (!(await seen(id))) return { field, message: `Parameter "${field}": no published ${noun} has the id "${id}".` };
  }
  return null;
}
