// Which reader addresses are served from Next.js's cache, and where the cached copy lives
// (docs/decisions/014-cached-reader-pages.md). Imported by proxy.ts: keep it free of server code.

/**
 * The cached copies are routes under app/cached/[edition]/, which re-export the reader pages with
 * `dynamic = "force-static"`. The edition segment is a parameter only so that nothing is rendered
 * at build time: a copy is made on its first request, from the database the server runs on.
 */
export const CACHED_EDITION = "current";
export const CACHED_PREFIX = `/cached/${CACHED_EDITION}`;

/**
 * The reader addresses with a cached copy; each is a page or feed with no per-visitor content.
 * `source` is the rewrite's (next.config.ts), `pattern` the same address for proxy.ts, and
 * `route` the app/ route the cached copy re-exports (lib/cache/reader-routes.test.ts checks all three).
 */
export const CACHED_READER_ROUTES = [
  { source: "/", pattern: /^\/$/, route: "/" },
  { source: "/claims/:id", pattern: /^\/claims\/[^/]+$/, route: "/claims/[id]" },
  { source: "/claimants", pattern: /^\/claimants$/, route: "/claimants" },
  { source: "/claimants/:id", pattern: /^\/claimants\/[^/]+$/, route: "/claimants/[id]" },
  { source: "/sources", pattern: /^\/sources$/, route: "/sources" },
  { source: "/sources/:id", pattern: /^\/sources\/[^/]+$/, route: "/sources/[id]" },
  { source: "/stories/:slug", pattern: /^\/stories\/[^/]+$/, route: "/stories/[slug]" },
  { source: "/methodology", pattern: /^\/methodology$/, route: "/methodology" },
  { source: "/open-data", pattern: /^\/open-data$/, route: "/open-data" },
  { source: "/feed.atom", pattern: /^\/feed\.atom$/, route: "/feed.atom" },
] as const;

/** The session cookie's name in production (`__Host-`, https only) and on the http quick start. */
export const SESSION_COOKIE_NAMES = ["__Host-factline.session_token", "factline.session_token"] as const;

/**
 * The rewrites that send a request with no session cookie to the cached copy. They are Next.js
 * config rewrites, not proxy rewrites: those run after the proxy and stay on this server whatever
 * the Host header says, where a proxy rewrite to an absolute URL on another host is fetched as an
 * external address.
 */
export function cachedCopyRewrites(): { source: string; destination: string; missing: { type: "cookie"; key: string }[] }[] {
  return CACHED_READER_ROUTES.map(({ source }) => ({
    source,
    destination: source === "/" ? CACHED_PREFIX : `${CACHED_PREFIX}${source}`,
    missing: SESSION_COOKIE_NAMES.map((key) => ({ type: "cookie" as const, key })),
  }));
}

/**
 * Whether a request for this address is answered from the cached copy (the rewrites' condition).
 * Next.js matches rewrite sources without regard to case, whatever `caseSensitiveRoutes` says
 * (measured on 16.4.6: `/CLAIMS/<id>` was rewritten into the cached tree), so this does too: the
 * policy the proxy picks must be the one for the copy the reader is served.
 */
export function isServedFromCache(pathname: string, cookieNames: Iterable<string>): boolean {
  return isReaderRoute(pathname) && !hasSessionCookie(cookieNames);
}

function isReaderRoute(pathname: string): boolean {
  return CACHED_READER_ROUTES.some(({ pattern }) => new RegExp(pattern.source, "i").test(pathname));
}

/**
 * The one spelling of a reader address (its fixed first segment in lower case, as every link
 * writes it), or null when the address is already that spelling or is no reader address. The
 * proxy sends other spellings there, so each page has one cached copy, under one address, and
 * the rewrites never see a spelling the proxy decided differently about.
 */
export function canonicalReaderPath(pathname: string): string | null {
  if (!isReaderRoute(pathname)) return null;
  const canonical = pathname.replace(/^\/[^/]+/, (segment) => segment.toLowerCase());
  return canonical === pathname ? null : canonical;
}

/** Whether an address is inside the cached tree, which is reached only through the rewrites. */
export function isCachedTreePath(pathname: string): boolean {
  const lower = pathname.toLowerCase();
  return lower === "/cached" || lower.startsWith("/cached/");
}

/**
 * Whether the request carries a Factline session cookie (`factline.session_token`, or the
 * `__Host-` one in production). Its presence alone decides: a signed-in person always gets the
 * per-request page with the nonce policy, whether or not the session turns out to be valid.
 */
export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  // Callers pass the names of cookies with a value: an empty one does not count, as it does not
  // for the rewrites' `missing` condition.
  const names = new Set<string>(SESSION_COOKIE_NAMES);
  for (const name of cookieNames) if (names.has(name)) return true;
  return false;
}
