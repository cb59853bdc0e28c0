import { z } from "zod";

// zod compiles object parsers with new Function() unless told not to; the browser's CSP (no
// 'unsafe-eval') refuses that. The forms load these schemas on the client, so: no JIT.
z.config({ jitless: true });
import { EARLIEST_YEAR, LATEST_YEAR, isWithinDateRange, type DatePrecision } from "@/lib/domain/partial-date";
import { hasCredentials, hasDeceptiveCharacters, hasVisibleCharacter, isStorableText } from "@/lib/text";
import { isRecordId, recordIdSchema } from "@/lib/validation/record-id";

/** A form field that should hold text but was left out, or held a file. */
function textField(label: string) {
  return z.string({ error: (issue) => (issue.input === undefined ? `${label} is missing from the form; reload the page.` : `${label} must be text.`) });
}

/**
 * Text a person types: trimmed, with a length limit that says itself, and only what we can
 * store. zod measures a string's length in code points, so "😀" is one character, as people count.
 */
export function text(label: string, max: number) {
  return textField(label)
    .trim()
    .max(max, `${label} has at most ${max.toLocaleString("en")} characters.`)
    .refine(isStorableText, `${label} contains a character we cannot store.`);
}

/** `missing`: what to say when the field is empty, where "<label> is required." reads badly. */
export function requiredText(label: string, max: number, missing = `${label} is required.`) {
  return text(label, max).pipe(
    z
      .string()
      .min(1, missing)
      .refine((s) => s === "" || hasVisibleCharacter(s), `${missing.replace(/\.$/, "")}: what was typed shows nothing.`),
  );
}

/** Optional text: an empty field is null. */
export function optionalText(label: string, max: number) {
  return text(label, max).transform((s) => (s === "" ? null : s));
}

/**
 * An http or https URL, or null when the field is empty. Pages show it as a link, so it may not
 * hold what a link shows one way and follows another (tabs, line breaks, zero-width or bidi
 * characters, or a user name before an @): the rules annotation links follow too.
 */
export function optionalWebUrl(label: string) {
  return textField(label)
    .trim()
    // "www.example.org/page", as people copy it from a browser's address bar: https:// is meant.
    .overwrite(withWebScheme)
    .max(2000, `${label} has at most 2,000 characters.`)
    // Each check below says one thing that is wrong; once one has, the next passes rather than
    // say it again in other words ("https://exa mple.org" does start with https://). Not zod's
    // `abort`: it would also stop the form's own checks across fields.
    .refine(isStorableText, `${label} contains a character we cannot store.`)
    .refine((s) => !isStorableText(s) || !hasDeceptiveCharacters(s), `${label} cannot contain spaces, line breaks or invisible characters.`)
    .refine((s) => s === "" || !isStorableText(s) || hasDeceptiveCharacters(s) || isWebUrl(s), `${label} must start with http:// or https://, like https://www.example.org/page.`)
    .refine((s) => !hasCredentials(s), `${label} cannot hold a user name or password (the part before an @): it reads as one site and goes to another.`)
    .transform((s) => (s === "" ? null : s));
}

/**
 * An address typed without its scheme, starting with a host name ("www.example.org/page",
 * "example.org"), completed to https://. Anything else (another scheme, a path, words) is left
 * as typed, for the checks that follow to refuse in words.
 */
export function withWebScheme(value: string): string {
  // A scheme ("javascript:", "mailto:") stays; "example.org:8080" is a host and its port.
  if (value === "" || /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value)) return value;
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,63}(?::\d{1,5})?(?:[/?#]\S*)?$/i.test(value) ? `https://${value}` : value;
}

export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export interface PartialDate {
  date: Date;
  precision: DatePrecision;
}

/**
 * "2025-04-12", "2025-04" or "2025" (what the source says), or null when empty. `past` refuses a
 * date that begins after today (a claim cannot have been made tomorrow); a day of grace covers
 * the time zones ahead of UTC.
 */
export function optionalPartialDate(label: string, { past = false }: { past?: boolean } = {}) {
  return textField(label)
    .trim()
    .transform((s, ctx): PartialDate | null => {
      if (s === "") return null;
      const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
      if (m === null) {
        ctx.addIssue({ code: "custom", message: `${label} must be a date like 2025-04-12, 2025-04 or 2025.` });
        return z.NEVER;
      }
      const year = Number(m[1]);
      const month = m[2] ? Number(m[2]) : 1;
      const day = m[3] ? Number(m[3]) : 1;
      // Checked as typed: Date.UTC reads years 0 to 99 as 1900 to 1999, so "0025-04-12" would be
      // saved as 1925 and pass the range check.
      if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
        ctx.addIssue({ code: "custom", message: `${label} must be in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}.` });
        return z.NEVER;
      }
      const date = new Date(Date.UTC(year, month - 1, day));
      if (!isWithinDateRange(date)) {
        ctx.addIssue({ code: "custom", message: `${label} must be in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}.` });
        return z.NEVER;
      }
      if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        ctx.addIssue({ code: "custom", message: `${label} is not a real date: ${s} does not exist.` });
        return z.NEVER;
      }
      if (past && date.getTime() > Date.now() + 86_400_000) {
        ctx.addIssue({ code: "custom", message: `${label} is after today: ${s} has not happened yet.` });
        return z.NEVER;
      }
      return { date, precision: m[3] ? "day" : m[2] ? "month" : "year" };
    });
}

/** The version an edit form started from. */
export const versionSchema = z.coerce
  .number({ error: "The form is missing its version; reload the page." })
  .int()
  .min(1, "The form is missing its version; reload the page.");

export const idSchema = recordIdSchema;

/** The id of a record picked from a list (a story, a source, a colleague), with what to say if it is not one. */
export function pickedRecordId(message: string) {
  return z.string({ error: message }).trim().refine(isRecordId, message);
}

/**
 * For cross-field checks: run even when another field already failed, so a form gets all its
 * errors at once. The checked value may then hold raw, unparsed fields: check their types.
 */
export const EVEN_WITH_OTHER_ERRORS = { when: () => true };

/** A checkbox sent with value "1": ticked is true, left out (unticked) is false. */
export function checkbox(label: string) {
  return z
    .literal("1", { error: `${label} is a tick box: send "1" when ticked, or leave it out.` })
    .optional()
    .transform((value) => value === "1");
}
