"use server";

import { expireTags } from "@/lib/cache/expire";
import { tag } from "@/lib/cache/tags";
import { redirect } from "next/navigation";
import { asFormData, failed, formId, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { createSource, updateSource } from "@/lib/operations/sources";
import { authorize } from "@/lib/session";
import { idSchema } from "@/lib/validation/fields";
import { sourceEditSchema, sourceFormSchema } from "@/lib/validation/source";

export async function createSourceAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  let returnTo: string | null;
  try {
    const user = await authorize("source:create");
    const parsed = sourceFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    ({ id } = await createSource(user, parsed.data));
    // Started from a claim's "link a source": go back there with the new source chosen.
    const claim = idSchema.safeParse(formData.get("returnToClaim"));
    returnTo = claim.success ? `/desk/claims/${claim.data}?source=${id}#link-source` : null;
  } catch (error) {
    return failed(error, values);
  }
  // Readers see a source only once a published claim cites it; linking it expires what shows it.
  await expireTags([tag.source(id)]);
  redirect(returnTo ?? `/desk/sources/${id}/edit?created=1`);
}

export async function updateSourceAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  try {
    const user = await authorize("source:edit");
    id = formId(formData, "sourceId");
    const parsed = sourceEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    await updateSource(user, id, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  // The source's page, every claim page that cites it (they declare the tag), and the lists.
  await expireTags([tag.source(id), tag.published()]);
  // Back on the desk, where the work goes on, with a word that it was saved.
  redirect(`/desk/sources/${id}/edit?saved=1`);
}
