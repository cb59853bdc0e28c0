import { z } from "zod";
import { CLAIMANT_KINDS } from "@/lib/domain/claimant-kind";
import { CLAIM_STATUSES } from "@/lib/domain/status";
import { hasVisibleCharacter } from "@/lib/text";
import { EVEN_WITH_OTHER_ERRORS, idSchema, optionalPartialDate, optionalText, optionalWebUrl, pickedRecordId, requiredText, versionSchema } from "@/lib/validation/fields";
import { isRecordId, recordIdSchema } from "@/lib/validation/record-id";

export const SUMMARY_MAX = 120;

const CHOOSE_CLAIMANT = "Choose who made the claim, or add a new claimant.";
const CHOOSE_NEW_CLAIMANT_KIND = "Choose whether the new claimant is a person or an organisation.";

/**
 * The claim form. The claimant is chosen from the list, or created inline: choosing
 * "new" asks for the new claimant's name and kind.
 */
export const claimFormSchema = z
  .object({
    text: requiredText("The claim's words", 10_000, "Write down the claim's words."),
    summary: requiredText("The summary", SUMMARY_MAX),
    claimantId: z.string({ error: CHOOSE_CLAIMANT }).trim().min(1, CHOOSE_CLAIMANT),
    newClaimantName: optionalText("The new claimant's name", 200),
    // Empty unless the claimant is new: the check below asks for it then.
    newClaimantKind: z
      .union([z.literal(""), z.enum(CLAIMANT_KINDS)], { error: CHOOSE_NEW_CLAIMANT_KIND })
      .optional()
      .transform((kind) => kind || undefined),
    newClaimantUrl: optionalWebUrl("The claimant's web address"),
    claimDate: optionalPartialDate("The date of the claim", { past: true }),
    storyId: pickedRecordId("Choose a story."),
  })
  .superRefine((value, ctx) => {
    if (value.claimantId === "") return; // already reported by the field itself
    if (value.claimantId === "new") {
      if (typeof value.newClaimantName !== "string" || !hasVisibleCharacter(value.newClaimantName)) ctx.addIssue({ code: "custom", path: ["newClaimantName"], message: "Give the new claimant's name." });
      // A kind that is not one of ours has its own error already; this is for one left empty.
      if (!value.newClaimantKind) ctx.addIssue({ code: "custom", path: ["newClaimantKind"], message: CHOOSE_NEW_CLAIMANT_KIND });
    } else if (!idSchema.safeParse(value.claimantId).success) {
      ctx.addIssue({ code: "custom", path: ["claimantId"], message: "Choose who made the claim." });
    }
  }, EVEN_WITH_OTHER_ERRORS);

export const claimEditSchema = claimFormSchema.and(z.object({ version: versionSchema }));

export type ClaimFormInput = z.output<typeof claimFormSchema>;

/**
 * Hidden fields of a claim recorded from the finder: the source and where the sentence lies in
 * its captured text. The quote is sent as shown, untrimmed, and compared with the source's text
 * at those offsets on the server; nothing here is trusted on its own.
 */
export const sourceQuoteSchema = z.object({
  quoteSourceId: recordIdSchema,
  quoteStart: z.coerce.number().int().min(0).max(100_000_000),
  quoteEnd: z.coerce.number().int().min(1).max(100_000_000),
  quote: z.string().min(1).max(10_000),
});

export type SourceQuoteInput = z.output<typeof sourceQuoteSchema>;

export const statusFormSchema = z.object({
  status: z.enum(CLAIM_STATUSES, { error: "Choose a status." }),
  reason: requiredText("The reason", 5_000),
  /** Required by the operation when a published claim's status changes (readers see it). */
  // Absent from the form of a draft, which has nothing to correct.
  correction: optionalText("The correction note", 2_000).optional(),
  version: versionSchema,
});

const CHOOSE_ASSIGNEE = "Choose a colleague to assign, or no one.";

export const assignFormSchema = z.object({
  // Empty: no one.
  assigneeId: z
    .string({ error: CHOOSE_ASSIGNEE })
    .trim()
    .refine((id) => id === "" || isRecordId(id), CHOOSE_ASSIGNEE)
    .transform((id) => id || null),
  version: versionSchema,
});

const CHOOSE_ORIGINAL = "Choose the earlier claim this one repeats.";

/** "Mark this claim as a duplicate of …": the earlier claim, and why (kept in the history). */
export const duplicateFormSchema = z.object({
  originalId: z
    .string({ error: CHOOSE_ORIGINAL })
    .trim()
    .refine((id) => isRecordId(id), CHOOSE_ORIGINAL),
  // Not "reason": the status form on the same page has a field of that name (and id).
  duplicateReason: requiredText("The reason", 2_000),
  version: versionSchema,
});

/** "Not a duplicate": why, for the history. */
export const notDuplicateFormSchema = duplicateFormSchema.pick({ duplicateReason: true, version: true });

export type DuplicateFormInput = z.output<typeof duplicateFormSchema>;

export const publishFormSchema = z.object({
  intent: z.enum(["publish", "unpublish"], { error: "This form asked for something we do not know; reload the page." }),
  version: versionSchema,
});
