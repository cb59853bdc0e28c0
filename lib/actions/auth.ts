"use server";

import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { asFormData, formValues, invalid, type ActionState } from "@/lib/actions/state";
import { logEvent } from "@/lib/log";
import { limiter, SIGN_IN_ACCOUNT_LIMIT, SIGN_IN_ADDRESS_LIMIT } from "@/lib/rate-limit";
import { clientAddress } from "@/lib/request";
import { safeReturnPath, signInSchema } from "@/lib/validation/auth";

const GENERIC_FAILURE = "That email and password do not match an active account.";

// Public by nature (it is how a person becomes "who is asking"); guarded by rate limits per
// account and per address, and it never says which half of the pair was wrong.
export async function signIn(_prev: ActionState, sent: unknown): Promise<ActionState> {
  const formData = asFormData(sent);
  const values = formValues(formData, ["password"]);
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, values);
  const { email, password, next } = parsed.data;
  const requestHeaders = await headers();
  const address = clientAddress(requestHeaders);

  // Each attempt counts before the password is tried (so parallel attempts cannot slip past the
  // check); a success gives the account's attempts back. Only the account's count is reset: an
  // address trying many accounts stays counted.
  const byAddress = await limiter.hit(`sign-in:address:${address}`, SIGN_IN_ADDRESS_LIMIT);
  const byAccount = await limiter.hit(`sign-in:account:${email}`, SIGN_IN_ACCOUNT_LIMIT);
  if (!byAddress.ok || !byAccount.ok) {
    const wait = Math.max(byAddress.ok ? 0 : byAddress.retryAfterSeconds, byAccount.ok ? 0 : byAccount.retryAfterSeconds);
    logEvent("warn", "sign-in rate limited", { email, address });
    return { ok: false, fieldErrors: {}, formError: `Too many attempts. Try again in ${Math.ceil(wait / 60)} minute(s).`, values };
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
  await limiter.reset(`sign-in:account:${email}`);
  logEvent("info", "signed in", { email, address });
  redirect(safeReturnPath(next));
}

export async function signOut(): Promise<void> {
  const requestHeaders = await headers();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (session) {
    await auth.api.signOut({ headers: requestHeaders });
    logEvent("info", "signed out", { userId: session.user.id });
  }
  redirect("/");
}
