"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { asFormData, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { logEvent } from "@/lib/log";
import { limitSignIn, signedInFrom, signInRefusalMessage } from "@/lib/rate-limit";
import { clientAddress } from "@/lib/request";
import { safeReturnPath, signInSchema } from "@/lib/validation/auth";

const GENERIC_FAILURE = "That email and password do not match an active account.";

// Public by nature (it is how a person becomes "who is asking"); guarded by rate limits per
// account and address, per account and per address, and it never says which half of the pair
// was wrong.
export async function signIn(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData, ["password"]);
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, values);
  const { email, password, next } = parsed.data;
  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders);

  // Each attempt counts before the password is tried (lib/rate-limit.ts, ADR 025). The proxy
  // has already answered a refused attempt at /sign-in with 429; this is the count itself, and
  // the refusal of attempts that raced past that check or were posted elsewhere.
  const attempt = { email, address };
  const refusal = await limitSignIn(attempt, "count");
  if (refusal) {
    logEvent("warn", "sign-in rate limited", { email, address, scope: refusal.scope });
    return { ok: false, fieldErrors: {}, formError: signInRefusalMessage(refusal), values };
  }

  try {
    await auth.api.signInEmail({ body: { email, password }, headers: requestHeaders });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    const refused = error.statusCode === 401 || error.statusCode === 403;
    // Wrong credentials or a disabled account get the same answer; anything else (a
    // misconfigured origin or secret) is ours to fix, and says so.
    logEvent(refused ? "warn" : "error", "sign-in failed", { email, address, code: error.body?.code ?? error.status });
    if (!refused) return { ok: false, fieldErrors: {}, formError: "Signing in is not working right now; please tell an administrator.", values };
    return { ok: false, fieldErrors: {}, formError: GENERIC_FAILURE, values };
  }
  await signedInFrom(attempt);
  logEvent("info", "signed in", { email, address });
  redirect(safeReturnPath(next));
}
