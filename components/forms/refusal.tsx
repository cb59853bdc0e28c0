"use client";

import { Component, createContext, useActionState, useContext, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { initialActionState, type ActionState } from "@/lib/actions/state";
import { isLimitRefusal } from "@/lib/domain/refusal";

/**
 * A form sent past the rate limits keeps what was typed. The proxy answers such a post 429 before
 * its action runs (proxy.ts, ADR 025), and Next.js's script raises that answer as an error from
 * the form's useActionState. Without this, the error reached the page's error boundary, which
 * replaced the page: a reviewer's long note or claim was gone with it. With it, the form alone
 * starts again, showing the proxy's words as its message (in the place, and with the focus, of
 * any other refusal) and every field as it was sent, for when the wait is over. Passwords are not
 * kept, as the actions never send them back. Any other error goes on to the page's boundary.
 */

/** The fields of the last form sent on this page, as a refusal of it restores them. */
let lastSent: Record<string, string> = {};

/**
 * The form's text fields as they were sent, button pressed included; passwords, files and
 * Next.js's own fields left out (as formValues does on the server).
 */
export function sentValues(form: HTMLFormElement, submitter: HTMLElement | null): Record<string, string> {
  const values: Record<string, string> = {};
  const data = new FormData(form, submitter instanceof HTMLButtonElement || submitter instanceof HTMLInputElement ? submitter : null);
  for (const [name, value] of data.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const field = form.elements.namedItem(name);
    if (field instanceof HTMLInputElement && field.type === "password") continue;
    values[name] = value;
  }
  return values;
}

let listening = false;

/** Notes each form as it is sent, whichever way: a click, Enter in a field, requestSubmit(). */
function listen(): void {
  if (listening || typeof document === "undefined") return;
  listening = true;
  document.addEventListener(
    "submit",
    (event) => {
      if (event.target instanceof HTMLFormElement) lastSent = sentValues(event.target, event.submitter);
    },
    true,
  );
}

const RefusedState = createContext<ActionState | null>(null);

/**
 * useActionState for a form wrapped in keptOnRefusal: after a refusal it starts from the refused
 * state. A state with more than ActionState's fields (a capture's report) has them optional.
 */
export function useFormActionState<State extends ActionState>(action: (state: State, sent: FormData) => Promise<State>) {
  const refused = useContext(RefusedState);
  return useActionState<State, FormData>(action, (refused ?? initialActionState) as Awaited<State>);
}

/** Wraps a form whose state comes from useFormActionState, so a refusal by the limits keeps what was typed. */
export function keptOnRefusal<P extends object>(Form: ComponentType<P>): ComponentType<P> {
  function KeptOnRefusal(props: P) {
    useEffect(listen, []);
    const [refused, setRefused] = useState<{ times: number; state: ActionState } | null>(null);
    return (
      <RefusalBoundary
        onRefused={(message) => {
          const values = lastSent;
          lastSent = {};
          setRefused((last) => ({ times: (last?.times ?? 0) + 1, state: { ...initialActionState, formError: message, values } }));
        }}
      >
        <RefusedState value={refused?.state ?? null}>
          <Form key={refused?.times ?? 0} {...props} />
        </RefusedState>
      </RefusalBoundary>
    );
  }
  KeptOnRefusal.displayName = `KeptOnRefusal(${Form.displayName ?? Form.name})`;
  return KeptOnRefusal;
}

/** Hands a refusal's words up; any other error goes on to the page's error boundary. */
class RefusalBoundary extends Component<{ onRefused: (message: string) => void; children: ReactNode }, { error: unknown }> {
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
