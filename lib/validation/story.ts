import { z } from "zod";
import { requiredText, text } from "@/lib/validation/fields";

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
