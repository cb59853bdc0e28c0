import type { Metadata } from "next";
import { ClaimTable } from "@/components/desk/claim-table";
import { listQueue } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "My queue" };

export default async function QueuePage() {
  const user = await requirePageUser("desk:view", "/desk/queue");
  const claims = await listQueue(user.id);
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">My queue</h1>
      <p className="mb-4 text-stone-800">Claims assigned to you that still need review, oldest first.</p>
      <ClaimTable claims={claims} caption="Claims assigned to you" />
    </>
  );
}
