"use server";

import { expireTags } from "@/lib/cache/expire";
import { tag } from "@/lib/cache/tags";
import { redirect } from "next/navigation";
import { asFormData, failed, formId, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { addAnnotation, deleteAnnotation, editAnnotation } from "@/lib/operations/annotations";
import { authorize } from "@/lib/session";
import { annotationEditSchema, annotationFormSchema } from "@/lib/validation/annotation";


export async function addAnnotationAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("annotation:create");
    claimId = formId(formData, "claimId");
    const parsed = annotationFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await addAnnotation(user, claimId, parsed.data.body);
  } catch (error) {
    return failed(error, values);
  }
  // Notes are shown only on the claim's own page.
  await expireTags([tag.claim(claimId)]);
  redirect(`/desk/claims/${claimId}#notes`);
}

export async function editAnnotationAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("annotation:edit-own");
    const id = formId(formData, "annotationId");
    const parsed = annotationEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    ({ claimId } = await editAnnotation(user, id, parsed.data));
  } catch (error) {
    return failed(error, values);
  }
  // Notes are shown only on the claim's own page.
  await expireTags([tag.claim(claimId)]);
  redirect(`/desk/claims/${claimId}#notes`);
}

export async function deleteAnnotationAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("annotation:delete-own");
    const id = formId(formData, "annotationId");
    ({ claimId } = await deleteAnnotation(user, id));
  } catch (error) {
    return failed(error, values);
  }
  // Notes are shown only on the claim's own page.
  await expireTags([tag.claim(claimId)]);
  redirect(`/desk/claims/${claimId}#notes`);
}
