"use client";

import { TextArea, TextField } from "@/components/forms/fields";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { keptOnRefusal, useFormActionState } from "@/components/forms/refusal";
import { archiveStoryAction, createStoryAction, updateStoryAction } from "@/lib/actions/stories";
import { BaseValues } from "@/components/forms/base-values";
import { versionToSend } from "@/lib/actions/state";
import { editStoryLinkId } from "@/lib/domain/desk-notice";

const ADDRESS_HINT = "Lower-case words joined by hyphens: /stories/ice-contracts.";

export const StoryForm = keptOnRefusal(function StoryForm() {
  const [state, action] = useFormActionState(createStoryAction, "story-form");
  const e = state.fieldErrors;
  return (
    <form id="story-form" action={action} noValidate className="rounded border border-stone-300 bg-white p-6" aria-labelledby="story-form-heading">
      <h2 id="story-form-heading" className="mb-3 text-xl font-semibold">
        Start a story
      </h2>
      <FormMessage state={state} />
      <TextField name="title" label="Title" required defaultValue={state.values.title} errors={e.title} />
      <TextField name="slug" label="Address" hint={ADDRESS_HINT} required defaultValue={state.values.slug} errors={e.slug} />
      <TextArea name="summary" label="Summary" rows={3} defaultValue={state.values.summary} errors={e.summary} />
      <SubmitButton>Create story</SubmitButton>
    </form>
  );
});

export const StoryEditForm = keptOnRefusal(function StoryEditForm({ story }: { story: { id: string; version: number; title: string; summary: string; slug: string } }) {
  const [state, action] = useFormActionState(updateStoryAction, "story-edit-form");
  const v = (name: "title" | "summary" | "slug") => state.values[name] ?? story[name];
  const e = state.fieldErrors;
  return (
    <form id="story-edit-form" action={action} noValidate className="rounded border border-stone-300 bg-white p-6">
      <FormMessage state={state} />
      <input type="hidden" name="storyId" value={story.id} />
      <input type="hidden" name="version" value={versionToSend(state, story.version)} />
      <BaseValues start={{ title: story.title, slug: story.slug, summary: story.summary }} values={state.values} />
      <TextField name="title" label="Title" required defaultValue={v("title")} errors={e.title} />
      <TextField
        name="slug"
        label="Address"
        hint={`${ADDRESS_HINT} If you change it, the old address keeps working and leads readers to the new one.`}
        required
        defaultValue={v("slug")}
        errors={e.slug}
      />
      <TextArea name="summary" label="Summary" rows={3} defaultValue={v("summary")} errors={e.summary} />
      <SubmitButton>Save story</SubmitButton>
    </form>
  );
});

/** Archive or unarchive one story of the desk's list. */
export const StoryArchiveForm = keptOnRefusal(function StoryArchiveForm({ story }: { story: { id: string; title: string; isArchived: boolean } }) {
  const [state, action] = useFormActionState(archiveStoryAction, `archive-${story.id}`);
  const word = story.isArchived ? "Unarchive" : "Archive";
  return (
    // The story moves to the other list, its button now the opposite action: the keyboard lands
    // on its Edit link there (components/forms/return-focus.ts), not at the top of the page.
    <form id={`archive-${story.id}`} action={action} className="inline" data-return-focus-fallback={editStoryLinkId(story.id)}>
      {state.formError ? <FormMessage state={state} /> : null}
      <input type="hidden" name="storyId" value={story.id} />
      <SubmitButton name="intent" value={story.isArchived ? "unarchive" : "archive"} label={`${word} story “${story.title}”`}>
        {word}
      </SubmitButton>
    </form>
  );
});
