import type { Metadata } from "next";
import { cache } from "react";
import { ClaimTablePage, UnknownDeskPage, deskPageTitle } from "@/components/desk/claim-table";
import { keysetCursorParam } from "@/lib/cursor";
import { listQueue } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";

/**
 * The page of the queue the address asks for, or null for a cursor we cannot follow. Checked and
 * read once per request, for the title and the page alike (React's cache).
 */
const readPage = cache(async (cursorParam: string | string[] | undefined) => {
  const user = await requirePageUser("desk:view", "/desk/queue");
  const cursor = keysetCursorParam(cursorParam);
  return cursor.ok ? listQueue(user.id, { after: cursor.after }) : null;
});

// The title says where in the list a page is, so a screen reader hears the page change.
export async function generateMetadata({ searchParams }: PageProps<"/desk/queue">): Promise<Metadata> {
  return { title: deskPageTitle("My queue", await readPage((await searchParams).cursor)) };
}

export default async function QueuePage({ searchParams }: PageProps<"/desk/queue">) {
  const page = await readPage((await searchParams).cursor);
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">My queue</h1>
      <p className="mb-4 text-stone-800">Claims assigned to you that still need review, oldest first.</p>
      {page ? <ClaimTablePage page={page} caption="Claims assigned to you" path="/desk/queue" /> : <UnknownDeskPage path="/desk/queue" />}
    </>
  );
}
