"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failed, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { linkSource, unlinkSource, updateLink } from "@/lib/operations/links";
import { authorize } from "@/lib/session";
import { idSchema, versionSchema } from "@/lib/validation/fields";
import { linkEditSchema, linkFormSchema } from "@/lib/validation/link";

function missing(values: Record<string, string>): ActionState {
  return { ok: false, fieldErrors: {}, formError: "This form is missing what it belongs to; reload the page.", values };
}

export async function linkSourceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("link:create");
    const id = idSchema.safeParse(formData.get("claimId"));
    if (!id.success) return missing(values);
    claimId = id.data;
    const parsed = linkFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await linkSource(user, claimId, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/desk/claims/${claimId}#sources`);
}

export async function updateLinkAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("link:edit");
    const id = idSchema.safeParse(formData.get("linkId"));
    if (!id.success) return missing(values);
    const parsed = linkEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    ({ claimId } = await updateLink(user, id.data, parsed.data));
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/desk/claims/${claimId}#sources`);
}

export async function unlinkSourceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("link:delete");
    const id = idSchema.safeParse(formData.get("linkId"));
    const version = versionSchema.safeParse(formData.get("version"));
    if (!id.success || !version.success) return missing(values);
    ({ claimId } = await unlinkSource(user, id.data, version.data));
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/desk/claims/${claimId}#sources`);
}
