"use client";

import { useEffect, useRef } from "react";
import { useFormStatus } from "react-dom";
import type { ActionState } from "@/lib/actions/state";

/** The form-level message, announced politely to screen readers when it appears. */
export function FormMessage({ state }: { state: ActionState }) {
  const ref = useRef<HTMLDivElement>(null);
  // After a refused submit, take the keyboard to the first field with a problem (or to the
  // message when the problem is the form's as a whole).
  useEffect(() => {
    if (!state.formError && !Object.keys(state.fieldErrors).length) return;
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
      {state.notice ? (
        <p role="status" className="rounded border border-green-400 bg-green-50 p-3 font-medium text-green-900">
          {state.notice}
        </p>
      ) : null}
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
export function SubmitButton({ children, name, value, label }: { children: string; name?: string; value?: string; label?: string }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-label={label}
      disabled={pending}
      className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 disabled:bg-stone-500"
    >
      {pending ? "Saving…" : children}
    </button>
  );
}
