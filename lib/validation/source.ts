import { z } from "zod";
import { SOURCE_KINDS } from "@/lib/domain/source-kind";
import { optionalPartialDate, optionalText, optionalWebUrl, requiredText, versionSchema } from "@/lib/validation/fields";

export const CAPTURED_TEXT_MAX = 500_000;

export const sourceFormSchema = z.object({
  title: requiredText("The title", 500),
  publisher: optionalText("The publisher", 200),
  author: optionalText("The author", 200),
  url: optionalWebUrl("The web address"),
  kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source this is." }),
  publishedAt: optionalPartialDate("The publication date"),
  archivedUrl: optionalWebUrl("The archived copy's address"),
  description: optionalText("The description", 5_000),
  capturedText: optionalText("The captured text", CAPTURED_TEXT_MAX),
});

export const sourceEditSchema = sourceFormSchema.extend({ version: versionSchema });

export type SourceFormInput = z.output<typeof sourceFormSchema>;
