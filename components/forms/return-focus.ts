/**
 * Giving the keyboard back to the form that was sent, when its action redirects to the page it
 * was on with a notice (the claim workspace, `?done=`). Next.js renders a page anew for a new
 * address, so the button that had focus is replaced by one just like it, and focus was lost.
 * Forms are known by the heading that names them (`aria-labelledby`). A form whose action takes
 * it away or moves it (Unlink, Delete note, Archive) names instead where the keyboard goes then
 * (`data-return-focus-fallback`); a form with neither is not followed.
 */
let sentForm: { name: string | null; fallback: string | null } | null = null;

/** Called as a form is sent. */
export function rememberSentForm(button: HTMLButtonElement): void {
  const name = button.form?.getAttribute("aria-labelledby") ?? null;
  const fallback = button.form?.dataset.returnFocusFallback ?? null;
  sentForm = name || fallback ? { name, fallback } : null;
}

/** Called when the action answered on the page instead (a refusal): no notice is coming. */
export function forgetSentForm(): void {
  sentForm = null;
}

/**
 * Called once the notice shows: the form's button, as rendered now, takes focus; or, for a form
 * marked `data-return-focus="heading"`, its heading (which then has tabIndex -1). A toggle's
 * button is the other action once pressed ("Publish" comes back as "Unpublish"): a second press
 * of the key would undo the first at once, so the keyboard lands on the heading that says what
 * happened, one Tab before the button.
 */
export function returnFocusToSentForm(): void {
  const sent = sentForm;
  sentForm = null;
  if (!sent) return;
  const form = sent.name ? document.querySelector<HTMLFormElement>(`form[aria-labelledby="${CSS.escape(sent.name)}"]`) : null;
  const heading = sent.name ? document.getElementById(sent.name) : null;
  if (form?.dataset.returnFocus === "heading" && heading) heading.focus();
  else if (form) form.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  // The action took its form away ("Not a duplicate" when no similar claim is left to mark):
  // the heading it named, if it stayed, else the form's fallback (`data-return-focus-fallback`),
  // a heading near where it stood. Focus would otherwise fall to the top of the page.
  else (focusable(sent.name) ?? focusable(sent.fallback))?.focus();
}

function focusable(id: string | null): HTMLElement | null {
  const element = id ? document.getElementById(id) : null;
  // A heading takes focus only with a tabindex; a link already can, and -1 would take it out of the Tab order.
  if (element && !element.hasAttribute("tabindex") && element.tabIndex < 0) element.tabIndex = -1;
  return element;
}
