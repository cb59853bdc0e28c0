import type { Metadata } from "next";
import Link from "next/link";
import { ClaimFilters } from "@/components/claims/claim-filters";
import { ClaimList } from "@/components/claims/claim-list";
import { getClaimantName } from "@/lib/data/claimants";
import { listClaims } from "@/lib/data/claims";
import { keptFilterMenus } from "@/lib/data/filter-menus";
import { getSourceTitle } from "@/lib/data/sources";
import { keptSearchClaimIds } from "@/lib/search";
import { parseClaimQuery, toSearchParams } from "@/lib/validation/claim-query";

// Rendered for each request, with its CSP nonce (docs/decisions/009-content-security-policy.md).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Claims" };

export default async function ClaimsPage({ searchParams }: PageProps<"/claims">) {
  const query = parseClaimQuery(toSearchParams(await searchParams), { unknown: "ignore" });
  const filters = query.ok ? query.filters : {};
  const [{ stories, claimants, sources }, activeClaimant, activeSource, page] = await Promise.all([
    keptFilterMenus(),
    filters.claimant ? getClaimantName(filters.claimant) : null,
    filters.source ? getSourceTitle(filters.source) : null,
    query.ok ? listClaims(query.filters, { limit: query.limit, cursor: query.cursor }, keptSearchClaimIds) : null,
  ]);

  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Claims</h1>
      <ClaimFilters
        filters={filters}
        stories={stories.map((s) => ({ id: s.id, label: s.title }))}
        claimants={claimants ? claimants.map((c) => ({ id: c.id, label: c.name })) : null}
        activeClaimant={filters.claimant ? { id: filters.claimant, label: activeClaimant ?? "an unknown claimant" } : null}
        sources={sources ? sources.map((s) => ({ id: s.id, label: s.title })) : null}
        activeSource={filters.source ? { id: filters.source, label: activeSource ?? "an unknown source" } : null}
      />
      {page ? (
        <ClaimList page={page} filters={filters} />
      ) : (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">This link asks for something we cannot show.</p>
          <p className="mt-1">{query.ok ? null : query.message}</p>
          <p className="mt-2">
            <Link href="/claims" className="text-blue-800 underline">
              See all claims
            </Link>
          </p>
        </div>
      )}
    </>
  );
}
