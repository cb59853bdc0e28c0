"use client";

import { useEffect } from "react";

/**
 * For a form checked by the page it sends to (a GET form: the desk's export and insights
 * filters): once the page is shown with a problem, the keyboard goes to the first field marked
 * invalid in form `formId`, else to the problem's message (`data-problem`, with tabIndex -1), as
 * the server-action forms do (components/forms/form-status.tsx). A message already on the page
 * when it loads is not announced by every screen reader; focus on it is. Rendered only when
 * there is a problem.
 */
export function FocusOnProblem({ formId }: { formId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId);
    (form?.querySelector<HTMLElement>("[aria-invalid='true']") ?? document.querySelector<HTMLElement>("[data-problem]"))?.focus();
  }, [formId]);
  return null;
}
