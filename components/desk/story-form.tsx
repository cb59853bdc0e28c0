"use client";

import { useActionState } from "react";
import { TextArea, TextField } from "@/components/forms/fields";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { initialActionState } from "@/lib/actions/state";
import { createStoryAction } from "@/lib/actions/stories";

export function StoryForm() {
  const [state, action] = useActionState(createStoryAction, initialActionState);
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate className="rounded border border-stone-300 bg-white p-6" aria-labelledby="story-form-heading">
      <h2 id="story-form-heading" className="mb-3 text-xl font-semibold">
        Start a story
      </h2>
      <FormMessage state={state} />
      <TextField name="title" label="Title" required defaultValue={state.values.title} errors={e.title} />
      <TextField name="slug" label="Address" hint="Lower-case words joined by hyphens: /stories/ice-contracts." required defaultValue={state.values.slug} errors={e.slug} />
      <TextArea name="summary" label="Summary" rows={3} defaultValue={state.values.summary} errors={e.summary} />
      <SubmitButton>Create story</SubmitButton>
    </form>
  );
}
