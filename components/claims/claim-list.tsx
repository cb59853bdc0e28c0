import Link from "next/link";
import { ClaimCard } from "@/components/claims/claim-card";
import type { ClaimPage } from "@/lib/data/claims";
import { claimQueryString, type ClaimFilters } from "@/lib/validation/claim-query";

/** A page of claims with the count, the cards and links to the next and first pages. */
export function ClaimList({ page, filters }: { page: ClaimPage; filters: ClaimFilters }) {
  if (page.items.length === 0) {
    return (
      <p role="status" className="rounded border border-stone-300 bg-white p-4">
        No published claims match{page.offset > 0 ? " on this page" : ""}.{" "}
        <Link href="/claims" className="text-blue-800 underline">
          See all claims
        </Link>
      </p>
    );
  }
  const first = page.offset + 1;
  const last = page.offset + page.items.length;
  // A page's place in the list comes from its link; a link edited by hand, or carried over to
  // other filters, can place it past the end ("Claims 201–220 of 12"). Then only what is certain
  // is said: how many this page shows, and how many match.
  // A link carried over from a list with other filters counts that list's claims: the same.
  const placeKnown = page.offsetKnown !== false && (page.totalIsCapped || last <= page.total);
  const total = `${page.totalIsCapped ? "more than " : ""}${page.total.toLocaleString("en")}`;
  return (
    <section aria-labelledby="results-heading">
      {/* A heading that is also announced when the results change: the live region sits inside
          it, since role="status" on the h2 itself would take its heading role away. */}
      <h2 id="results-heading" className="mb-3 text-base font-semibold text-stone-800">
        <span role="status">
          {page.total === 1 && !page.totalIsCapped
            ? "1 claim"
            : placeKnown
              ? `Claims ${first}–${last} of ${total}`
              : `${page.items.length.toLocaleString("en")} ${page.items.length === 1 ? "claim" : "claims"} on this page, of ${total}`}
          {filters.q ? ", best match first" : ", newest first"}
        </span>
      </h2>
      <ol className="space-y-3">
        {page.items.map((claim) => (
          <li key={claim.id}>
            <ClaimCard claim={claim} />
          </li>
        ))}
      </ol>
      <nav aria-label="Pages" className="no-print mt-6 flex gap-6 text-sm">
        {page.offset > 0 ? (
          <Link href={`/claims${claimQueryString(filters, { limit: page.limit })}`} className="text-blue-800 underline">
            ← First page
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/claims${claimQueryString(filters, { cursor: page.nextCursor, limit: page.limit })}`} className="text-blue-800 underline" rel="next">
            Next page →
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
