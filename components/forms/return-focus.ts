/**
 * Giving the keyboard back to the form that was sent, when its action redirects to the page it
 * was on with a notice (the claim workspace, `?done=`). Next.js renders a page anew for a new
 * address, so the button that had focus is replaced by one just like it, and focus was lost.
 * Forms are known by the heading that names them (`aria-labelledby`); one without is not followed.
 */
let sentForm: { name: string; fallback: string | null } | null = null;

/** Called as a form is sent. */
export function rememberSentForm(button: HTMLButtonElement): void {
  const name = button.form?.getAttribute("aria-labelledby");
  sentForm = name ? { name, fallback: button.form?.dataset.returnFocusFallback ?? null } : null;
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
  const form = document.querySelector<HTMLFormElement>(`form[aria-labelledby="${CSS.escape(sent.name)}"]`);
  const heading = document.getElementById(sent.name);
  if (form?.dataset.returnFocus === "heading" && heading) heading.focus();
  else if (form) form.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
  // The action took its form away ("Not a duplicate" when no similar claim is left to mark):
  // the heading it named, if it stayed, else the form's fallback (`data-return-focus-fallback`),
  // a heading near where it stood. Focus would otherwise fall to the top of the page.
  else (focusable(sent.name) ?? focusable(sent.fallback))?.focus();
}

function focusable(id: string | null): HTMLElement | null {
  const element = id ? document.getElementById(id) : null;
  if (element && !element.hasAttribute("tabindex")) element.tabIndex = -1;
  return element;
}
