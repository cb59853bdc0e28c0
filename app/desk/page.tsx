import type { Metadata } from "next";
import { ClaimTablePage, UnknownDeskPage } from "@/components/desk/claim-table";
import { keysetCursorParam } from "@/lib/cursor";
import { listNeedsReview } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "Needs review" };

export default async function NeedsReviewPage({ searchParams }: PageProps<"/desk">) {
  // Each page checks for itself: a layout is not re-run on every request for a page.
  await requirePageUser("desk:view", "/desk");
  const cursor = keysetCursorParam((await searchParams).cursor);
  const page = cursor.ok ? await listNeedsReview({ after: cursor.after }) : null;
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Needs review</h1>
      <p className="mb-4 text-stone-800">Unverified and in-review claims, oldest first.</p>
      {page ? <ClaimTablePage page={page} caption="Claims that need review" path="/desk" /> : <UnknownDeskPage path="/desk" />}
    </>
  );
}
