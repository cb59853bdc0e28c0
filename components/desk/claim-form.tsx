"use client";

import { useState } from "react";
import { BaseValues } from "@/components/forms/base-values";
import { CountedTextField } from "@/components/forms/counted-text-field";
import { CheckboxField, SelectField, TextArea, TextField } from "@/components/forms/fields";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { keptOnRefusal, useFormActionState } from "@/components/forms/refusal";
import { createClaimAction, updateClaimAction } from "@/lib/actions/claims";
import { CLAIMANT_KINDS, CLAIMANT_KIND_LABEL } from "@/lib/domain/claimant-kind";
import { SUMMARY_MAX } from "@/lib/validation/claim";
import { versionToSend } from "@/lib/actions/state";

export interface ClaimFormProps {
  claimants: { id: string; name: string }[];
  stories: { id: string; title: string }[];
  /** Present when editing. */
  claim?: { id: string; version: number; text: string; summary: string; claimantId: string; storyId: string; claimDate: string };
  /** A new claim recorded from the finder: the fields it guessed, and the sentence's place in its source. */
  fromSource?: { sourceId: string; start: number; end: number; quote: string; text: string; summary: string; claimantId: string; newClaimantName: string; storyId: string; claimDate: string };
  /** The form's id: where the form posts without scripts, and for a panel that follows what is typed ("Seen before?"). */
  id: string;
}

export const ClaimForm = keptOnRefusal(function ClaimForm({ claimants, stories, claim, fromSource, id }: ClaimFormProps) {
  const [state, action] = useFormActionState(claim ? updateClaimAction : createClaimAction, id);
  const v = (name: string, fallback = "") => state.values[name] ?? fallback;
  const start = claim ?? fromSource;
  const [claimantChoice, setClaimantChoice] = useState(v("claimantId", start?.claimantId ?? ""));
  // React resets the form after each answer from the action, which puts a select back on the
  // option it was first rendered with while this state still holds the choice. So the select is
  // uncontrolled, and remounted after each answer with the choice sent back as its default: the
  // reset then restores that choice, and what it shows is what the next submit sends.
  const [answered, setAnswered] = useState(state);
  const [answers, setAnswers] = useState(0);
  if (state !== answered) {
    setAnswered(state);
    setAnswers(answers + 1);
    setClaimantChoice(state.values.claimantId ?? claimantChoice);
  }
  const e = state.fieldErrors;
  // After a refusal the form may take a claimant or story someone made since this page was
  // read (lib/actions/state.ts mergeAfterConflict): offered, under the name the refusal gives.
  const claimantOptions = withSaved(claimants, claimantChoice, state.conflict?.current.Claimant, (id, name) => ({ id, name }));
  const storyOptions = withSaved(stories, v("storyId"), state.conflict?.current.Story, (id, title) => ({ id, title }));
  return (
    <form id={id} action={action} noValidate className="rounded border border-stone-300 bg-white p-6">
      <FormMessage state={state} />
      {claim ? (
        <>
          <input type="hidden" name="claimId" value={claim.id} />
          <input type="hidden" name="version" value={versionToSend(state, claim.version)} />
          <BaseValues start={{ text: claim.text, summary: claim.summary, claimantId: claim.claimantId, claimDate: claim.claimDate, storyId: claim.storyId }} values={state.values} />
        </>
      ) : null}
      {fromSource ? (
        <>
          <input type="hidden" name="quoteSourceId" value={fromSource.sourceId} />
          <input type="hidden" name="quoteStart" value={fromSource.start} />
          <input type="hidden" name="quoteEnd" value={fromSource.end} />
          <input type="hidden" name="quote" value={fromSource.quote} />
        </>
      ) : null}
      <TextArea name="text" label="The claim's words" hint="Verbatim, as said; or the closest reported wording." required rows={4} defaultValue={v("text", start?.text)} errors={e.text} />
      <CountedTextField name="summary" label="Summary" hint={`At most ${SUMMARY_MAX} characters; shown in lists and reports.`} required max={SUMMARY_MAX} defaultValue={v("summary", start?.summary)} errors={e.summary} />
      <div className="mb-4">
        <label htmlFor="claimantId" className="block font-medium text-stone-900">
          Claimant<span aria-hidden="true"> *</span>
          <span className="sr-only"> (required)</span>
        </label>
        <select
          key={answers}
          id="claimantId"
          name="claimantId"
          defaultValue={claimantChoice}
          onChange={(event) => setClaimantChoice(event.target.value)}
          aria-required
          aria-invalid={e.claimantId?.length ? true : undefined}
          aria-describedby={e.claimantId?.length ? "claimantId-error" : undefined}
          className="mt-1 block w-full rounded border border-stone-500 bg-white px-2 py-1.5"
        >
          <option value="">Choose who made the claim</option>
          {claimantOptions.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
          <option value="new">A new claimant…</option>
        </select>
        {e.claimantId?.length ? (
          <p id="claimantId-error" className="mt-1 text-sm font-medium text-red-800">
            {e.claimantId.join(" ")}
          </p>
        ) : null}
      </div>
      {/* A <details> opens without JavaScript too; the fields count only when "A new claimant" is chosen. */}
      <details open={claimantChoice === "new" || Boolean(e.newClaimantName || e.newClaimantKind || e.newClaimantUrl || e.sameClaimantName)} className="mb-4 rounded border border-stone-300 p-4">
        <summary className="cursor-pointer font-medium">New claimant (choose “A new claimant…” above)</summary>
        <fieldset className="mt-3">
          <legend className="sr-only">New claimant</legend>
          <TextField name="newClaimantName" label="Name" defaultValue={v("newClaimantName", fromSource?.newClaimantName)} errors={e.newClaimantName} />
          <SelectField
            name="newClaimantKind"
            label="Kind"
            placeholder="Choose"
            options={CLAIMANT_KINDS.map((k) => ({ value: k, label: CLAIMANT_KIND_LABEL[k] }))}
            defaultValue={v("newClaimantKind")}
            errors={e.newClaimantKind}
          />
          <TextField name="newClaimantUrl" label="Web address (optional)" type="url" defaultValue={v("newClaimantUrl")} errors={e.newClaimantUrl} />
          {/* Shown when a claimant of this name exists (lib/operations/claims.ts, resolveClaimant). */}
          {e.sameClaimantName?.length || state.values.sameClaimantName === "1" ? (
            <CheckboxField name="sameClaimantName" label="Add a second claimant of this name" checked={state.values.sameClaimantName === "1"} errors={e.sameClaimantName} />
          ) : null}
        </fieldset>
      </details>
      <TextField name="claimDate" label="Date of the claim" hint="As precise as the source is: 2025-04-12, 2025-04 or 2025. Leave empty if no source says." defaultValue={v("claimDate", start?.claimDate)} errors={e.claimDate} />
      <SelectField name="storyId" label="Story" required placeholder="Choose a story" options={storyOptions.map((s) => ({ value: s.id, label: s.title }))} defaultValue={v("storyId", claim?.storyId ?? fromSource?.storyId)} errors={e.storyId} />
      <SubmitButton>{claim ? "Save changes" : "Record claim"}</SubmitButton>
    </form>
  );
});

/** The menu's options, with `chosen` added under `name` when the menu does not hold it. */
function withSaved<T extends { id: string }>(options: T[], chosen: string, name: string | undefined, make: (id: string, name: string) => T): T[] {
  if (!chosen || chosen === "new" || name === undefined || options.some((option) => option.id === chosen)) return options;
  return [...options, make(chosen, name)];
}
