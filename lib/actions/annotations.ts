"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failed, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { addAnnotation, deleteAnnotation, editAnnotation } from "@/lib/operations/annotations";
import { authorize } from "@/lib/session";
import { annotationEditSchema, annotationFormSchema } from "@/lib/validation/annotation";
import { idSchema } from "@/lib/validation/fields";

function missing(values: Record<string, string>): ActionState {
  return { ok: false, fieldErrors: {}, formError: "This form is missing what it belongs to; reload the page.", values };
}

export async function addAnnotationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("annotation:create");
    const id = idSchema.safeParse(formData.get("claimId"));
    if (!id.success) return missing(values);
    claimId = id.data;
    const parsed = annotationFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await addAnnotation(user, claimId, parsed.data.body);
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/desk/claims/${claimId}#notes`);
}

export async function editAnnotationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("annotation:edit-own");
    const id = idSchema.safeParse(formData.get("annotationId"));
    if (!id.success) return missing(values);
    const parsed = annotationEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    ({ claimId } = await editAnnotation(user, id.data, parsed.data));
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/desk/claims/${claimId}#notes`);
}

export async function deleteAnnotationAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("annotation:delete-own");
    const id = idSchema.safeParse(formData.get("annotationId"));
    if (!id.success) return missing(values);
    ({ claimId } = await deleteAnnotation(user, id.data));
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/desk/claims/${claimId}#notes`);
}
