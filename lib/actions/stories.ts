"use server";

import { revalidatePath } from "next/cache";
import { expireTags } from "@/lib/cache/expire";
import { tag } from "@/lib/cache/tags";
import { asFormData, failed, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { AppError } from "@/lib/errors";
import { createStory } from "@/lib/operations/stories";
import { authorize } from "@/lib/session";
import { storyFormSchema } from "@/lib/validation/story";

export async function createStoryAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  try {
    const user = await authorize("story:manage");
    const parsed = storyFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    const story = await createStory(user, parsed.data);
    revalidatePath("/desk/stories");
    // A reader may have been shown "not found" at the new story's address.
    await expireTags([tag.storySlug(story.slug)]);
    return { ok: true, fieldErrors: {}, formError: null, values: {}, notice: `Story created at /stories/${story.slug}. Record its claims with “New claim”.` };
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") return { ok: false, fieldErrors: { slug: [error.message] }, formError: "Please correct the fields marked below.", values };
    return failed(error, values);
  }
}
