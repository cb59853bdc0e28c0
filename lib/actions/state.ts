import { z } from "zod";
import { AppError, ConflictError, FieldRuleError } from "@/lib/errors";
import { logEvent } from "@/lib/log";
import { FINGERPRINT_PREFIX, textFingerprint } from "@/lib/text-fingerprint";
import { versionSchema } from "@/lib/validation/fields";
import { recordIdSchema } from "@/lib/validation/record-id";

/**
 * What every server action returns to its form: all field errors at once, one form-level
 * message, and the values as typed so nothing is lost (never a password).
 */
export interface ActionState {
  ok: boolean;
  fieldErrors: Record<string, string[]>;
  formError: string | null;
  values: Record<string, string>;
  /** A success message for forms that stay on the page. */
  notice?: string | null;
  /** Set by a refused edit: the record as it is now, so the person can see what changed. */
  conflict?: { message: string; current: Record<string, string>; version: number } | null;
}

export const initialActionState: ActionState = { ok: false, fieldErrors: {}, formError: null, values: {} };

/**
 * The form a server action was sent. Next.js passes whatever a request's arguments decode to, so
 * a hand-made call can send a number or nothing at all: that is read as an empty form, whose
 * fields are then each reported missing, instead of failing with a 500.
 */
export function asFormData(sent: unknown): FormData {
  return sent instanceof FormData ? sent : new FormData();
}

/** The form's text fields, as typed; file inputs and Next's internal fields left out. */
export function formValues(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !omit.includes(key)) values[key] = value;
  }
  return values;
}

/**
 * The id of the record a form belongs to, from its hidden field. A form without one was not sent
 * by our page (or the page is stale): a 4xx-kind message, never a crash.
 */
export function formId(formData: FormData, field: string): string {
  const parsed = recordIdSchema.safeParse(formData.get(field));
  if (!parsed.success) throw new AppError("bad_request", "This form is missing what it belongs to; reload the page.");
  return parsed.data;
}

/** The version an edit form started from, as formId reads the id. */
export function formVersion(formData: FormData): number {
  const parsed = versionSchema.safeParse(formData.get("version"));
  if (!parsed.success) throw new AppError("bad_request", "The form is missing its version; reload the page.");
  return parsed.data;
}

/**
 * Fields a form sends without showing them (the version it was opened at, the button pressed):
 * nothing can be marked beside them, so their error is the form's message.
 */
const UNSHOWN_FIELDS = ["version", "intent"];

export function invalid(error: z.ZodError, values: Record<string, string>): ActionState {
  const { fieldErrors, formErrors } = z.flattenError(error);
  const unshown = UNSHOWN_FIELDS.flatMap((field) => (fieldErrors as Record<string, string[] | undefined>)[field] ?? []);
  return {
    ok: false,
    fieldErrors: fieldErrors as Record<string, string[]>,
    formError: formErrors[0] ?? unshown[0] ?? "Please correct the fields marked below.",
    values,
  };
}

const sameText = (a: string, b: string) => a.replace(/\r\n?/g, "\n") === b.replace(/\r\n?/g, "\n");

/**
 * The version an edit form sends: the newest it knows of. After a refusal that is the one saved
 * now (`conflict`); after a later answer without one (a field to correct), the one its hidden
 * field last sent (`values.version`); after a save that came back to the same page, the page's
 * own (`version`), newer than an earlier answer the form still holds. Versions only grow, so the
 * largest is the one to send; the server checks it whatever it is.
 */
export function versionToSend(state: Pick<ActionState, "conflict" | "values">, version: number): number {
  return Math.max(version, state.conflict?.version ?? 0, Number(state.values.version) || 0);
}

/** The hidden field that holds what a form's field held when the form was opened. */
export const baseField = (field: string): string => `base:${field}`;

/**
 * A refused edit's form, to show again: each field its person changed keeps what they typed;
 * each field they left alone takes what is saved now, so that saving again does not put back
 * what someone else changed meanwhile. The form's starting values (`base:<field>`) become what
 * is saved now, for the next refusal. Fields a form did not start from a base are kept as typed.
 */
export function mergeAfterConflict(values: Record<string, string>, saved: Record<string, string>): Record<string, string> {
  const merged = { ...values };
  const changed = (field: string) => {
    const base = values[baseField(field)];
    const typed = values[field];
    if (base === undefined || typed === undefined) return false;
    // A long field starts from its fingerprint (lib/text-fingerprint.ts); a browser sends a text
    // area's line breaks as CRLF, and so the hidden field's.
    return base.startsWith(FINGERPRINT_PREFIX) ? textFingerprint(typed) !== base : !sameText(typed, base);
  };
  for (const [field, now] of Object.entries(saved)) {
    const base = values[baseField(field)];
    if (base === undefined) continue;
    // A status and its reason are one decision: if this person changed either, both stay theirs
    // (the other person's pair is in the conflict box), never one of each.
    const partners = COUPLED.find((group) => group.includes(field)) ?? [field];
    if (!partners.some(changed)) merged[field] = now;
    merged[baseField(field)] = base.startsWith(FINGERPRINT_PREFIX) ? textFingerprint(now) : now;
  }
  return merged;
}

/** Fields whose values only make sense together. */
const COUPLED: readonly (readonly string[])[] = [["status", "reason"]];

/**
 * The form-level message for a failure. An AppError is the request's fault and its message is
 * meant for people; anything else is logged and answered with a plain sentence.
 */
export function failed(error: unknown, values: Record<string, string>): ActionState {
  if (error instanceof ConflictError) {
    return {
      ok: false,
      fieldErrors: {},
      formError: error.message,
      values: { ...mergeAfterConflict(values, error.saved), version: String(error.version) },
      conflict: { message: "Saved now:", current: error.current, version: error.version },
    };
  }
  if (error instanceof FieldRuleError) {
    return { ok: false, fieldErrors: { [error.field]: [error.message] }, formError: "Please correct the fields marked below.", values };
  }
  if (error instanceof AppError) {
    // authorize() logs its own refusals; a rule refused deeper (a published claim's status,
    // someone else's note) is logged here.
    if (error.code === "forbidden") logEvent("warn", "permission refused", { reason: error.message });
    return { ok: false, fieldErrors: {}, formError: error.message, values };
  }
  logEvent("error", "action failed", { error: error instanceof Error ? error.message : String(error) });
  return { ok: false, fieldErrors: {}, formError: "Something went wrong on our side; nothing was saved. Please try again.", values };
}
