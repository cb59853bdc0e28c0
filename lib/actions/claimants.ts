"use server";

import { expireTags } from "@/lib/cache/expire";
import { tag } from "@/lib/cache/tags";
import { redirect } from "next/navigation";
import { asFormData, failed, formId, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { getClaimant } from "@/lib/data/claimants";
import { updateClaimant } from "@/lib/operations/claimants";
import { authorize } from "@/lib/session";
import { claimantEditSchema } from "@/lib/validation/claimant";
import { SAVED_NOTICE_ID } from "@/lib/domain/desk-notice";

export async function updateClaimantAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  try {
    const user = await authorize("claimant:edit");
    id = formId(formData, "claimantId");
    const parsed = claimantEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await updateClaimant(user, id, { ...parsed.data, sameName: formData.get("sameName") === "1" });
  } catch (error) {
    return failed(error, values);
  }
  // The claimant's page, every page that names them (they declare the tag), and the lists.
  await expireTags([tag.claimant(id), tag.published()]);
  // Readers have a page for a claimant only once one of their claims is published; until then
  // the saved edit is shown back on the desk.
  redirect((await getClaimant(id)) ? `/claimants/${id}` : `/desk/claimants/${id}/edit?saved=1#${SAVED_NOTICE_ID}`);
}
