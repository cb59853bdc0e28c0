import type { Metadata } from "next";
import { ClaimTable } from "@/components/desk/claim-table";
import { listNeedsReview } from "@/lib/data/desk";

export const metadata: Metadata = { title: "Needs review" };

export default async function NeedsReviewPage() {
  const claims = await listNeedsReview();
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Needs review</h1>
      <p className="mb-4 text-stone-800">Unverified and in-review claims, oldest first.</p>
      <ClaimTable claims={claims} caption="Claims that need review" />
    </>
  );
}
