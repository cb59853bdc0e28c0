"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failed, formId, formValues, formVersion, invalid, type ActionState } from "@/lib/actions/state";
import { linkSource, unlinkSource, updateLink } from "@/lib/operations/links";
import { authorize } from "@/lib/session";
import { linkEditSchema, linkFormSchema } from "@/lib/validation/link";


export async function linkSourceAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let claimId: string;
  try {
    const user = await authorize("link:create");
    claimId = formId(formData, "claimId");
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
    const id = formId(formData, "linkId");
    const parsed = linkEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    ({ claimId } = await updateLink(user, id, parsed.data));
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
    ({ claimId } = await unlinkSource(user, formId(formData, "linkId"), formVersion(formData)));
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/desk/claims/${claimId}#sources`);
}
