import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DeskClaimRow } from "@/lib/data/desk";

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
