import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ClaimantForm } from "@/components/desk/claimant-form";
import { getClaimantForEdit } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";
import { isRecordId } from "@/lib/validation/record-id";
import { SAVED_NOTICE_ID } from "@/lib/domain/desk-notice";

export const metadata: Metadata = { title: "Edit claimant" };

export default async function EditClaimantPage({ params, searchParams }: PageProps<"/desk/claimants/[id]/edit">) {
  const { id } = await params;
  const saved = (await searchParams).saved === "1";
  await requirePageUser("claimant:edit", `/desk/claimants/${id}/edit`);
  const claimant = isRecordId(id) ? await getClaimantForEdit(id) : null;
  if (!claimant) notFound();
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Edit claimant</h1>
      {saved ? (
        <p id={SAVED_NOTICE_ID} role="status" className="mb-4 rounded border border-green-400 bg-green-50 p-3 text-green-900">
          Saved. Readers will see this claimant’s page once one of their claims is published.
        </p>
      ) : null}
      <ClaimantForm claimant={{ ...claimant, url: claimant.url ?? "" }} />
    </>
  );
}
