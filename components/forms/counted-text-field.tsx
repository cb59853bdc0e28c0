"use client";

import { useEffect, useRef, useState } from "react";
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
 * The count describes the field, so a screen reader reads it with the field. As one types, the
 * visible count changes at once and a polite live region says it once typing pauses, so not
 * every key press is read out (the GOV.UK character count works the same way).
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
  const input = useRef<HTMLInputElement>(null);
  const [count, setCount] = useState(() => characterCount(defaultValue));
  const [typed, setTyped] = useState(false);
  const [announced, setAnnounced] = useState("");
  const message = countMessage(max, count);

  // The field can hold what the count has not seen: text typed before the page was interactive,
  // a value the browser restored on Back, the form reset to what the server sent back.
  useEffect(() => {
    const field = input.current;
    if (!field) return;
    const recount = () => setCount(characterCount(field.value));
    const afterReset = () => {
      setTyped(false); // the form's own message says what happened; no count read over it
      setTimeout(recount, 0); // the reset has put the values back only once its event is done
    };
    recount();
    window.addEventListener("pageshow", recount);
    field.form?.addEventListener("reset", afterReset);
    return () => {
      window.removeEventListener("pageshow", recount);
      field.form?.removeEventListener("reset", afterReset);
    };
  }, []);
  // A new value from the server (React's form reset then shows it) is counted too.
  useEffect(() => {
    if (input.current) setCount(characterCount(input.current.value));
  }, [defaultValue]);

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
            ref={input}
            id={base.name}
            name={base.name}
            type="text"
            defaultValue={defaultValue}
            onInput={(event) => {
              setCount(characterCount(event.currentTarget.value));
              setTyped(true);
            }}
            aria-invalid={base.errors?.length ? true : undefined}
            aria-describedby={[describedBy, countId].filter(Boolean).join(" ")}
            aria-required={base.required || undefined}
            className={inputClass}
          />
          <p id={countId} className={count > max ? "mt-1 text-sm font-medium text-red-800" : "mt-1 text-sm text-stone-700"}>
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
