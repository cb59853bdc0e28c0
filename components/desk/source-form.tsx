"use client";

import { useActionState } from "react";
import { SelectField, TextArea, TextField } from "@/components/forms/fields";
import { WaybackLink } from "@/components/desk/wayback-link";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { createSourceAction, updateSourceAction } from "@/lib/actions/sources";
import { initialActionState } from "@/lib/actions/state";
import { SOURCE_KINDS, SOURCE_KIND_LABEL } from "@/lib/domain/source-kind";

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

export function SourceForm({ source, returnToClaim }: { source?: SourceFormValues; returnToClaim?: string }) {
  const [state, action] = useActionState(source ? updateSourceAction : createSourceAction, initialActionState);
  const v = (name: keyof SourceFormValues | "captureId") => state.values[name] ?? (source && name !== "captureId" ? String(source[name]) : "");
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate className="rounded border border-stone-300 bg-white p-6">
      <FormMessage state={state} />
      {source ? (
        <>
          <input type="hidden" name="sourceId" value={source.id} />
          <input type="hidden" name="version" value={state.conflict?.version ?? source.version} />
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
      <TextArea name="description" label="Description" hint="What this source is and how we know of it." rows={3} defaultValue={v("description")} errors={e.description} />
      <TextArea name="capturedText" label="Captured text" hint="The source's text as captured; quotes linked to it are checked against it." rows={8} defaultValue={v("capturedText")} errors={e.capturedText} />
      <SubmitButton>{source ? "Save source" : "Add source"}</SubmitButton>
    </form>
  );
}
