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
  return (
    <section aria-labelledby="results-heading">
      <h2 id="results-heading" className="mb-3 text-base font-semibold text-stone-800" role="status">
        {page.total === 1 && !page.totalIsCapped
          ? "1 claim"
          : `Claims ${first}–${last} of ${page.totalIsCapped ? "more than " : ""}${page.total.toLocaleString("en")}`}
        {filters.q ? ", best match first" : ", newest first"}
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
