import "server-only";
import { db } from "@/lib/db";
import { PUBLISHED_CLAIM } from "@/lib/data/selects";

/** The ids a public list or download may be narrowed by. */
export interface PublicFilterIds {
  story?: string | null;
  claimant?: string | null;
  source?: string | null;
}

const SEEN: Record<keyof PublicFilterIds, { noun: string; count: (id: string) => Promise<number> }> = {
  story: { noun: "story", count: (id) => db.story.count({ where: { id, claims: { some: PUBLISHED_CLAIM } } }) },
  claimant: { noun: "claimant", count: (id) => db.claimant.count({ where: { id, claims: { some: PUBLISHED_CLAIM } } }) },
  source: { noun: "source", count: (id) => db.source.count({ where: { id, claims: { some: { claim: PUBLISHED_CLAIM } } } }) },
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
    const { noun, count } = SEEN[field];
    if ((await count(id)) === 0) return { field, message: `Parameter "${field}": no published ${noun} has the id "${id}".` };
  }
  return null;
}
