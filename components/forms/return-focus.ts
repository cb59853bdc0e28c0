/**
 * Giving the keyboard back to the form that was sent, when its action redirects to the page it
 * was on with a notice (the claim workspace, `?done=`). Next.js renders a page anew for a new
 * address, so the button that had focus is replaced by one just like it, and focus was lost.
 * Forms are known by the heading that names them (`aria-labelledby`); one without is not followed.
 */
let sentForm: string | null = null;

/** Called as a form is sent. */
export function rememberSentForm(button: HTMLButtonElement): void {
  sentForm = button.form?.getAttribute("aria-labelledby") ?? null;
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
  const name = sentForm;
  sentForm = null;
  if (!name) return;
  const form = document.querySelector<HTMLFormElement>(`form[aria-labelledby="${CSS.escape(name)}"]`);
  if (form?.dataset.returnFocus === "heading") document.getElementById(name)?.focus();
  else form?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
}
