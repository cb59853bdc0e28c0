import type { Metadata } from "next";
import { ClaimTable } from "@/components/desk/claim-table";
import { listNeedsReview } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "Needs review" };

export default async function NeedsReviewPage() {
  // Each page checks for itself: a layout is not re-run on every request for a page.
  await requirePageUser("desk:view", "/desk");
  const claims = await listNeedsReview();
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Needs review</h1>
      <p className="mb-4 text-stone-800">Unverified and in-review claims, oldest first.</p>
      <ClaimTable claims={claims} caption="Claims that need review" />
    </>
  );
}
