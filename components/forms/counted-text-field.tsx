"use client";

import { useEffect, useState } from "react";
import { FieldShell, inputClass } from "@/components/forms/fields";
import { characterCount } from "@/lib/text";

function countMessage(max: number, count: number): string {
  const left = max - count;
  const characters = (n: number) => (n === 1 ? "1 character" : `${n.toLocaleString("en")} characters`);
  return left >= 0 ? `You have ${characters(left)} remaining.` : `You have ${characters(-left)} too many.`;
}

/**
 * A text field with a length limit and a count of what is left, counted as the schema counts
 * (lib/text.ts characterCount). No maxlength: a browser counts it in UTF-16 units, stopping a
 * summary of emoji at half its length, and cuts a long paste short without saying so. Going over
 * is allowed and shown; the server refuses it with the field's message.
 *
 * The visible count changes as one types; screen readers hear it once typing pauses, through a
 * separate polite live region, so not every key press is read out.
 */
export function CountedTextField({
  max,
  defaultValue = "",
  ...base
}: {
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
  errors?: string[] | undefined;
  max: number;
  defaultValue?: string;
}) {
  const [count, setCount] = useState(() => characterCount(defaultValue));
  // React resets the form after each submission to what the server sent back: count that.
  const [shown, setShown] = useState(defaultValue);
  if (shown !== defaultValue) {
    setShown(defaultValue);
    setCount(characterCount(defaultValue));
  }
  const [typed, setTyped] = useState(false);
  const [announced, setAnnounced] = useState("");
  const message = countMessage(max, count);
  useEffect(() => {
    if (!typed) return;
    const timer = setTimeout(() => setAnnounced(message), 1000);
    return () => clearTimeout(timer);
  }, [typed, message]);
  const countId = `${base.name}-count`;
  return (
    <FieldShell {...base}>
      {(describedBy) => (
        <>
          <input
            id={base.name}
            name={base.name}
            type="text"
            defaultValue={defaultValue}
            onInput={(event) => {
              setCount(characterCount(event.currentTarget.value));
              setTyped(true);
            }}
            aria-invalid={base.errors?.length ? true : undefined}
            aria-describedby={describedBy}
            aria-required={base.required || undefined}
            className={inputClass}
          />
          <p id={countId} aria-hidden="true" className={count > max ? "mt-1 text-sm font-medium text-red-800" : "mt-1 text-sm text-stone-700"}>
            {message}
          </p>
          <p className="sr-only" aria-live="polite">
            {announced}
          </p>
        </>
      )}
    </FieldShell>
  );
}
