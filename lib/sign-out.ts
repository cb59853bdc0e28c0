import "server-only";
import { auth } from "@/lib/auth";
import { logEvent } from "@/lib/log";

/**
 * Ends the session the request's cookie names, if any, and sends the browser home: 303, so the
 * browser asks for the home page with a GET. Better Auth's cookie plugin clears the cookie
 * through Next.js's cookie store, which the route's response carries. With no session (already
 * signed out, expired, forged) there is nothing to end, and the answer is the same.
 */
export async function signOutRequest(requestHeaders: Headers): Promise<Response> {
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (session) {
    await auth.api.signOut({ headers: requestHeaders });
    logEvent("info", "signed out", { userId: session.user.id });
  }
  return new Response(null, { status: 303, headers: { location: "/", "cache-control": "no-store" } });
}
