import type { Metadata } from "next";
import { ClaimTablePage, UnknownDeskPage } from "@/components/desk/claim-table";
import { keysetCursorParam } from "@/lib/cursor";
import { listQueue } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage({ searchParams }: PageProps<"/desk/queue">) {
  const user = await requirePageUser("desk:view", "/desk/queue");
  const cursor = keysetCursorParam((await searchParams).cursor);
  const page = cursor.ok ? await listQueue(user.id, { after: cursor.after }) : null;
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">My queue</h1>
      <p className="mb-4 text-stone-800">Claims assigned to you that still need review, oldest first.</p>
      {page ? <ClaimTablePage page={page} caption="Claims assigned to you" path="/desk/queue" /> : <UnknownDeskPage path="/desk/queue" />}
    </>
  );
}
