import type { Metadata } from "next";
import { ClaimForm } from "@/components/desk/claim-form";
import { listAllClaimants, listAllStories } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "New claim" };

export default async function NewClaimPage() {
  await requirePageUser("claim:create", "/desk/claims/new");
  const [claimants, stories] = await Promise.all([listAllClaimants(), listAllStories()]);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Record a claim</h1>
      <ClaimForm claimants={claimants} stories={stories} />
    </>
  );
}
