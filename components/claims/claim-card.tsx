import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { MarkedText, SearchSnippet } from "@/components/claims/search-snippet";
import type { ClaimStatus } from "@/lib/domain/status";
import type { Snippet } from "@/lib/search/snippet";

export interface ClaimCardProps {
  claim: {
    id: string;
    summary: string;
    status: ClaimStatus;
    claimant: { id: string; name: string };
    sourceCount: number;
    story?: { title: string; slug: string };
    /** In search results: where the words matched. */
    snippet?: Snippet | null;
  };
  headingLevel?: "h2" | "h3";
}

export function sourceCountLabel(count: number): string {
  return count === 1 ? "1 source" : `${count} sources`;
}

/** One claim in a list: badge, summary (the link), claimant and how many sources back it. */
export function ClaimCard({ claim, headingLevel = "h3" }: ClaimCardProps) {
  const Heading = headingLevel;
  // A summary short enough to be its own snippet is marked where it stands.
  const isSummaryMarked = claim.snippet?.field === "summary" && claim.snippet.text === claim.summary;
  return (
    <article className="rounded border border-stone-300 bg-white p-4">
      <div className="mb-2 flex flex-wrap items-center gap-3">
        <StatusBadge status={claim.status} />
        <span className="text-sm text-stone-700">{sourceCountLabel(claim.sourceCount)}</span>
      </div>
      <Heading className="text-lg font-semibold leading-snug">
        <Link href={`/claims/${claim.id}`} className="text-blue-800 underline hover:text-blue-950">
          {isSummaryMarked ? <MarkedText text={claim.summary} highlights={claim.snippet!.highlights} /> : claim.summary}
        </Link>
      </Heading>
      <p className="mt-1 text-sm text-stone-700">
        Claimed by{" "}
        <Link href={`/claimants/${claim.claimant.id}`} className="text-blue-800 underline">
          {claim.claimant.name}
        </Link>
        {claim.story ? (
          <>
            {" "}
            in{" "}
            <Link href={`/stories/${claim.story.slug}`} className="text-blue-800 underline">
              {claim.story.title}
            </Link>
          </>
        ) : null}
      </p>
      {claim.snippet && !isSummaryMarked ? <SearchSnippet snippet={claim.snippet} /> : null}
    </article>
  );
}
