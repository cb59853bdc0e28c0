import type { Metadata } from "next";
import { cache } from "react";
import { ClaimTablePage, UnknownDeskPage, deskPageTitle } from "@/components/desk/claim-table";
import { keysetCursorParam } from "@/lib/cursor";
import { listNeedsReview } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";

/**
 * The page of the list the address asks for, or null for a cursor we cannot follow. Checked and
 * read once per request, for the title and the page alike (React's cache).
 */
const readPage = cache(async (cursorParam: string | string[] | undefined) => {
  // Each page checks for itself: a layout is not re-run on every request for a page.
  await requirePageUser("desk:view", "/desk");
  const cursor = keysetCursorParam(cursorParam);
  return cursor.ok ? listNeedsReview({ after: cursor.after }) : null;
});

// The title says where in the list a page is, so a screen reader hears the page change.
export async function generateMetadata({ searchParams }: PageProps<"/desk">): Promise<Metadata> {
  return { title: deskPageTitle("Needs review", await readPage((await searchParams).cursor)) };
}

export default async function NeedsReviewPage({ searchParams }: PageProps<"/desk">) {
  const page = await readPage((await searchParams).cursor);
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Needs review</h1>
      <p className="mb-4 text-stone-800">Unverified and in-review claims, oldest first.</p>
      {page ? <ClaimTablePage page={page} caption="Claims that need review" path="/desk" /> : <UnknownDeskPage path="/desk" />}
    </>
  );
}
