"use server";

import { expireTags } from "@/lib/cache/expire";
import { linkEditTags, linkSetTags, type ClaimFootprint } from "@/lib/cache/tags";
import { getClaimFootprint, getLinkFootprint } from "@/lib/data/footprints";
import { redirect } from "next/navigation";
import { deskClaimPath } from "@/lib/domain/desk-notice";
import { asFormData, failed, formId, formValues, formVersion, invalid, type ActionState } from "@/lib/actions/state";
import { linkSource, unlinkSource, updateLink } from "@/lib/operations/links";
import { authorize } from "@/lib/session";
import { linkEditSchema, linkFormSchema } from "@/lib/validation/link";


/** Expires the reader pages that show the claim's sources: its own, the source's, and the lists' counts. */
async function expireLinkSetChange(claimId: string, sourceId: string, before: ClaimFootprint | null) {
  await expireTags(linkSetTags(claimId, sourceId, [before, await getClaimFootprint(claimId)]));
}

export async function linkSourceAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let claimId: string;
  let before: ClaimFootprint | null = null;
  let sourceId: string;
  try {
    const user = await authorize("link:create");
    claimId = formId(formData, "claimId");
    const parsed = linkFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    before = await getClaimFootprint(claimId);
    await linkSource(user, claimId, parsed.data);
    sourceId = parsed.data.sourceId;
  } catch (error) {
    return failed(error, values);
  }
  await expireLinkSetChange(claimId, sourceId, before);
  redirect(deskClaimPath(claimId, "linked", "sources"));
}

export async function updateLinkAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let claimId: string;
  let link: Awaited<ReturnType<typeof getLinkFootprint>> = null;
  try {
    const user = await authorize("link:edit");
    const id = formId(formData, "linkId");
    const parsed = linkEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    ({ claimId } = await updateLink(user, id, parsed.data));
    link = await getLinkFootprint(id);
  } catch (error) {
    return failed(error, values);
  }
  // The link keeps its claim and source; its quote, relation or note is what changed.
  if (link) await expireTags(linkEditTags(link.claimId, link.sourceId, link.claim));
  redirect(deskClaimPath(claimId, "link-edited", "sources"));
}

export async function unlinkSourceAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let claimId: string;
  let before: ClaimFootprint | null = null;
  let sourceId: string;
  try {
    const user = await authorize("link:delete");
    const linkId = formId(formData, "linkId");
    const link = await getLinkFootprint(linkId);
    before = link?.claim ?? null;
    sourceId = link?.sourceId ?? "";
    ({ claimId } = await unlinkSource(user, linkId, formVersion(formData)));
  } catch (error) {
    return failed(error, values);
  }
  await expireLinkSetChange(claimId, sourceId, before);
  redirect(deskClaimPath(claimId, "unlinked", "sources"));
}
