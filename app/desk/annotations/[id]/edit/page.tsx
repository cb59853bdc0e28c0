import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditAnnotationForm } from "@/components/desk/claim-forms";
import { getAnnotationForEdit } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";
import { isRecordId } from "@/lib/validation/record-id";

export const metadata: Metadata = { title: "Edit note" };

export default async function EditAnnotationPage({ params }: PageProps<"/desk/annotations/[id]/edit">) {
  const { id } = await params;
  const user = await requirePageUser("annotation:edit-own", `/desk/annotations/${id}/edit`);
  const note = isRecordId(id) ? await getAnnotationForEdit(id) : null;
  // Someone else's note is not there to edit, as far as this page is concerned.
  if (!note || note.authorId !== user.id) notFound();
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Edit note</h1>
      <p className="mb-4">On: {note.claim.summary}</p>
      <EditAnnotationForm annotation={note} />
    </>
  );
}
