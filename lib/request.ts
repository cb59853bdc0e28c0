import { isProduction } from "@/lib/env";

/**
 * The client's address for rate limits and logs. Next.js's server sets x-forwarded-for from the
 * socket; behind a reverse proxy, the proxy must overwrite (not append to) that header.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
}

/** The session cookie's name as Better Auth is configured in lib/auth.ts (`__Host-` in production). */
export function sessionCookieName(): string {
  return isProduction() ? "__Host-factline.session_token" : "factline.session_token";
}

/**
 * The session cookie's value exactly as the session lookup reads it (Better Auth's cookie parser,
 * better-call's `parseCookies`): the cookie of the configured name that comes first in the header,
 * trimmed, a leading quote and the last character dropped, %-escapes decoded when they decode.
 * The write limit is keyed on it, so a second, made-up cookie (`a=1; a=2`), the other name, or
 * another spelling of the same token cannot give a session a fresh allowance while it still acts
 * as itself. lib/request.test.ts holds this to better-call's parser.
 */
export function sessionCookie(headers: Headers, name: string = sessionCookieName()): string | null {
  for (const pair of (headers.get("cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at === -1 || pair.slice(0, at).trim() !== name) continue;
    let value = pair.slice(at + 1).trim();
    if (value.codePointAt(0) === 0x22) value = value.slice(1, -1);
    try {
      value = value.includes("%") ? decodeURIComponent(value) : value;
    } catch {
      // kept as sent, as the parser keeps it
    }
    return value === "" ? null : value;
  }
  return null;
}
