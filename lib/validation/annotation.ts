import { z } from "zod";
import { checkbox, requiredText, versionSchema } from "@/lib/validation/fields";

export const annotationFormSchema = z.object({
  body: requiredText("The note", 10_000),
  /** Unticked by default: a note is the desk's until its author chooses to show it to readers. */
  isPublic: checkbox("Readers will see this note"),
});

export const annotationEditSchema = annotationFormSchema.extend({ version: versionSchema });

export type AnnotationInput = z.infer<typeof annotationFormSchema>;
