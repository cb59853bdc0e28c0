"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { failed, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { updateClaimant } from "@/lib/operations/claimants";
import { authorize } from "@/lib/session";
import { claimantEditSchema } from "@/lib/validation/claimant";
import { idSchema } from "@/lib/validation/fields";

export async function updateClaimantAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const values = formValues(formData);
  let id: string;
  try {
    const user = await authorize("claimant:edit");
    const parsedId = idSchema.safeParse(formData.get("claimantId"));
    if (!parsedId.success) return { ok: false, fieldErrors: {}, formError: "This form is missing its claimant; reload the page.", values };
    id = parsedId.data;
    const parsed = claimantEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await updateClaimant(user, id, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  revalidatePath("/", "layout");
  redirect(`/claimants/${id}`);
}
