"use client";

import { Component, useActionState, useRef, useState, type ReactNode } from "react";
import { FormMessage, SubmitButton } from "@/components/forms/form-status";
import { TextField } from "@/components/forms/fields";
import { signIn } from "@/lib/actions/auth";
import { initialActionState } from "@/lib/actions/state";
import { isLimitRefusal } from "@/lib/domain/refusal";

/**
 * The sign-in form. An attempt past the sign-in limits is answered 429 by the proxy before the
 * action runs (ADR 025), which Next.js's script raises as an error carrying the proxy's words;
 * the form then starts again with those words as its message, and the email as typed.
 */
export function SignInForm({ next }: { next: string }) {
  const [refused, setRefused] = useState({ times: 0, message: null as string | null, email: "" });
  const sentEmail = useRef("");
  return (
    <RefusedAttempts onRefused={(message) => setRefused((last) => ({ times: last.times + 1, message, email: sentEmail.current }))}>
      <SignInFields key={refused.times} next={next} refusal={refused.message} email={refused.email} onSend={(email) => (sentEmail.current = email)} />
    </RefusedAttempts>
  );
}

function SignInFields({ next, refusal, email, onSend }: { next: string; refusal: string | null; email: string; onSend: (email: string) => void }) {
  const [state, action] = useActionState(signIn, { ...initialActionState, formError: refusal, values: { email } });
  return (
    <form
      action={action}
      onSubmit={(event) => {
        onSend(String(new FormData(event.currentTarget).get("email") ?? ""));
      }}
      noValidate
      className="rounded border border-stone-300 bg-white p-6"
    >
      <FormMessage state={state} />
      <input type="hidden" name="next" value={next} />
      <TextField name="email" label="Email" type="email" autoComplete="username" required defaultValue={state.values.email} errors={state.fieldErrors.email} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required errors={state.fieldErrors.password} />
      <SubmitButton>Sign in</SubmitButton>
    </form>
  );
}


/** Hands a refused attempt's words up; any other error goes on to the page's error boundary. */
class RefusedAttempts extends Component<{ onRefused: (message: string) => void; children: ReactNode }, { error: unknown }> {
  override state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    if (!isLimitRefusal(error)) return;
    this.props.onRefused(error.message);
    this.setState({ error: null });
  }

  override render() {
    if (this.state.error !== null && !isLimitRefusal(this.state.error)) throw this.state.error;
    return this.state.error === null ? this.props.children : null;
  }
}
