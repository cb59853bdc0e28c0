"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { TextField } from "@/components/forms/fields";
import { signIn } from "@/lib/actions/auth";
import { initialActionState } from "@/lib/actions/state";

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signIn, initialActionState);
  return (
    <form action={action} noValidate className="rounded border border-stone-300 bg-white p-6">
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField name="email" label="Email" type="email" autoComplete="username" required defaultValue={state.values.email} errors={state.fieldErrors.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required errors={state.fieldErrors.password} />
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
}
