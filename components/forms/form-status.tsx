"use client";

import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import { useRecordSent } from "@/components/forms/refusal";
import { forgetSentForm, rememberSentForm } from "@/components/forms/return-focus";
import type { ActionState } from "@/lib/actions/state";

/** The form-level message, announced politely to screen readers when it appears. */
export function FormMessage({ state }: { state: ActionState }) {
  const ref = useRef<HTMLDivElement>(null);
  // What the form shows and sends, for a refusal by the rate limits to start again from.
  useRecordSent(state);
  // After a refused submit, take the keyboard to the first field with a problem (or to the
  // message when the problem is the form's as a whole).
  useEffect(() => {
    if (!state.formError && !Object.keys(state.fieldErrors).length) return;
    forgetSentForm();
    const form = ref.current?.closest("form");
    const invalid = form?.querySelector<HTMLElement>("[aria-invalid='true']");
    (invalid ?? ref.current?.querySelector<HTMLElement>("[role='alert']"))?.focus();
  }, [state]);
  return (
    <div ref={ref} className="mb-4">
      {state.formError ? (
        <p role="alert" tabIndex={-1} className="rounded border border-red-300 bg-red-50 p-3 font-medium text-red-900">
          {state.formError}
        </p>
      ) : null}
      {/* Always present, so the notice is announced when it appears. */}
      <div role="status">
        {state.notice ? <p className="rounded border border-green-400 bg-green-50 p-3 font-medium text-green-900">{state.notice}</p> : null}
      </div>
      {state.conflict ? (
        <div className="mt-2 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">
          <p className="font-semibold">{state.conflict.message}</p>
          <dl className="mt-2 text-sm">
            {Object.entries(state.conflict.current).map(([field, value]) => (
              <div key={field} className="mt-1">
                <dt className="font-medium">{field}, as saved now</dt>
                <dd className="whitespace-pre-line">{value || "(empty)"}</dd>
              </div>
            ))}
          </dl>
        </div>
      ) : null}
    </div>
  );
}

/** `label`: the button's name for screen readers when its text alone is ambiguous (one per row). */
/** `pendingLabel`: what it says while the form is being sent ("Saving…" unless told). */
export function SubmitButton({ children, name, value, label, pendingLabel = "Saving…" }: { children: string; name?: string; value?: string; label?: string; pendingLabel?: string }) {
  const { pending } = useFormStatus();
  // Refused while sending, so a form is not sent twice; aria-disabled, not disabled: a button
  // disabled while it has focus loses it, and the keyboard is left on nothing once the answer comes.
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-label={label}
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
        else rememberSentForm(event.currentTarget);
      }}
      className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 aria-disabled:bg-stone-500"
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
