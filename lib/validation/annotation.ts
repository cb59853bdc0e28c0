import { z } from "zod";
import { requiredText, versionSchema } from "@/lib/validation/fields";

export const annotationFormSchema = z.object({
  body: requiredText("The note", 10_000),
});

export const annotationEditSchema = annotationFormSchema.extend({ version: versionSchema });
