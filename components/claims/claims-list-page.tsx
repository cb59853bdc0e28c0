import Link from "next/link";
import type { ReactElement } from "react";
import { ClaimFilters } from "@/components/claims/claim-filters";
import { ClaimList } from "@/components/claims/claim-list";
import { dependOn } from "@/lib/cache/depend";
import { tag } from "@/lib/cache/tags";
import { getClaimantName } from "@/lib/data/claimants";
import { listClaims } from "@/lib/data/claims";
import { keptFilterMenus } from "@/lib/data/filter-menus";
import { getSourceTitle } from "@/lib/data/sources";
import { getArchivedStoryOption } from "@/lib/data/stories";
import { keptSearchClaimIds } from "@/lib/search";
import { parseClaimQuery } from "@/lib/validation/claim-query";

/**
 * The claims list for a query string: the filter form, then a page of claims or the reason the
 * query cannot be shown. Rendered per request by app/claims/page.tsx, and once per set of
 * filters by its cached copy (app/cached/[edition]/claim-list/[key]), which waits on `published`
 * like the other lists across all claims.
 *
 * A function the pages call and await, not an async component: the page's own render then holds
 * no suspended child (lib/cache/invalidation.test.ts renders pages to markup in one pass).
 */
export async function claimsListPage(params: URLSearchParams): Promise<ReactElement> {
  await dependOn([tag.published()]);
  const query = parseClaimQuery(params, { unknown: "ignore" });
  const filters = query.ok ? query.filters : {};
  const [{ stories, claimants, sources }, archivedStory, activeClaimant, activeSource, page] = await Promise.all([
    keptFilterMenus(),
    // The menu lists current stories; an archived one is named while it is the filter (ADR 024).
    filters.story ? getArchivedStoryOption(filters.story) : null,
    filters.claimant ? getClaimantName(filters.claimant) : null,
    filters.source ? getSourceTitle(filters.source) : null,
    query.ok ? listClaims(query.filters, { limit: query.limit, cursor: query.cursor }, keptSearchClaimIds) : null,
  ]);

  const storyOptions = [...stories.map((s) => ({ id: s.id, label: s.title })), ...(archivedStory ? [{ id: archivedStory.id, label: `${archivedStory.title} (archived)` }] : [])];
  // A story id that names none of them (a story's address typed where its id goes) is shown as
  // the filter it is, as an unknown claimant is, not as "Any story".
  if (filters.story && !storyOptions.some((option) => option.id === filters.story)) storyOptions.push({ id: filters.story, label: "an unknown story" });
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Claims</h1>
      <ClaimFilters
        filters={filters}
        stories={storyOptions}
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
