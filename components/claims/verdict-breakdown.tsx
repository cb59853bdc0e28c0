import { CLAIM_STATUSES, STATUS_INFO, isVerdict, verdictStatuses, type ClaimStatus } from "@/lib/domain/status";

/**
 * A story's published claims by verdict, best first: each verdict's number in words and a bar
 * drawn in proportion to it (decoration: the number says it all). Statuses that are no verdict
 * (awaiting one, or not checkable) follow in a sentence. Server-rendered, no script.
 */
export function VerdictBreakdown({ counts }: { counts: Record<ClaimStatus, number> }) {
  const verdicts = verdictStatuses().reverse();
  const rated = verdicts.reduce((sum, status) => sum + counts[status], 0);
  const others = CLAIM_STATUSES.filter((status) => !isVerdict(status) && counts[status] > 0);
  if (rated === 0 && others.length === 0) return null;
  const largest = Math.max(1, ...verdicts.map((status) => counts[status]));
  return (
    <section aria-labelledby="verdict-breakdown-heading" className="mt-6 max-w-xl rounded border border-stone-300 bg-white p-4">
      <h2 id="verdict-breakdown-heading" className="mb-2 text-lg font-semibold">
        Our verdicts in this story
      </h2>
      {rated > 0 ? (
        <ul className="space-y-1.5">
          {verdicts.map((status) => (
            <li key={status} className="grid grid-cols-[11rem_2.5rem_1fr] items-center gap-2 text-sm">
              <span>{STATUS_INFO[status].label}</span>
              <span className="text-right font-semibold tabular-nums">{counts[status]}</span>
              {/* SVG attributes, not a style attribute: the content security policy refuses inline styles (ADR 009). */}
              <svg aria-hidden="true" focusable="false" className="h-3 w-full">
                {counts[status] > 0 ? <rect width={`${(counts[status] / largest) * 100}%`} height="100%" fill="#44403c" /> : null}
              </svg>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm">No verdict yet.</p>
      )}
      {others.length > 0 ? (
        <p className="mt-2 text-sm text-stone-800">
          Also {others.map((status) => `${counts[status]} ${STATUS_INFO[status].label.toLowerCase()}`).join(", ")}.
        </p>
      ) : null}
    </section>
  );
}
