"use client";

import { useEffect, useRef } from "react";

/**
 * For a form checked by the page it sends to (a GET form: the desk's export and insights
 * filters), placed inside the problem's message (`data-problem`, with tabIndex -1): once the page
 * is shown, the keyboard goes to the first field marked invalid in form `formId` (into a group so
 * marked), else to that
 * message, as the server-action forms do (components/forms/form-status.tsx). A message already on
 * the page when it loads is not announced by every screen reader; focus on it is. Only while
 * nothing has focus yet: a person who has already moved on (the page's scripts came late) is not
 * taken back.
 */
export function FocusOnProblem({ formId }: { formId: string }) {
  const marker = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (document.activeElement && document.activeElement !== document.body) return;
    const form = document.getElementById(formId);
    const invalid = form?.querySelector<HTMLElement>("[aria-invalid='true']");
    // A group marked invalid (radio buttons, which take no aria-invalid themselves) is not
    // focusable: the keyboard goes to its chosen button, or its first.
    const field = invalid?.matches("fieldset") ? (invalid.querySelector<HTMLElement>("input:checked") ?? invalid.querySelector<HTMLElement>("input, select, textarea")) : invalid;
    (field ?? marker.current?.closest<HTMLElement>("[data-problem]"))?.focus();
  }, [formId]);
  return <span ref={marker} hidden />;
}
