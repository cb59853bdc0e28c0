import { z } from "zod";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import { recordIdSchema } from "@/lib/validation/record-id";
import { optionalPartialDate, optionalText, optionalWebUrl, requiredText, versionSchema } from "@/lib/validation/fields";

export const CAPTURED_TEXT_MAX = 500_000;
/** The metadata fields' limits, which a capture clips what a page says to (lib/capture/capture.ts). */
export const SOURCE_TITLE_MAX = 500;
export const SOURCE_PUBLISHER_MAX = 200;
export const SOURCE_AUTHOR_MAX = 200;

export const sourceFormSchema = z.object({
  title: requiredText("The title", SOURCE_TITLE_MAX),
  publisher: optionalText("The publisher", SOURCE_PUBLISHER_MAX),
  author: optionalText("The author", SOURCE_AUTHOR_MAX),
  url: optionalWebUrl("The web address"),
  kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source this is." }),
  // A source cannot have been published after today, as a claim cannot have been made then.
  publishedAt: optionalPartialDate("The publication date", { past: true }),
  archivedUrl: optionalWebUrl("The archived copy's address"),
  description: optionalText("The description", 5_000),
  capturedText: optionalText("The captured text", CAPTURED_TEXT_MAX),
});

export const sourceEditSchema = sourceFormSchema.extend({ version: versionSchema });

/** The new-source form's fields as sent with "Capture": only the address is needed. */
export const sourceCaptureSchema = sourceFormSchema.pick({ url: true }).refine((value) => value.url !== null, {
  path: ["url"],
  error: "Type the page's web address to capture it.",
});

/**
 * How long a capture made on a new-source form waits for that form to be saved before it is
 * deleted (docs/decisions/029-source-capture.md, amendment).
 */
export const PENDING_CAPTURE_HOURS = 24;

/** The capture made on a new-source form, attached when the source is saved. */
export const pendingCaptureSchema = z.object({ captureId: z.union([z.literal(""), recordIdSchema]).optional() });

export type SourceFormInput = z.output<typeof sourceFormSchema>;
