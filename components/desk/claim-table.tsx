import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DeskClaimRow, DeskPage } from "@/lib/data/desk";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function ClaimTable({ claims, caption }: { claims: DeskClaimRow[]; caption: string }) {
  if (claims.length === 0) return <p className="rounded border border-stone-300 bg-white p-4">Nothing here: all caught up.</p>;
  return (
    <table className="w-full border-collapse bg-white text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-stone-400">
          <th scope="col" className="p-2">Claim</th>
          <th scope="col" className="p-2">Status</th>
          <th scope="col" className="p-2">Claimant</th>
          <th scope="col" className="p-2">Assigned to</th>
          <th scope="col" className="p-2">Recorded</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((claim) => (
          <tr key={claim.id} className="border-b border-stone-200 align-top">
            <td className="p-2">
              <Link href={`/desk/claims/${claim.id}`} className="text-blue-800 underline">
                {claim.summary}
              </Link>
              {claim.publishedAt ? null : <span className="ml-2 text-xs font-semibold uppercase text-stone-700">Draft</span>}
            </td>
            <td className="p-2"><StatusBadge status={claim.status} /></td>
            <td className="p-2">{claim.claimant.name}</td>
            <td className="p-2">{claim.assignee?.name ?? "Nobody"}</td>
            <td className="p-2">{dateFormat.format(claim.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const count = new Intl.NumberFormat("en");

/**
 * Which claims of how many a page of a desk list shows, for its count line, its table's caption
 * and its title: "12 claims", "claims 201–400 of 25,001", or null for a page with none.
 */
export function deskPageRange(page: DeskPage): string | null {
  if (page.rows.length === 0) return null;
  if (page.before === 0 && !page.next) return `${count.format(page.total)} ${page.total === 1 ? "claim" : "claims"}`;
  return `claims ${count.format(page.before + 1)}–${count.format(page.before + page.rows.length)} of ${count.format(page.total)}`;
}

/** A desk list page's title: its name, and where in the list it is when the list has pages. */
export function deskPageTitle(name: string, page: DeskPage | null): string {
  const range = page && (page.before > 0 || page.next) ? deskPageRange(page) : null;
  return range ? `${name}: ${range}` : name;
}

/**
 * A desk list a page at a time: which claims of how many are shown, the table, and the way on.
 * `path` is the list's own address, for the links.
 */
export function ClaimTablePage({ page, caption, path }: { page: DeskPage; caption: string; path: string }) {
  const range = deskPageRange(page);
  // Past the last claim (everything after this point was reviewed, or the link is old): say so,
  // rather than "all caught up" while others wait.
  const pastTheEnd = page.rows.length === 0 && page.total > 0;
  return (
    <>
      {range ? <p className="mb-2 text-sm text-stone-800">{`${range[0]!.toUpperCase()}${range.slice(1)}.`}</p> : null}
      {pastTheEnd ? (
        <p className="rounded border border-stone-300 bg-white p-4">No claims past this point; {count.format(page.total)} wait, from the oldest.</p>
      ) : (
        <ClaimTable claims={page.rows} caption={range ? `${caption}: ${range}` : caption} />
      )}
      {page.next || page.before > 0 || pastTheEnd ? (
        <nav aria-label="Pages of this list" className="mt-4 flex gap-6 text-sm">
          {page.before > 0 || pastTheEnd ? (
            <Link href={path} className="text-blue-800 underline">
              First page: oldest claims
            </Link>
          ) : null}
          {page.next ? (
            <Link href={`${path}?cursor=${page.next}`} className="text-blue-800 underline" rel="next">
              Next page: newer claims
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

/** Said instead of a list when its `cursor` is not one we gave out. */
export function UnknownDeskPage({ path }: { path: string }) {
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
      <p className="font-semibold">This link asks for a page of the list we cannot find.</p>
      <p className="mt-2">
        <Link href={path} className="text-blue-800 underline">
          Start from the oldest claims
        </Link>
      </p>
    </div>
  );
}
