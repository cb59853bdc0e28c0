"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { asFormData, failed, formId, formValues, formVersion, invalid, type ActionState } from "@/lib/actions/state";
import { expireTags } from "@/lib/cache/expire";
import { tag } from "@/lib/cache/tags";
import { capturePage, type CapturedPage } from "@/lib/capture/capture";
import { CaptureError } from "@/lib/capture/fetch";
import { AppError, CaptureGoneError } from "@/lib/errors";
import { recaptureSource, recordPendingCapture, sourceAddress, type RecaptureReport } from "@/lib/operations/captures";
import { createSource, updateSource } from "@/lib/operations/sources";
import { authorize } from "@/lib/session";
import { idSchema } from "@/lib/validation/fields";
import { pendingCaptureSchema, sourceCaptureSchema, sourceEditSchema, sourceFormSchema } from "@/lib/validation/source";
import { recaptureNotice } from "@/lib/capture/recapture-notice";
import { SAVED_NOTICE_ID } from "@/lib/domain/desk-notice";

/** What "Capture again" answers: the action's state, and which linked quotes the new text lacks. */
export interface RecaptureState extends ActionState {
  report?: RecaptureReport | null;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** The new-source form after a capture: the page's text and address, and metadata where a field is empty. */
function filledFromCapture(values: Record<string, string>, page: CapturedPage, captureId: string): Record<string, string> {
  const filled: Record<string, string> = { ...values, url: page.finalUrl, capturedText: page.text, captureId };
  const fromPage = { title: page.title, publisher: page.publisher, author: page.author, publishedAt: page.publishedAt };
  for (const [field, value] of Object.entries(fromPage)) {
    if (value && !values[field]?.trim()) filled[field] = value;
  }
  return filled;
}

/** "Capture" on the new-source form: fetch the address, fill the form, save nothing but the capture. */
async function captureForNewSource(values: Record<string, string>): Promise<ActionState> {
  try {
    const user = await authorize("source:create");
    const parsed = sourceCaptureSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    const page = await capturePage(parsed.data.url!);
    const { id } = await recordPendingCapture(user, page);
    return {
      ok: true,
      fieldErrors: {},
      formError: null,
      values: filledFromCapture(values, page, id),
      notice: `Captured ${wordCount(page.text).toLocaleString("en")} words from ${page.finalUrl}. Check the fields filled from the page, then add the source.`,
    };
  } catch (error) {
    if (error instanceof CaptureError) return { ok: false, fieldErrors: { url: [error.message] }, formError: "Nothing was captured: see the web address.", values };
    return failed(error, values);
  }
}

export async function createSourceAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  // The form's two buttons: "Capture" fills the form from the page; any other submit saves.
  if (formData.get("intent") === "capture") return captureForNewSource(values);
  let id: string;
  let returnTo: string | null;
  try {
    const user = await authorize("source:create");
    const parsed = sourceFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    const pending = pendingCaptureSchema.safeParse({ captureId: formData.get("captureId") ?? undefined });
    ({ id } = await createSource(user, { ...parsed.data, captureId: (pending.success && pending.data.captureId) || null, sameAddress: formData.get("sameAddress") === "1" }));
    // Started from a claim's "link a source": go back there with the new source chosen.
    const claim = idSchema.safeParse(formData.get("returnToClaim"));
    returnTo = claim.success ? `/desk/claims/${claim.data}?source=${id}#link-source` : null;
  } catch (error) {
    // The form's capture was swept: sent again without it, the form saves the text it holds.
    return failed(error, error instanceof CaptureGoneError ? { ...values, captureId: "" } : values);
  }
  // Readers see a source only once a published claim cites it; linking it expires what shows it.
  await expireTags([tag.source(id)]);
  redirect(returnTo ?? `/desk/sources/${id}/edit?created=1#${SAVED_NOTICE_ID}`);
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
    await updateSource(user, id, { ...parsed.data, sameAddress: formData.get("sameAddress") === "1" });
  } catch (error) {
    return failed(error, values);
  }
  // The source's page, every claim page that cites it (they declare the tag), and the lists.
  await expireTags([tag.source(id), tag.published()]);
  // Back on the desk, where the work goes on, with a word that it was saved.
  redirect(`/desk/sources/${id}/edit?saved=1#${SAVED_NOTICE_ID}`);
}

/**
 * "Capture again" on a source's desk page: fetch its web address, keep the capture in its history,
 * make the new text its captured text, and say which linked quotes that text no longer holds.
 */
export async function recaptureSourceAction(_prev: RecaptureState, sent: unknown): Promise<RecaptureState> {
  const formData = asFormData(sent);
  let id: string;
  let report: RecaptureReport;
  let finalUrl: string;
  try {
    const user = await authorize("source:edit");
    id = formId(formData, "sourceId");
    const version = formVersion(formData);
    const address = await sourceAddress(id, version);
    if (address === undefined) throw new AppError("not_found", "That source no longer exists.");
    if (address === null) throw new AppError("bad_request", "This source has no web address to capture: add one and save the source first.");
    const page = await capturePage(address);
    finalUrl = page.finalUrl;
    report = await recaptureSource(user, id, page, address, version);
  } catch (error) {
    return failed(error, {});
  }
  // The new text changes quote checks on the source's public page and on every claim citing it.
  await expireTags([tag.source(id), tag.published()]);
  revalidatePath(`/desk/sources/${id}/edit`);
  return { ok: true, fieldErrors: {}, formError: null, values: {}, notice: recaptureNotice(finalUrl, report), report };
}
