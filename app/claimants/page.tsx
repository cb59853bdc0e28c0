import type { Metadata } from "next";
import Link from "next/link";
import { dependOn } from "@/lib/cache/depend";
import { tag } from "@/lib/cache/tags";
import { listClaimants } from "@/lib/data/claimants";
import { claimantKindLabel } from "@/lib/domain/claimant-kind";

// Rendered for each request, with its CSP nonce (ADR 009): this is the page signed-in people get.
// Readers get its cached copy, app/cached/[edition]/… (ADR 014).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Claimants" };

export default async function ClaimantsPage() {
  // Names and counts across all published claims: expired by any write readers can see.
  await dependOn([tag.published()]);
  const claimants = await listClaimants();
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Claimants</h1>
      {claimants.length === 0 ? (
        <p>No claim has been published yet.</p>
      ) : (
        <ul className="space-y-3">
          {claimants.map((claimant) => (
            <li key={claimant.id} className="rounded border border-stone-300 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/claimants/${claimant.id}`} className="text-blue-800 underline">
                  {claimant.name}
                </Link>
              </h2>
              <p className="text-sm text-stone-700">
                {claimantKindLabel(claimant.kind)} ·{" "}
                {claimant.publishedClaimCount === 1 ? "1 claim" : `${claimant.publishedClaimCount} claims`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
