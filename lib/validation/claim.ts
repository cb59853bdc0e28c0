import { z } from "zod";
import { CLAIMANT_KINDS, isClaimantKind } from "@/lib/domain/claimant-kind";
import { CLAIM_STATUSES } from "@/lib/domain/status";
import { EVEN_WITH_OTHER_ERRORS, idSchema, optionalPartialDate, optionalText, optionalWebUrl, requiredText, versionSchema } from "@/lib/validation/fields";

export const SUMMARY_MAX = 120;

/**
 * The claim form. The claimant is chosen from the list, or created inline: choosing
 * "new" asks for the new claimant's name and kind.
 */
export const claimFormSchema = z
  .object({
    text: requiredText("The claim's words", 10_000),
    summary: requiredText("The summary", SUMMARY_MAX),
    claimantId: z.string().trim().min(1, "Choose who made the claim, or add a new claimant."),
    newClaimantName: optionalText("The new claimant's name", 200),
    newClaimantKind: z.enum(CLAIMANT_KINDS, { error: "Choose whether the claimant is a person or an organisation." }).optional().or(z.literal("").transform(() => undefined)),
    newClaimantUrl: optionalWebUrl("The claimant's web address"),
    claimDate: optionalPartialDate("The date of the claim"),
    storyId: z.string().trim().min(1, "Choose a story.").pipe(idSchema),
  })
  .superRefine((value, ctx) => {
    if (value.claimantId === "") return; // already reported by the field itself
    if (value.claimantId === "new") {
      if (typeof value.newClaimantName !== "string" || value.newClaimantName.trim() === "") ctx.addIssue({ code: "custom", path: ["newClaimantName"], message: "Give the new claimant's name." });
      if (!isClaimantKind(value.newClaimantKind)) ctx.addIssue({ code: "custom", path: ["newClaimantKind"], message: "Choose whether the new claimant is a person or an organisation." });
    } else if (!idSchema.safeParse(value.claimantId).success) {
      ctx.addIssue({ code: "custom", path: ["claimantId"], message: "Choose who made the claim." });
    }
  }, EVEN_WITH_OTHER_ERRORS);

export const claimEditSchema = claimFormSchema.and(z.object({ version: versionSchema }));

export type ClaimFormInput = z.output<typeof claimFormSchema>;

export const statusFormSchema = z.object({
  status: z.enum(CLAIM_STATUSES, { error: "Choose a status." }),
  reason: requiredText("The reason", 5_000),
  /** Required by the operation when a published claim's status changes (readers see it). */
  // Absent from the form of a draft, which has nothing to correct.
  correction: optionalText("The correction note", 2_000).optional(),
  version: versionSchema,
});

export const assignFormSchema = z.object({
  assigneeId: z.union([z.literal(""), idSchema]).transform((v) => (v === "" ? null : v)),
  version: versionSchema,
});

export const publishFormSchema = z.object({
  intent: z.enum(["publish", "unpublish"]),
  version: versionSchema,
});
