"use client";

import { BaseValues } from "@/components/forms/base-values";
import { CheckboxField, SelectField, TextArea, TextField } from "@/components/forms/fields";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { keptOnRefusal, useFormActionState } from "@/components/forms/refusal";
import { updateClaimantAction } from "@/lib/actions/claimants";
import { CLAIMANT_KINDS, CLAIMANT_KIND_LABEL } from "@/lib/domain/claimant-kind";
import { versionToSend } from "@/lib/actions/state";

export const ClaimantForm = keptOnRefusal(function ClaimantForm({ claimant }: { claimant: { id: string; version: number; name: string; kind: string; description: string; url: string } }) {
  const [state, action] = useFormActionState(updateClaimantAction, "claimant-form");
  const v = (name: "name" | "kind" | "description" | "url") => state.values[name] ?? claimant[name];
  const e = state.fieldErrors;
  return (
    <form id="claimant-form" action={action} noValidate className="rounded border border-stone-300 bg-white p-6">
      <FormMessage state={state} />
      <input type="hidden" name="claimantId" value={claimant.id} />
      <input type="hidden" name="version" value={versionToSend(state, claimant.version)} />
      <BaseValues start={{ name: claimant.name, kind: claimant.kind, description: claimant.description, url: claimant.url }} values={state.values} />
      <TextField name="name" label="Name" required defaultValue={v("name")} errors={e.name} />
      {/* Shown when another claimant has the new name (lib/operations/claimants.ts). */}
      {e.sameName?.length || state.values.sameName === "1" ? <CheckboxField name="sameName" label="Keep this name, which another claimant has" checked={state.values.sameName === "1"} errors={e.sameName} /> : null}
      <SelectField name="kind" label="Kind" required options={CLAIMANT_KINDS.map((k) => ({ value: k, label: CLAIMANT_KIND_LABEL[k] }))} defaultValue={v("kind")} errors={e.kind} />
      <TextArea name="description" label="Short description" rows={3} defaultValue={v("description")} errors={e.description} />
      <TextField name="url" label="Web address" type="url" hint="http or https only; leave empty if there is none." defaultValue={v("url")} errors={e.url} />
      <SubmitButton>Save claimant</SubmitButton>
    </form>
  );
});
