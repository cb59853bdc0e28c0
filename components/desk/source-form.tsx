"use client";

import { useEffect, useRef, useState, type RefObject } from "react";
import { BaseValues } from "@/components/forms/base-values";
import { CheckboxField, SelectField, TextArea, TextField } from "@/components/forms/fields";
import { WaybackLink } from "@/components/desk/wayback-link";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { keptOnRefusal, useFormActionState } from "@/components/forms/refusal";
import { createSourceAction, updateSourceAction } from "@/lib/actions/sources";
import { SOURCE_KINDS, SOURCE_KIND_LABEL } from "@/lib/domain/source-kind";
import { versionToSend } from "@/lib/actions/state";

const URL_HINT = "An http or https address; typed without one (www.example.org/page), https:// is added. Leave empty if the source has none (a statement given to an agency): we never invent one.";

export interface SourceFormValues {
  id: string;
  version: number;
  title: string;
  publisher: string;
  author: string;
  url: string;
  kind: string;
  publishedAt: string;
  archivedUrl: string;
  description: string;
  capturedText: string;
}

export const SourceForm = keptOnRefusal(function SourceForm({ source, returnToClaim }: { source?: SourceFormValues; returnToClaim?: string }) {
  const [state, action] = useFormActionState(source ? updateSourceAction : createSourceAction, "source-form");
  const v = (name: keyof SourceFormValues | "captureId") => state.values[name] ?? (source && name !== "captureId" ? String(source[name]) : "");
  const e = state.fieldErrors;
  const form = useRef<HTMLFormElement>(null);
  const recapturedNotice = useRecapturedText(form, source);
  return (
    <form id="source-form" ref={form} action={action} noValidate className="rounded border border-stone-300 bg-white p-6">
      <FormMessage state={state} />
      {/* Always present, so the words are announced when they appear. */}
      <div role="status">
        {recapturedNotice ? <p className="mb-4 rounded border border-green-400 bg-green-50 p-3 font-medium text-green-900">{recapturedNotice}</p> : null}
      </div>
      {source ? (
        <>
          <input type="hidden" name="sourceId" value={source.id} />
          <input type="hidden" name="version" value={versionToSend(state, source.version)} />
          <BaseValues
            start={{ title: source.title, publisher: source.publisher, author: source.author, url: source.url, kind: source.kind, publishedAt: source.publishedAt, archivedUrl: source.archivedUrl, description: source.description, capturedText: source.capturedText }}
            // After "Capture again" the captured text starts from the new capture, whatever an
            // earlier answer held: the field itself now holds it (useRecapturedText).
            values={recapturedNotice ? Object.fromEntries(Object.entries(state.values).filter(([name]) => name !== "base:capturedText")) : state.values}
            long={["capturedText"]}
          />
        </>
      ) : null}
      {returnToClaim ? <input type="hidden" name="returnToClaim" value={returnToClaim} /> : null}
      {source ? null : (
        <>
          {/* The form's default button (Enter in a field) saves; "Capture" is pressed on purpose. */}
          <button type="submit" hidden tabIndex={-1} aria-hidden="true" />
          <input type="hidden" name="captureId" value={v("captureId")} />
        </>
      )}
      <TextField name="title" label="Title" required defaultValue={v("title")} errors={e.title} />
      <SelectField name="kind" label="Kind" required placeholder="Choose" options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABEL[k] }))} defaultValue={v("kind")} errors={e.kind} />
      <TextField name="publisher" label="Publisher or outlet" defaultValue={v("publisher")} errors={e.publisher} />
      <TextField name="author" label="Author" defaultValue={v("author")} errors={e.author} />
      <TextField name="url" label="Web address" type="url" hint={source ? URL_HINT : `${URL_HINT} Capture fetches the page and fills the fields below that are empty.`} defaultValue={v("url")} errors={e.url} />
      {/* Shown when the address is another source's (lib/operations/sources.ts, refuseSameAddress). */}
      {e.sameAddress?.length || state.values.sameAddress === "1" ? (
        <CheckboxField
          name="sameAddress"
          label={source ? "Give this source the same address as the other" : "Add a second source for this address"}
          checked={state.values.sameAddress === "1"}
          errors={e.sameAddress}
        />
      ) : null}
      {source ? null : (
        <div className="-mt-2 mb-4 flex flex-wrap items-center gap-3">
          <SubmitButton name="intent" value="capture" pendingLabel="Working…">
            Capture
          </SubmitButton>
          {v("captureId") && v("url") ? <WaybackLink url={v("url")} /> : null}
        </div>
      )}
      <TextField name="publishedAt" label="Publication date" hint="2025-04-12, 2025-04 or 2025." defaultValue={v("publishedAt")} errors={e.publishedAt} />
      <TextField name="archivedUrl" label="Archived copy" type="url" defaultValue={v("archivedUrl")} errors={e.archivedUrl} />
      <TextArea name="description" label="Description" hint="What this source is and how we know of it. Readers see it on the source's page." rows={3} defaultValue={v("description")} errors={e.description} />
      <TextArea name="capturedText" label="Captured text" hint="The source's text as captured; quotes linked to it are checked against it." rows={8} defaultValue={v("capturedText")} errors={e.capturedText} />
      <SubmitButton>{source ? "Save source" : "Add source"}</SubmitButton>
    </form>
  );
});

/**
 * "Capture again" above the form saves a new captured text and a new version while the form may
 * hold unsaved edits. The page keeps the form mounted through it (see its key), so any version
 * other than the one the form opened at came from a capture: those edits stay, and the captured
 * text field takes the new text (left as it was, saving would undo the capture) and says so. The
 * version field follows the new version as React renders it.
 */
function useRecapturedText(form: RefObject<HTMLFormElement | null>, source: SourceFormValues | undefined): string | null {
  const version = source?.version;
  const text = source?.capturedText;
  const [openedAt] = useState(version);
  const isRecaptured = version !== openedAt;
  useEffect(() => {
    if (!isRecaptured || text === undefined) return;
    const field = form.current?.elements.namedItem("capturedText");
    if (field instanceof HTMLTextAreaElement) field.value = text;
  }, [form, isRecaptured, version, text]);
  return isRecaptured ? "The captured text below is now the new capture's. Anything else you changed in this form is kept, not yet saved." : null;
}
