import { z } from "zod";
import { CLAIMANT_KINDS } from "@/lib/domain/claimant-kind";
import { optionalWebUrl, requiredText, text, versionSchema } from "@/lib/validation/fields";

export const claimantEditSchema = z.object({
  name: requiredText("The name", 200),
  kind: z.enum(CLAIMANT_KINDS, { error: "Choose whether the claimant is a person or an organisation." }),
  description: text("The description", 2_000),
  url: optionalWebUrl("The web address"),
  version: versionSchema,
});

export type ClaimantEditInput = z.output<typeof claimantEditSchema>;
