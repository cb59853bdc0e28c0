import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditLinkForm } from "@/components/desk/claim-forms";
import { getLinkForEdit } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";
import { isRecordId } from "@/lib/validation/record-id";

export const metadata: Metadata = { title: "Edit source link" };

export default async function EditLinkPage({ params }: PageProps<"/desk/links/[id]/edit">) {
  const { id } = await params;
  await requirePageUser("link:edit", `/desk/links/${id}/edit`);
  const link = isRecordId(id) ? await getLinkForEdit(id) : null;
  if (!link) notFound();
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Edit source link</h1>
      <p className="mb-4">
        {link.source.title} → {link.claim.summary}
      </p>
      <EditLinkForm link={link} />
    </>
  );
}
