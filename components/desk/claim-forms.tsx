"use client";

import { useEffect } from "react";
import { BaseValues } from "@/components/forms/base-values";
import { CheckboxField, SelectField, TextArea, TextField } from "@/components/forms/fields";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { keptOnRefusal, useFormActionState } from "@/components/forms/refusal";
import { forgetSentForm, rememberSentForm } from "@/components/forms/return-focus";
import { addAnnotationAction, deleteAnnotationAction, editAnnotationAction } from "@/lib/actions/annotations";
import { assignAction, changeStatusAction, markDuplicateAction, publishAction, unmarkDuplicateAction } from "@/lib/actions/claims";
import { linkSourceAction, unlinkSourceAction, updateLinkAction } from "@/lib/actions/links";
import { RELATIONS, RELATION_INFO } from "@/lib/domain/relation";
import { CLAIM_STATUSES, STATUS_INFO } from "@/lib/domain/status";
import { versionToSend } from "@/lib/actions/state";

const boxClass = "rounded border border-stone-300 bg-white p-4";

function Hidden({ fields }: { fields: Record<string, string | number> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

/**
 * How a status change reaches readers: not at all (a draft), as an update (the first rating of a
 * claim readers saw pending), or as a correction (a change to a rating they saw).
 */
export type StatusAudience = "draft" | "update" | "correction";

export const StatusForm = keptOnRefusal(function StatusForm({ claimId, version, status, reason, audience }: { claimId: string; version: number; status: string; reason: string; audience: StatusAudience }) {
  const [state, action] = useFormActionState(changeStatusAction, "status-form");
  const v = (name: string, fallback: string) => state.values[name] ?? fallback;
  return (
    <form id="status-form" action={action} noValidate className={boxClass} aria-labelledby="status-form-heading">
      <h2 id="status-form-heading" className="mb-3 text-lg font-semibold">
        Change the status
      </h2>
      <FormMessage state={state} />
      <Hidden fields={{ claimId, version: versionToSend(state, version) }} />
      <BaseValues start={{ status, reason }} values={state.values} />
      <SelectField
        name="status"
        label="Status"
        required
        options={CLAIM_STATUSES.map((s) => ({ value: s, label: `${STATUS_INFO[s].label}: ${STATUS_INFO[s].definition}` }))}
        defaultValue={v("status", status)}
        errors={state.fieldErrors.status}
      />
      <TextArea name="reason" label="Reason" hint="Why this status: readers see it." required rows={3} defaultValue={v("reason", reason)} errors={state.fieldErrors.reason} />
      {audience === "update" ? (
        <p className="mb-4 text-sm text-stone-800">
          Readers have seen this claim only as {STATUS_INFO[status as keyof typeof STATUS_INFO]?.label ?? status}: a new status is shown to them as an update, dated, with your reason. No correction note is needed.
        </p>
      ) : null}
      {audience === "correction" || state.fieldErrors.correction ? (
        <TextArea
          name="correction"
          label="Correction note"
          hint="Required when you change the status: readers have seen this claim's rating. They see the note, dated, on the claim page, in the corrections log and in the feed."
          rows={3}
          defaultValue={v("correction", "")}
          errors={state.fieldErrors.correction}
        />
      ) : null}
      <SubmitButton>Save status</SubmitButton>
    </form>
  );
});

export const LinkSourceForm = keptOnRefusal(function LinkSourceForm({ claimId, sources, chosenSourceId, menuNote }: { claimId: string; sources: { id: string; title: string }[]; chosenSourceId?: string; menuNote: string }) {
  const [state, action] = useFormActionState(linkSourceAction, "link-source");
  const v = (name: string, fallback = "") => state.values[name] ?? fallback;
  return (
    <form action={action} noValidate className={boxClass} aria-labelledby="link-form-heading" id="link-source">
      <h3 id="link-form-heading" className="mb-3 font-semibold">
        Link a source
      </h3>
      <FormMessage state={state} />
      <Hidden fields={{ claimId }} />
      <SelectField name="sourceId" label="Source" required placeholder="Choose a source" options={sources.map((s) => ({ value: s.id, label: s.title }))} defaultValue={v("sourceId", chosenSourceId)} hint={menuNote} errors={state.fieldErrors.sourceId} />
      <p className="-mt-2 mb-4 text-sm">
        <a href={`/desk/sources/new?claim=${claimId}`} className="text-blue-800 underline">
          Add a new source
        </a>
      </p>
      <LinkFields values={state.values} errors={state.fieldErrors} />
      <SubmitButton>Link source</SubmitButton>
    </form>
  );
});

function LinkFields({ values, errors, initial }: { values: Record<string, string>; errors: Record<string, string[]>; initial?: Record<string, string> }) {
  const v = (name: string) => values[name] ?? initial?.[name] ?? "";
  return (
    <>
      <SelectField name="relation" label="How it relates" required placeholder="Choose" options={RELATIONS.map((r) => ({ value: r, label: RELATION_INFO[r].label }))} defaultValue={v("relation")} errors={errors.relation} />
      <TextArea name="quote" label="Exact quote" hint="Required for “appears in”, “supported by” and “disputed by”: the source's words, copied exactly." rows={3} defaultValue={v("quote")} errors={errors.quote} />
      <TextField name="quotePrefix" label="Text just before the quote (optional)" defaultValue={v("quotePrefix")} errors={errors.quotePrefix} />
      <TextField name="quoteSuffix" label="Text just after the quote (optional)" defaultValue={v("quoteSuffix")} errors={errors.quoteSuffix} />
      <TextField name="note" label="Note (optional)" hint="Readers see it beside the source on the claim's page, unlike the desk's notes." defaultValue={v("note")} errors={errors.note} />
      {/* Offered once the desk has warned that readers would see a quote the source does not hold. */}
      {errors.confirmUnfound?.length || values.confirmUnfound === "1" ? (
        <div className="mb-4 rounded border border-amber-600 bg-amber-50 p-3">
          <p id="confirmUnfound-error" className="mb-2 text-sm font-medium text-amber-950">
            {errors.confirmUnfound?.join(" ")}
          </p>
          <label className="flex items-start gap-2">
            <input type="checkbox" name="confirmUnfound" value="1" defaultChecked={values.confirmUnfound === "1"} aria-describedby="confirmUnfound-error" className="mt-1 h-4 w-4" />
            <span className="font-medium">Publish the quote although it was not found</span>
          </label>
        </div>
      ) : null}
    </>
  );
}

export const EditLinkForm = keptOnRefusal(function EditLinkForm({ link }: { link: { id: string; version: number; relation: string; quote: string; quotePrefix: string | null; quoteSuffix: string | null; note: string | null } }) {
  const [state, action] = useFormActionState(updateLinkAction, `link-${link.id}`);
  const initial = { relation: link.relation, quote: link.quote, quotePrefix: link.quotePrefix ?? "", quoteSuffix: link.quoteSuffix ?? "", note: link.note ?? "" };
  return (
    <form id={`link-${link.id}`} action={action} noValidate className={boxClass}>
      <FormMessage state={state} />
      <Hidden fields={{ linkId: link.id, version: versionToSend(state, link.version) }} />
      <BaseValues start={initial} values={state.values} />
      <LinkFields values={state.values} errors={state.fieldErrors} initial={initial} />
      <SubmitButton>Save link</SubmitButton>
    </form>
  );
});

/** A one-button form (unlink, delete a note) that still shows why it was refused. */
const ButtonForm = keptOnRefusal(function ButtonForm({ id, action, fields, label, confirmText, returnFocusTo }: { id: string; action: typeof unlinkSourceAction; fields: Record<string, string>; label: string; confirmText: string; returnFocusTo: string }) {
  const [state, formAction] = useFormActionState(action, id);
  // Refused beside the button: no notice follows, so there is no focus to give back.
  useEffect(() => {
    if (state.formError) forgetSentForm();
  }, [state]);
  return (
    <form
      id={id}
      action={formAction}
      className="inline"
      data-return-focus-fallback={returnFocusTo}
      onSubmit={(event) => {
        // Not sent after all: nothing will come back to give the keyboard to.
        if (!window.confirm(confirmText)) {
          event.preventDefault();
          forgetSentForm();
        }
      }}
    >
      <Hidden fields={fields} />
      {/* Its button goes with what it removes: the keyboard lands on the heading of its section
          (`returnFocusTo`), not at the top of the page. */}
      <button type="submit" onClick={(event) => rememberSentForm(event.currentTarget)} className="text-sm text-red-800 underline">
        {label}
      </button>
      {state.formError ? <span role="alert" className="ml-2 text-sm text-red-800">{state.formError}</span> : null}
    </form>
  );
});

export function UnlinkButton({ linkId, version, sourceTitle }: { linkId: string; version: number; sourceTitle: string }) {
  return <ButtonForm id={`unlink-${linkId}`} action={unlinkSourceAction} fields={{ linkId, version: String(version) }} label={`Unlink ${sourceTitle}`} confirmText="Unlink this source from the claim? The history keeps a record." returnFocusTo="sources-heading" />;
}

export function DeleteNoteButton({ annotationId }: { annotationId: string }) {
  return <ButtonForm id={`delete-note-${annotationId}`} action={deleteAnnotationAction} fields={{ annotationId }} label="Delete note" confirmText="Delete this note? Its words stay in the desk's history of the claim; readers never see a deleted note." returnFocusTo="notes-heading" />;
}

/** "Readers will see this note": unticked unless the author chooses it. */
function PublicNoteBox({ checked, errors }: { checked: boolean; errors?: string[] }) {
  return <CheckboxField name="isPublic" label="Readers will see this note" hint="Left unticked, the note stays on the desk: readers, the read API and open data never see it." checked={checked} errors={errors} />;
}

export const AnnotationForm = keptOnRefusal(function AnnotationForm({ claimId }: { claimId: string }) {
  const [state, action] = useFormActionState(addAnnotationAction, "note-form");
  return (
    <form id="note-form" action={action} noValidate className={boxClass} aria-labelledby="note-form-heading">
      <h3 id="note-form-heading" className="mb-3 font-semibold">
        Add a note
      </h3>
      <FormMessage state={state} />
      <Hidden fields={{ claimId }} />
      <TextArea name="body" label="Your note" hint="Markdown: **bold**, lists, tables, ~~strikethrough~~, task lists (- [ ] to do), links (http, https, mailto)." required rows={4} defaultValue={state.values.body ?? ""} errors={state.fieldErrors.body} />
      <PublicNoteBox checked={state.values.isPublic === "1"} errors={state.fieldErrors.isPublic} />
      <SubmitButton>Add note</SubmitButton>
    </form>
  );
});

export const EditAnnotationForm = keptOnRefusal(function EditAnnotationForm({ annotation }: { annotation: { id: string; version: number; body: string; isPublic: boolean } }) {
  const [state, action] = useFormActionState(editAnnotationAction, `note-${annotation.id}`);
  // After an error, the box shows what was sent; before, what is saved.
  const isPublic = state.values.body !== undefined ? state.values.isPublic === "1" : annotation.isPublic;
  return (
    <form id={`note-${annotation.id}`} action={action} noValidate className={boxClass}>
      <FormMessage state={state} />
      <Hidden fields={{ annotationId: annotation.id, version: versionToSend(state, annotation.version) }} />
      <TextArea name="body" label="Note" required rows={6} defaultValue={state.values.body ?? annotation.body} errors={state.fieldErrors.body} />
      <PublicNoteBox checked={isPublic} errors={state.fieldErrors.isPublic} />
      <SubmitButton>Save note</SubmitButton>
    </form>
  );
});

export const AssignForm = keptOnRefusal(function AssignForm({ claimId, version, assigneeId, users }: { claimId: string; version: number; assigneeId: string | null; users: { id: string; name: string }[] }) {
  const [state, action] = useFormActionState(assignAction, "assign-form");
  return (
    <form id="assign-form" action={action} noValidate className={boxClass} aria-labelledby="assign-heading">
      <h2 id="assign-heading" className="mb-3 text-lg font-semibold">
        Assign
      </h2>
      <FormMessage state={state} />
      <Hidden fields={{ claimId, version: versionToSend(state, version) }} />
      <SelectField name="assigneeId" label="Reviewer" placeholder="Nobody" options={users.map((u) => ({ value: u.id, label: u.name }))} defaultValue={state.values.assigneeId ?? assigneeId ?? ""} errors={state.fieldErrors.assigneeId} />
      <SubmitButton>Save assignment</SubmitButton>
    </form>
  );
});

export const PublishForm = keptOnRefusal(function PublishForm({ claimId, version, isPublished }: { claimId: string; version: number; isPublished: boolean }) {
  const [state, action] = useFormActionState(publishAction, "publish-form");
  return (
    // After publishing or unpublishing, the keyboard lands on the heading, not on the button that
    // now does the opposite (components/forms/return-focus.ts).
    <form id="publish-form" action={action} className={boxClass} aria-labelledby="publish-heading" data-return-focus="heading">
      <h2 id="publish-heading" tabIndex={-1} className="mb-3 text-lg font-semibold">
        {isPublished ? "Published" : "Draft: readers cannot see it"}
      </h2>
      <FormMessage state={state} />
      <Hidden fields={{ claimId, version: versionToSend(state, version) }} />
      <SubmitButton name="intent" value={isPublished ? "unpublish" : "publish"}>
        {isPublished ? "Unpublish" : "Publish"}
      </SubmitButton>
    </form>
  );
});

/**
 * "Mark this claim as a duplicate of …" (ADR 030): one of the claims "Seen before?" found, and
 * why, for the history. Readers of a duplicate are sent to its original once that is published.
 */
export const DuplicateForm = keptOnRefusal(function DuplicateForm({ claimId, version, candidates }: { claimId: string; version: number; candidates: { id: string; summary: string }[] }) {
  const [state, action] = useFormActionState(markDuplicateAction, "duplicate-form");
  const v = (name: string) => state.values[name] ?? "";
  return (
    // Marking swaps this form for "Not a duplicate", and that one back: each names itself by the
    // heading the page shows then, where the keyboard lands (components/forms/return-focus.ts).
    <form id="duplicate-form" action={action} noValidate className={boxClass} aria-labelledby="duplicate-heading" data-return-focus="heading">
      <h3 id="duplicate-heading" tabIndex={-1} className="mb-3 font-semibold">
        Mark this claim as a duplicate of …
      </h3>
      <FormMessage state={state} />
      <Hidden fields={{ claimId, version: versionToSend(state, version) }} />
      <SelectField name="originalId" label="The earlier claim" required placeholder="Choose a claim" options={candidates.map((c) => ({ value: c.id, label: c.summary }))} defaultValue={v("originalId")} errors={state.fieldErrors.originalId} />
      <TextArea name="duplicateReason" label="Why it is the same claim" hint="Kept in this claim's history." required rows={2} defaultValue={v("duplicateReason")} errors={state.fieldErrors.duplicateReason} />
      <SubmitButton>Mark as duplicate</SubmitButton>
    </form>
  );
});

/** "Not a duplicate": the claim stands on its own again; the reason goes in its history. */
export const NotDuplicateForm = keptOnRefusal(function NotDuplicateForm({ claimId, version }: { claimId: string; version: number }) {
  const [state, action] = useFormActionState(unmarkDuplicateAction, "not-duplicate-form");
  return (
    <form id="not-duplicate-form" action={action} noValidate className="mt-3" aria-labelledby="duplicate-heading" data-return-focus="heading" data-return-focus-fallback="seen-before-heading">
      <FormMessage state={state} />
      <Hidden fields={{ claimId, version: versionToSend(state, version) }} />
      <TextArea name="duplicateReason" label="Why it is not a duplicate" hint="Kept in this claim's history." required rows={2} defaultValue={state.values.duplicateReason ?? ""} errors={state.fieldErrors.duplicateReason} />
      <SubmitButton>Not a duplicate</SubmitButton>
    </form>
  );
});
