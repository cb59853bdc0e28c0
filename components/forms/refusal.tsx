"use client";

import { Component, createContext, useActionState, useCallback, useContext, useEffect, useRef, useState, type ComponentType, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { usePathname, useSearchParams } from "next/navigation";
import { formValues, initialActionState, type ActionState } from "@/lib/actions/state";
import { isLimitRefusal } from "@/lib/domain/refusal";
import { formPermalink } from "@/lib/domain/desk-notice";

/**
 * A form sent past the rate limits keeps what was typed. The proxy answers such a post 429 before
 * its action runs (proxy.ts, ADR 025), and Next.js's script raises that answer as an error from
 * the form's useActionState. Without this, the error reached the page's error boundary, which
 * replaced the page: a reviewer's long note or claim was gone with it. With it, the form alone
 * starts again, showing the proxy's words as its message (in the place, and with the focus, of
 * any other refusal) and every field as it was sent, for when the wait is over; passwords are not
 * kept. Each form keeps its own record of what it sent: two forms sent one after the other, and
 * both refused, each get their own fields back. Any other error goes on to the page's boundary.
 */

/** What a form showed and sent at its last submit: a refusal of that submit starts from it. */
interface Sent {
  state: ActionState;
  data: FormData;
}

/** Each wrapped form's own record of its last submit, so a refusal restores its fields and no other form's. */
const RecordSent = createContext<((sent: Sent) => void) | null>(null);

/**
 * Called by FormMessage, inside every wrapped form that shows a message: notes the form's state
 * and what it sends while it is being sent (React's form status knows exactly what was sent; a
 * submit cancelled by a confirm never starts, so it is never noted).
 */
export function useRecordSent(state: ActionState): void {
  const record = useContext(RecordSent);
  const { pending, data } = useFormStatus();
  useEffect(() => {
    if (record && pending && data) record({ state, data });
  }, [record, pending, data, state]);
}

/**
 * The form's text fields as sent, read as the actions read them (formValues: files and Next.js's
 * own fields left out), and any field named for a password left out too, as the actions leave
 * out the password when they send the values back.
 */
export function sentValues(data: FormData): Record<string, string> {
  return formValues(data, [...data.keys()].filter((name) => /password/i.test(name)));
}

/**
 * The state a refused form starts again from: what it showed before the refused submit (its field
 * errors, say, or the record as saved now after a conflict, and whatever fields those bring into
 * view), with the proxy's words as its message and its fields as sent.
 */
export function refusedState(sent: Sent | null, message: string): ActionState {
  return { ...(sent?.state ?? initialActionState), ok: false, notice: null, formError: message, values: sent ? sentValues(sent.data) : {} };
}

const RefusedState = createContext<ActionState | null>(null);

/**
 * useActionState for a form wrapped in keptOnRefusal: after a refusal it starts from the refused
 * state. A state with more than ActionState's fields (a capture's report) has them optional.
 *
 * `form` is the form element's id, unique on the page. Without scripts the form posts to this
 * page's address without the last action's notice, at `#form` (lib/domain/desk-notice.ts
 * formPermalink): a refusal then shows the form's problem under no earlier "Note added.", and
 * the browser scrolls to it. It once posted to the address as it stood, notice and fragment too.
 */
export function useFormActionState<State extends ActionState>(action: (state: State, sent: FormData) => Promise<State>, form: string) {
  const refused = useContext(RefusedState);
  // Both are there on every page of the app; outside its router (a unit render) the form posts
  // to its own fragment on the page it is on.
  const pathname = usePathname() ?? "";
  const params = useSearchParams();
  const permalink = formPermalink(pathname, new URLSearchParams(params?.toString() ?? ""), form);
  return useActionState<State, FormData>(action, (refused ?? initialActionState) as Awaited<State>, permalink);
}

/** Wraps a form whose state comes from useFormActionState, so a refusal by the limits keeps what was typed. */
export function keptOnRefusal<P extends object>(Form: ComponentType<P>): ComponentType<P> {
  function KeptOnRefusal(props: P) {
    const sent = useRef<Sent | null>(null);
    const record = useCallback((last: Sent) => {
      sent.current = last;
    }, []);
    const [refused, setRefused] = useState<{ times: number; state: ActionState } | null>(null);
    return (
      <RefusalBoundary
        onRefused={(message) => {
          const state = refusedState(sent.current, message);
          setRefused((last) => ({ times: (last?.times ?? 0) + 1, state }));
        }}
      >
        <RecordSent value={record}>
          <RefusedState value={refused?.state ?? null}>
            <Form key={refused?.times ?? 0} {...props} />
          </RefusedState>
        </RecordSent>
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
