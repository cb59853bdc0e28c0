"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { expireTags } from "@/lib/cache/expire";
import { storyArchiveTags, storyWriteTags, tag, type StoryFootprint } from "@/lib/cache/tags";
import { asFormData, failed, formId, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { getStoryFootprint } from "@/lib/data/footprints";
import { deskStoriesPath } from "@/lib/domain/desk-notice";
import { createStory, setStoryArchived, updateStory } from "@/lib/operations/stories";
import { authorize } from "@/lib/session";
import { storyArchiveSchema, storyEditSchema, storyFormSchema } from "@/lib/validation/story";

export async function createStoryAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  try {
    const user = await authorize("story:manage");
    const parsed = storyFormSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    const story = await createStory(user, parsed.data);
    revalidatePath("/desk/stories");
    // A reader may have been shown "not found" at the new story's address, or sent from it to the
    // story that left it.
    await expireTags([tag.storySlug(story.slug)]);
    const reused = story.tookOverFrom ? ` The address was “${story.tookOverFrom}”’s before it was renamed; it leads here now.` : "";
    return { ok: true, fieldErrors: {}, formError: null, values: {}, notice: `Story created at /stories/${story.slug}.${reused} Record its claims with “New claim”.` };
  } catch (error) {
    return failed(error, values);
  }
}

export async function updateStoryAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  let before: StoryFootprint | null;
  try {
    const user = await authorize("story:manage");
    id = formId(formData, "storyId");
    const parsed = storyEditSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    before = await getStoryFootprint(id);
    await updateStory(user, id, parsed.data);
  } catch (error) {
    return failed(error, values);
  }
  const after = await getStoryFootprint(id);
  await expireTags(storyWriteTags(id, [before, after]));
  revalidatePath("/desk/stories");
  redirect(deskStoriesPath(before?.slug !== after?.slug ? "moved" : "saved"));
}

export async function archiveStoryAction(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData);
  let id: string;
  let archived: boolean;
  try {
    const user = await authorize("story:manage");
    id = formId(formData, "storyId");
    const parsed = storyArchiveSchema.safeParse(values);
    if (!parsed.success) return invalid(parsed.error, values);
    archived = parsed.data.intent === "archive";
    await setStoryArchived(user, id, archived);
  } catch (error) {
    return failed(error, values);
  }
  const footprint = await getStoryFootprint(id);
  if (footprint) await expireTags(storyArchiveTags(footprint));
  revalidatePath("/desk/stories");
  redirect(deskStoriesPath(archived ? "archived" : "unarchived"));
}
