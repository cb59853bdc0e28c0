import Link from "next/link";
import { ClaimCard } from "@/components/claims/claim-card";
import { CLAIM_STATUSES, STATUS_INFO, type ClaimStatus } from "@/lib/domain/status";
import type { StoryWithClaims } from "@/lib/data/stories";

/** "3 accurate, 2 unverified, 1 not checkable": the story at a glance. */
export function statusTally(statuses: ClaimStatus[]): string {
  const counts = new Map<ClaimStatus, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return CLAIM_STATUSES.filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${STATUS_INFO[s].label.toLowerCase()}`)
    .join(", ");
}

export function StoryClaims({ story, headingLevel }: { story: StoryWithClaims; headingLevel: "h2" | "h3" }) {
  return (
    <>
      <p className="mb-3 text-sm text-stone-700">
        {story.publishedClaimCount === 1 ? "1 claim" : `${story.publishedClaimCount} claims`}
        {story.claims.length === story.publishedClaimCount ? <>: {statusTally(story.claims.map((c) => c.status))}</> : null}
      </p>
      <ol className="space-y-3">
        {story.claims.map((claim) => (
          <li key={claim.id}>
            <ClaimCard claim={claim} headingLevel={headingLevel} />
          </li>
        ))}
      </ol>
      {story.claims.length < story.publishedClaimCount ? (
        <p className="mt-4 text-sm">
          <Link href={`/claims?story=${story.id}`} className="text-blue-800 underline">
            All {story.publishedClaimCount} claims in this story
          </Link>
        </p>
      ) : null}
    </>
  );
}
