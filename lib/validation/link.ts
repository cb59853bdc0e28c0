import { z } from "zod";
import { isRelation, RELATION_INFO, RELATIONS } from "@/lib/domain/relation";
import { hasVisibleCharacter } from "@/lib/text";
import { EVEN_WITH_OTHER_ERRORS, checkbox, optionalText, pickedRecordId, text, versionSchema } from "@/lib/validation/fields";

const linkFields = z.object({
  relation: z.enum(RELATIONS, { error: "Choose how the source relates to the claim." }),
  quote: text("The quote", 5_000),
  quotePrefix: optionalText("The text before the quote", 500),
  quoteSuffix: optionalText("The text after the quote", 500),
  note: optionalText("The note", 2_000),
  /** Ticked after the desk warned that the quote is not in the source's captured text. */
  confirmUnfound: checkbox("Publish the quote although it was not found"),
});

function requireQuote<T extends { relation: (typeof RELATIONS)[number]; quote: string }>(value: T, ctx: z.RefinementCtx) {
  const quote: unknown = value.quote;
  if (isRelation(value.relation) && RELATION_INFO[value.relation].needsQuote && (typeof quote !== "string" || !hasVisibleCharacter(quote))) {
    ctx.addIssue({ code: "custom", path: ["quote"], message: "Give the exact quote: this relation needs one." });
  }
}

export const linkFormSchema = linkFields.extend({ sourceId: pickedRecordId("Choose a source.") }).superRefine(requireQuote, EVEN_WITH_OTHER_ERRORS);

export const linkEditSchema = linkFields.extend({ version: versionSchema }).superRefine(requireQuote, EVEN_WITH_OTHER_ERRORS);

export type LinkFormInput = z.output<typeof linkFormSchema>;
