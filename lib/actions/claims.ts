"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failed, formId, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { assignClaim, changeStatus, createClaim, setPublished, updateClaim } from "@/lib/operations/claims";
import { authorize } from "@/lib/session";
import { assignFormSchema, claimEditSchema, claimFormSchema, publishFormSchema, statusFormSchema } from "@/lib/validation/claim";

// Every action: authorize, validate, write (with its history event, in one transaction),
// revalidate, and redirect outside the try so Next's redirect is not caught as an error.


function revalidateClaim(id: string) {
  // Reader pages list claims in several places (home, lists, sources, claimants).
  revalidatePath("/", "layout");
  revalidatePath(`/desk/claims/${id}`);
}

export async function createClaimAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: string;
  try {
    const user = await authorize("claim:create");
    const parsed = claimFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    ({ id } = await createClaim(user, parsed.data));
  } catch (error) {
    return failed(error, values);
  }
  revalidateClaim(id);
  redirect(`/desk/claims/${id}`);
}

export async function updateClaimAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: string;
  try {
    const user = await authorize("claim:edit");
    id = formId(formData, "claimId");
    const parsed = claimEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await updateClaim(user, id, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  revalidateClaim(id);
  redirect(`/desk/claims/${id}`);
}

export async function changeStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: string;
  try {
    const user = await authorize("status:propose");
    id = formId(formData, "claimId");
    const parsed = statusFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await changeStatus(user, id, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  revalidateClaim(id);
  redirect(`/desk/claims/${id}`);
}

export async function publishAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: string;
  try {
    const intent = formData.get("intent");
    const user = await authorize(intent === "unpublish" ? "claim:unpublish" : "claim:publish");
    id = formId(formData, "claimId");
    const parsed = publishFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await setPublished(user, id, parsed.data.intent === "publish", parsed.data.version);
  } catch (error) {
    return failed(error, values);
  }
  revalidateClaim(id);
  redirect(`/desk/claims/${id}`);
}

export async function assignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: string;
  try {
    const user = await authorize("claim:assign");
    id = formId(formData, "claimId");
    const parsed = assignFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await assignClaim(user, id, parsed.data.assigneeId, parsed.data.version);
  } catch (error) {
    return failed(error, values);
  }
  revalidateClaim(id);
  redirect(`/desk/claims/${id}`);
}
