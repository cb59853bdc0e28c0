"use server";

import { revalidatePath } from "next/cache";
import { expireTags } from "@/lib/cache/expire";
import { claimWriteTags, duplicateMarkTags, type ClaimFootprint } from "@/lib/cache/tags";
import { getClaimFootprint, getDuplicateOf } from "@/lib/data/footprints";
import { redirect } from "next/navigation";
import { deskClaimPath } from "@/lib/domain/desk-notice";
import { asFormData, failed, formId, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { assignClaim, changeStatus, createClaim, markDuplicate, setPublished, unmarkDuplicate, updateClaim } from "@/lib/operations/claims";
import { authorize } from "@/lib/session";
import { AppError } from "@/lib/errors";
import { assignFormSchema, claimEditSchema, claimFormSchema, duplicateFormSchema, notDuplicateFormSchema, publishFormSchema, sourceQuoteSchema, statusFormSchema, type SourceQuoteInput } from "@/lib/validation/claim";

// Every action: authorize, validate, write (with its history event, in one transaction),
// revalidate, and redirect outside the try so Next's redirect is not caught as an error.


/** Expires the reader pages that show the claim as it was before the write or is now. */
async function revalidateClaim(id: string, before: ClaimFootprint | null) {
  await expireTags(claimWriteTags(id, [before, await getClaimFootprint(id)]));
  revalidatePath(`/desk/claims/${id}`);
}

export async function createClaimAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  try {
    const user = await authorize("claim:create");
    const parsed = claimFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    // Recorded from the finder: the form names the source and where the sentence lies in it.
    let fromSource: SourceQuoteInput | undefined;
    if (formData.has("quoteSourceId")) {
      const quoted = sourceQuoteSchema.safeParse(values);
      if (!quoted.success) throw new AppError("bad_request", "This form's link to its source is incomplete; open the finder again.");
      fromSource = quoted.data;
    }
    ({ id } = await createClaim(user, { ...parsed.data, sameClaimantName: formData.get("sameClaimantName") === "1" }, fromSource));
  } catch (error) {
    return failed(error, values);
  }
  await revalidateClaim(id, null);
  redirect(deskClaimPath(id, "recorded"));
}

export async function updateClaimAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  let before: ClaimFootprint | null = null;
  try {
    const user = await authorize("claim:edit");
    id = formId(formData, "claimId");
    const parsed = claimEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    before = await getClaimFootprint(id);
    await updateClaim(user, id, { ...parsed.data, sameClaimantName: formData.get("sameClaimantName") === "1" });
  } catch (error) {
    return failed(error, values);
  }
  await revalidateClaim(id, before);
  redirect(deskClaimPath(id, "edited"));
}

export async function changeStatusAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  let before: ClaimFootprint | null = null;
  try {
    const user = await authorize("status:propose");
    id = formId(formData, "claimId");
    const parsed = statusFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    before = await getClaimFootprint(id);
    await changeStatus(user, id, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  await revalidateClaim(id, before);
  redirect(deskClaimPath(id, "status"));
}

export async function publishAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  let published: boolean;
  let before: ClaimFootprint | null = null;
  try {
    const intent = formData.get("intent");
    const user = await authorize(intent === "unpublish" ? "claim:unpublish" : "claim:publish");
    id = formId(formData, "claimId");
    const parsed = publishFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    before = await getClaimFootprint(id);
    published = parsed.data.intent === "publish";
    await setPublished(user, id, published, parsed.data.version);
  } catch (error) {
    return failed(error, values);
  }
  await revalidateClaim(id, before);
  redirect(deskClaimPath(id, published ? "published" : "unpublished"));
}

export async function assignAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
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
  // Who checks a claim is the desk's business: no reader page shows it (ADR 019), so none expires.
  revalidatePath(`/desk/claims/${id}`);
  redirect(deskClaimPath(id, "assigned"));
}

/**
 * A duplicate's reader page redirects to its original once that is published, and related
 * claims leave it out (ADR 030): its page and the pages listing it as related. The original's
 * reader page shows nothing of its duplicates; its desk page does.
 */
async function revalidateDuplicate(id: string, originals: (string | null)[]) {
  await expireTags(duplicateMarkTags(id, (await getClaimFootprint(id))?.published ?? false));
  revalidatePath(`/desk/claims/${id}`);
  for (const original of originals) if (original) revalidatePath(`/desk/claims/${original}`);
}

export async function markDuplicateAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  let moved: { originalId: string; movedIds: string[] };
  let formerOriginal: string | null;
  try {
    const user = await authorize("claim:mark-duplicate");
    id = formId(formData, "claimId");
    const parsed = duplicateFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    formerOriginal = (await getDuplicateOf(id)) ?? null;
    const { originalId, duplicateReason: reason, version } = parsed.data;
    moved = await markDuplicate(user, id, { originalId, reason, version });
  } catch (error) {
    return failed(error, values);
  }
  await revalidateDuplicate(id, [moved.originalId, formerOriginal]);
  // The claim's own duplicates now point at its original: their pages redirect there instead.
  for (const follower of moved.movedIds) await revalidateDuplicate(follower, []);
  redirect(deskClaimPath(id, "marked-duplicate"));
}

export async function unmarkDuplicateAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  let left: { formerOriginalId: string | null };
  try {
    const user = await authorize("claim:mark-duplicate");
    id = formId(formData, "claimId");
    const parsed = notDuplicateFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    left = await unmarkDuplicate(user, id, { reason: parsed.data.duplicateReason, version: parsed.data.version });
  } catch (error) {
    return failed(error, values);
  }
  await revalidateDuplicate(id, [left.formerOriginalId]);
  redirect(deskClaimPath(id, "unmarked-duplicate"));
}
