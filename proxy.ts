import { NextResponse, type NextRequest } from "next/server";
import { appOrigin, trustedOrigins } from "@/lib/env";
import { jsonError } from "@/lib/api/responses";
import { CLAIM_LIST_HEADER, claimListKeyFor } from "@/lib/cache/claim-list";
import { DESK_COPY_HEADER, deskCopyKey, deskCopyPage } from "@/lib/cache/desk-copies";
import { deskCopyFor, deskCopyNonce } from "@/lib/cache/desk-copy-stamp";
import { SeenKeys, seenListKeys } from "@/lib/cache/list-admission";
import { COPY_NONCE_HEADER } from "@/lib/http/copy-nonce.mjs";
import { canonicalReaderPath, hasSessionCookie, isCachedTreePath, isServedFromCache } from "@/lib/cache/reader-routes";
import { currentEdgePurgeConfig, readerCacheControl } from "@/lib/edge/purge";
import { logEvent } from "@/lib/log";
import { checkFormBody } from "@/lib/form-body";
import { limitSignIn, limitWrite, signInRefusalMessage, writeLimiter, writeRefusalMessage, type SignInAttempt } from "@/lib/rate-limit";
import { clientAddress, sessionCookie } from "@/lib/request";
import { SIGN_OUT_PATH } from "@/lib/sign-out-path";
import { PAGE_ADDRESS_HEADER, emailSchema } from "@/lib/validation/auth";

// Two kinds of page response (docs/decisions/014-cached-reader-pages.md):
// - A reader page asked for without a session cookie is served from Next.js's cache: the rewrites
//   in next.config.ts send it to its cached copy under /cached/current, and the response carries a
//   policy with no per-request value, since the same HTML goes to every reader.
// - Everything else, and every reader page for a signed-in person, is rendered for the request
//   and carries a policy with a nonce made for that request alone
//   (docs/decisions/009-content-security-policy.md). Next.js reads the nonce back out of the
//   forwarded request's CSP header and puts it on its own scripts.
// The other security headers, for pages and API alike, are in next.config.ts.
export async function proxy(request: NextRequest): Promise<NextResponse> {
  // The proxy runs before the rewrites, so it sees the address the browser asked for. The cached
  // tree is reached only through them; asked for by its own address, it is not a page.
  if (isCachedTreePath(request.nextUrl.pathname)) return plainText(404, "Not found");
  // The API gets its security headers from next.config.ts; from here only these checks, in its
  // JSON error shape. Every API route reads and nothing else (the desk writes through forms):
  // Next.js would answer another method 405 with an empty body.
  if (isApiPath(request.nextUrl.pathname)) {
    if (!API_METHODS.includes(request.method)) {
      const refusal = jsonError("method_not_allowed", `The API answers ${API_METHODS.join(", ")} only, not ${request.method}.`);
      refusal.headers.set("allow", API_METHODS.join(", "));
      return refusal;
    }
    if (isDecodable(request.nextUrl.pathname)) return NextResponse.next();
    return jsonError("bad_request", UNDECODABLE);
  }
  // Pages are read and forms posted; nothing else is meant for them (Next.js would render the
  // page for a PUT or DELETE as if it were a GET).
  if (!PAGE_METHODS.includes(request.method)) return plainText(405, "Pages answer GET, HEAD and POST only.", { allow: PAGE_METHODS.join(", ") });
  // An address whose escapes are not UTF-8 names no page; Next.js would fail on it with a 500.
  if (!isDecodable(request.nextUrl.pathname)) return plainText(400, UNDECODABLE);
  // One spelling per reader page: `/CLAIMS/<id>` would otherwise be rewritten into the cached
  // tree (Next.js matches rewrites without regard to case) under a second copy of the page.
  const canonical = canonicalReaderPath(request.nextUrl.pathname);
  if (canonical !== null) {
    const url = request.nextUrl.clone();
    url.pathname = canonical;
    return NextResponse.redirect(url, 308);
  }

  // Every POST to a page runs a server action, except signing out (a plain form to its own route,
  // ADR 035): counted before it runs (lib/rate-limit.ts), and its body checked for size and
  // shape, so Next.js never answers a bad one with a 500.
  if (request.method === "POST") {
    // Next.js aborts an action whose Origin names another host than the request's (with a 500),
    // even one this app trusts under another name (localhost for 127.0.0.1): say so instead.
    if (request.headers.has("next-action") && !isSameHostOrigin(request)) {
      return plainText(403, "This form was sent from another address of this site than the one it was posted to. Open the site at one address and send it again.");
    }
    const refused = (await refuseTooManyWrites(request)) ?? (await refuseBadBody(request)) ?? (await refuseSignInPastLimits(request));
    if (refused) return refused;
  }

  const cookieNames = request.cookies.getAll().filter((cookie) => cookie.value !== "").map((cookie) => cookie.name);
  // A claims list is cached by its filters: the key names them, and the rewrite that reads it
  // sends the request to that key's copy (lib/cache/claim-list.ts). Only the proxy sets the key,
  // and only from a list's second request on (lib/cache/list-admission.ts): the first is
  // rendered for its reader, which costs less than rendering and storing a copy nobody may ask for.
  const candidateKey = hasSessionCookie(cookieNames) ? null : claimListKeyFor(request.method, request.nextUrl.pathname, request.nextUrl.searchParams);
  const listKey = candidateKey !== null && seenListKeys.seenBefore(candidateKey) ? candidateKey : null;
  if (listKey !== null || isServedFromCache(request.nextUrl.pathname, cookieNames)) {
    // The client's own CSP request header must not reach Next.js: it would take a nonce from it.
    const requestHeaders = new Headers(request.headers);
    requestHeaders.delete("content-security-policy");
    requestHeaders.delete("x-nonce");
    requestHeaders.delete(PAGE_ADDRESS_HEADER);
    requestHeaders.delete(DESK_COPY_HEADER);
    if (listKey !== null) requestHeaders.set(CLAIM_LIST_HEADER, listKey);
    else requestHeaders.delete(CLAIM_LIST_HEADER);
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set("content-security-policy", contentSecurityPolicy(null));
    // A shared cache may keep it (s-maxage), purged by the surrogate keys the page carries
    // (lib/edge/surrogate-keys.mjs); a browser asks again each time, with the ETag.
    response.headers.set("cache-control", readerCacheControl(currentEdgePurgeConfig()));
    return response;
  }

  // The insights and a claim finder, for someone allowed them, from a copy kept per person and
  // state of the page (lib/cache/desk-copies.ts, ADR 041), from its second request on.
  const deskKey = await deskCopyKeyFor(request);
  if (deskKey !== null && seenDeskCopies.seenBefore(deskKey)) return deskCopyResponse(request, deskKey);

  const nonce = createNonce();
  const policy = contentSecurityPolicy(nonce);

  // Overwrites anything the client sent under these names: the nonce is ours, never theirs.
  const requestHeaders = new Headers(request.headers);
  // A list key a visitor sent would send this request to a cached copy under the nonce policy.
  requestHeaders.delete(CLAIM_LIST_HEADER);
  requestHeaders.delete(DESK_COPY_HEADER);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  // Where a signed-out visitor goes back to after signing in (app/desk/layout.tsx).
  requestHeaders.set(PAGE_ADDRESS_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

const PAGE_METHODS = ["GET", "HEAD", "POST"];

/** Desk copies this process has seen asked for lately: one is kept from its second request on, as lists are (ADR 026). */
const seenDeskCopies = new SeenKeys(2_000);

/** The key of the desk copy that answers this request, or null when it is rendered per request. */
async function deskCopyKeyFor(request: NextRequest): Promise<string | null> {
  const page = deskCopyPage(request.method, request.nextUrl.pathname, request.nextUrl.searchParams, request.headers);
  if (page === null) return null;
  try {
    const copy = await deskCopyFor(page, request.headers);
    return copy === null ? null : deskCopyKey(copy);
  } catch (error) {
    // The page, rendered per request, reads the same and says what is wrong.
    logEvent("warn", "desk copy not chosen", { path: request.nextUrl.pathname, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/**
 * A desk page from its copy: rendered (once) with the copy's own nonce, on its scripts and in the
 * policy this sends (Next.js reads the nonce it renders with from the response's policy when the
 * proxy sets one). The production server, the one server that sets FACTLINE_DESK_COPIES, puts a
 * nonce made for this response alone in place of the copy's, in both, before the page leaves
 * (lib/http/copy-nonce.mjs).
 */
function deskCopyResponse(request: NextRequest, key: string): NextResponse {
  const copyNonce = deskCopyNonce(key);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete(CLAIM_LIST_HEADER);
  requestHeaders.set(DESK_COPY_HEADER, key);
  requestHeaders.set("x-nonce", copyNonce);
  requestHeaders.set("content-security-policy", contentSecurityPolicy(copyNonce));
  requestHeaders.set(PAGE_ADDRESS_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", contentSecurityPolicy(copyNonce));
  response.headers.set(COPY_NONCE_HEADER, copyNonce);
  // A person's own page: never kept by a shared cache, nor by the browser (whose copy would name
  // a nonce of a response gone by).
  response.headers.set("cache-control", "private, no-store");
  return response;
}

/** Whether the Origin, when sent, names the host the request was made to (as Next.js checks it). */
function isSameHostOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
const UNDECODABLE = "This address is not valid: its %-escapes do not spell UTF-8 text.";

const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");
/** What the API answers: reads, and the preflight Next.js answers itself. */
const API_METHODS = ["GET", "HEAD", "OPTIONS"];

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function plainText(status: number, message: string, headers: Record<string, string> = {}): NextResponse {
  return new NextResponse(message, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });
}

/**
 * A POST from another site is refused here, before it is counted: otherwise any page a reviewer
 * opens could spend their newsroom's sign-in and write allowance in the background. (Next.js
 * refuses such a server action too, but only after the proxy has run.)
 */
function isCrossSite(request: NextRequest): boolean {
  if (request.headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = request.headers.get("origin");
  return origin !== null && !trustedOrigins().includes(origin);
}

async function refuseTooManyWrites(request: NextRequest): Promise<NextResponse | null> {
  if (isCrossSite(request)) {
    logEvent("warn", "cross-site post refused", { path: request.nextUrl.pathname, origin: request.headers.get("origin") });
    return plainText(403, "Forms are accepted only from this site.");
  }
  const address = clientAddress(request.headers);
  const refusal = await limitWrite({ path: request.nextUrl.pathname, address, session: sessionCookie(request.headers) }, writeLimiter);
  if (!refusal) return null;
  // The address and scope only: never the session cookie.
  logEvent("warn", "rate limited", { scope: refusal.scope, address, path: request.nextUrl.pathname, retryAfterSeconds: refusal.retryAfterSeconds });
  return actionRefusal(request, 429, writeRefusalMessage(refusal), { "retry-after": String(refusal.retryAfterSeconds) });
}

/**
 * A refusal of a POST. To a server action called by the app's script, exactly text/plain: the one
 * type whose words Next.js's script passes on (as an error, which the sign-in form shows); with a
 * charset it says only "An unexpected response was received from the server".
 */
function actionRefusal(request: NextRequest, status: number, message: string, headers: Record<string, string> = {}): NextResponse {
  const response = plainText(status, message, headers);
  if (request.headers.has("next-action")) response.headers.set("content-type", "text/plain");
  return response;
}

/**
 * A sign-in past its limits (lib/rate-limit.ts, ADR 025) is answered 429 with Retry-After here,
 * before the action runs: the action counts the attempts, but can answer only its form, with a
 * 200. Only looked at, never counted, so a refused attempt costs no allowance.
 */
async function refuseSignInPastLimits(request: NextRequest): Promise<NextResponse | null> {
  if (request.nextUrl.pathname !== "/sign-in") return null;
  const attempt = await signInAttempt(request);
  const refusal = attempt && (await limitSignIn(attempt, "check"));
  if (!refusal) return null;
  logEvent("warn", "sign-in rate limited", { email: attempt.email, address: attempt.address, scope: refusal.scope, retryAfterSeconds: refusal.retryAfterSeconds });
  return actionRefusal(request, 429, signInRefusalMessage(refusal), { "retry-after": String(refusal.retryAfterSeconds) });
}

/**
 * Who a sign-in form says is signing in, as its schema reads the email; null without a valid one
 * (the action then answers the field). The form is sent as fields of its own without JavaScript,
 * and as React names them ("_1_email") with it.
 */
async function signInAttempt(request: NextRequest): Promise<SignInAttempt | null> {
  let form: FormData;
  try {
    form = await request.clone().formData();
  } catch {
    return null;
  }
  const field = [...form.keys()].find((key) => /^(?:_\d+_)?email$/.test(key));
  const email = emailSchema.safeParse(field === undefined ? undefined : form.get(field));
  return email.success ? { email: email.data, address: clientAddress(request.headers) } : null;
}

async function refuseBadBody(request: NextRequest): Promise<NextResponse | null> {
  // Signing out sends no fields, and its route never reads the body: none is read here either
  // (the write limits do not count it, so parsing one would be free work for anyone to ask).
  if (request.nextUrl.pathname === SIGN_OUT_PATH) return refuseSignOutBody(request);
  const refusal = await checkFormBody(request);
  if (!refusal) return null;
  logEvent("warn", "form body refused", { status: refusal.status, path: request.nextUrl.pathname, contentLength: request.headers.get("content-length"), contentType: request.headers.get("content-type") });
  return plainText(refusal.status, refusal.message);
}

/** The sign-out form is empty: a body it could not have sent is refused by its declared length, unread. */
function refuseSignOutBody(request: NextRequest): NextResponse | null {
  const declared = request.headers.get("content-length");
  if (declared === null || (/^\d{1,15}$/.test(declared) && Number(declared) <= SIGN_OUT_BODY_LIMIT_BYTES)) return null;
  logEvent("warn", "form body refused", { status: 413, path: request.nextUrl.pathname, contentLength: declared, contentType: request.headers.get("content-type") });
  return plainText(413, "Signing out sends no form fields; nothing was done.");
}
const SIGN_OUT_BODY_LIMIT_BYTES = 1024;

/** 128 random bits, base64: unguessable, and in the form Next.js extracts from 'nonce-…'. */
function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * With a nonce: only scripts carrying it run (and what they load). Without one, for cached reader
 * pages: Next.js's inline data scripts must run and differ per page, so inline script is allowed;
 * everything else stays as strict (see ADR 014 for what this costs and why it is bounded).
 */
function contentSecurityPolicy(nonce: string | null): string {
  // React uses eval in development only (to rebuild server error stacks); never in production.
  const isDevelopment = process.env.NODE_ENV !== "production";
  const directives = [
    "default-src 'self'",
    // 'strict-dynamic': the nonced Next.js scripts may load their chunks; 'self' is only a
    // fallback for browsers without CSP 3, which ignore 'strict-dynamic'.
    nonce
      ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDevelopment ? " 'unsafe-eval'" : ""}`
      : `script-src 'self' 'unsafe-inline'${isDevelopment ? " 'unsafe-eval'" : ""}`,
    // Inline event handlers are never ours (React attaches its own): refused on every page.
    "script-src-attr 'none'",
    // Production HTML has no inline style (Tailwind is one stylesheet file; Next.js sets its
    // route announcer's style through the CSSOM, which CSP does not govern). The development
    // error overlay injects <style> elements, so only development allows them.
    `style-src 'self'${isDevelopment ? " 'unsafe-inline'" : ""}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Only where the public origin is https: on the plain-http quick start (localhost) it would
  // rewrite every subresource to an https URL nothing answers.
  if (appOrigin().startsWith("https://")) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export const config = {
  matcher: [
    // Every page, server actions included (they POST to the page's path), and the API (for the
    // address check and its methods only). Not the build's static files, not image optimisation, not the favicon.
    // Prefetches are deliberately not skipped (Next's CSP guide skips them): a `Purpose:
    // prefetch` header is one a browser sets itself, and a prefetched document served without a
    // CSP could later be shown as a page.
    "/((?!_next/static/|_next/image|favicon\\.ico$).*)",
  ],
};
