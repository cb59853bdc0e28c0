import { z } from "zod";
import { requiredText, text, versionSchema } from "@/lib/validation/fields";

export const storyFormSchema = z.object({
  title: requiredText("The title", 200),
  summary: text("The summary", 2_000),
  slug: z
    .string({ error: "Give the story a short address, like ice-contracts." })
    .trim()
    .toLowerCase()
    .min(1, "Give the story a short address, like ice-contracts.")
    .max(64, "The address has at most 64 characters.")
    // Only once there is something: an empty address gets the one message above, not two.
    .refine((s) => s === "" || /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s), "The address uses lower-case letters, digits and single hyphens, like ice-contracts."),
});

export type StoryFormInput = z.output<typeof storyFormSchema>;

/** Editing a story: the same fields, from the version the form was opened at. */
export const storyEditSchema = storyFormSchema.extend({ version: versionSchema });

export type StoryEditInput = z.output<typeof storyEditSchema>;

export const storyArchiveSchema = z.object({
  intent: z.enum(["archive", "unarchive"], { error: "This form asked for something we do not know; reload the page." }),
});
