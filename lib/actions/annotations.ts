"use server";

import { expireTags } from "@/lib/cache/expire";
import { tag } from "@/lib/cache/tags";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { deskClaimPath } from "@/lib/domain/desk-notice";
import { asFormData, failed, formId, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { addAnnotation, deleteAnnotation, editAnnotation } from "@/lib/operations/annotations";
import { authorize } from "@/lib/session";
import { annotationEditSchema, annotationFormSchema } from "@/lib/validation/annotation";

export async function addAnnotationAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let claimId: string;
  let readersSee: boolean;
  try {
    const user = await authorize("annotation:create");
    claimId = formId(formData, "claimId");
    const parsed = annotationFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    ({ readersSee } = await addAnnotation(user, claimId, parsed.data));
  } catch (error) {
    return failed(error, values);
  }
  // A public note is shown only on its claim's own page; an internal one on no reader page.
  if (readersSee) await expireTags([tag.claim(claimId)]);
  // The desk page is rendered per request, but a redirect to the page it was posted from (a
  // change of hash only) would keep the client's copy: refresh it.
  revalidatePath(`/desk/claims/${claimId}`);
  redirect(deskClaimPath(claimId, "note-added", "notes"));
}

export async function editAnnotationAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let claimId: string;
  let readersSaw: boolean;
  try {
    const user = await authorize("annotation:edit-own");
    const id = formId(formData, "annotationId");
    const parsed = annotationEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    ({ claimId, readersSaw } = await editAnnotation(user, id, parsed.data));
  } catch (error) {
    return failed(error, values);
  }
  // Readers' page changes only if they saw the note or now see it.
  if (readersSaw) await expireTags([tag.claim(claimId)]);
  revalidatePath(`/desk/claims/${claimId}`);
  redirect(deskClaimPath(claimId, "note-edited", "notes"));
}

export async function deleteAnnotationAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let claimId: string;
  let readersSaw: boolean;
  try {
    const user = await authorize("annotation:delete-own");
    const id = formId(formData, "annotationId");
    ({ claimId, readersSaw } = await deleteAnnotation(user, id));
  } catch (error) {
    return failed(error, values);
  }
  // Readers' page changes only if they saw the note or now see it.
  if (readersSaw) await expireTags([tag.claim(claimId)]);
  revalidatePath(`/desk/claims/${claimId}`);
  redirect(deskClaimPath(claimId, "note-deleted", "notes"));
}
