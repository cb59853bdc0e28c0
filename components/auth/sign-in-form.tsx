"use client";

import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { TextField } from "@/components/forms/fields";
import { keptOnRefusal, useFormActionState } from "@/components/forms/refusal";
import { signIn } from "@/lib/actions/auth";

/**
 * The sign-in form. An attempt past the sign-in limits is answered 429 by the proxy before the
 * action runs (ADR 025); the form then starts again with the proxy's words as its message, and
 * the email as typed (components/forms/refusal.tsx).
 */
export const SignInForm = keptOnRefusal(function SignInForm({ next }: { next: string }) {
  const [state, action] = useFormActionState(signIn, "sign-in-form");
  return (
    <form id="sign-in-form" action={action} noValidate className="rounded border border-stone-300 bg-white p-6">
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField name="email" label="Email" type="email" autoComplete="username" required defaultValue={state.values.email} errors={state.fieldErrors.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required errors={state.fieldErrors.password} />
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
});
