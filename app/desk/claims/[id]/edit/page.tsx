import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClaimForm } from "@/components/desk/claim-form";
import { getDeskClaim, listAllClaimants, listAllStories } from "@/lib/data/desk";
import { claimFormValues } from "@/lib/domain/form-values";
import { requirePageUser } from "@/lib/session";
import { isRecordId } from "@/lib/validation/record-id";

export const metadata: Metadata = { title: "Edit claim" };

export default async function EditClaimPage({ params }: PageProps<"/desk/claims/[id]/edit">) {
  const { id } = await params;
  await requirePageUser("claim:edit", `/desk/claims/${id}/edit`);
  const claim = isRecordId(id) ? await getDeskClaim(id) : null;
  if (!claim) notFound();
  const [claimants, stories] = await Promise.all([listAllClaimants(), listAllStories()]);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Edit claim</h1>
      <ClaimForm
        id="claim-form"
        claimants={claimants}
        stories={stories}
        claim={{ id: claim.id, version: claim.version, ...claimFormValues(claim) }}
      />
    </>
  );
}
