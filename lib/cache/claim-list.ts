// Which claims lists are served from Next.js's cache, and from which copy
// (docs/decisions/026-cached-claim-lists.md). Imported by proxy.ts and next.config.ts:
// keep it free of server code.
//
// A list's filters are in its query string, which a config rewrite cannot turn into one address
// by itself: `has` conditions match keys in any order, take the last of a repeated key, and would
// need a rule for every combination of filters. So the proxy decides, in one place: it reads the
// query, and for a list it can serve from the cache it sets CLAIM_LIST_HEADER to a key naming the
// filters. One rewrite sends a request carrying that header to the cached copy of that key. The
// proxy removes the header from every other request, so a visitor cannot choose it.

// Relative, not "@/": next.config.ts imports this file, and its loader knows no path aliases.
import { CACHED_PREFIX, SESSION_COOKIE_NAMES } from "./reader-routes";

export const CLAIM_LIST_HEADER = "x-factline-claim-list";

/** The list's own address; other spellings are not lists the proxy keys (rendered per request). */
export const CLAIM_LIST_PATH = "/claims";

/** The filters a cached copy may differ by, in the order of the key's fields. */
const KEYED = ["status", "story", "claimant", "source", "cursor"] as const;
type Keyed = (typeof KEYED)[number];

/**
 * Parameters that make a list per request: a text search (its answers are kept by lib/search,
 * and the words are anyone's) and a page size other than the default.
 */
const PER_REQUEST = ["q", "limit"] as const;

/**
 * A filter value the key may carry: what a status, a record id and a cursor are made of. Anything
 * else is a value the page will refuse in words, rendered per request.
 */
const VALUE = /^[A-Za-z0-9_-]{1,400}$/;
/** Between fields; never in a value. */
const SEPARATOR = ".";
/** An absent field; never a value either. */
const NONE = "~";
/** The key as the rewrite accepts it; KEY_PATTERN admits every key claimListKey makes. */
export const KEY_PATTERN = "[A-Za-z0-9_~.-]{1,2100}";

/**
 * The key of the cached copy that answers this list, or null when it is rendered per request:
 * a text search or page size is asked for, a known parameter is given twice (the page says so),
 * or a value is not one a filter can hold. Empty values are no filter, as the page reads them
 * (an untouched menu in the filter form sends one); unknown parameters (`utm_source`) are
 * ignored, as the page ignores them.
 */
export function claimListKey(params: URLSearchParams): string | null {
  const values = new Map<Keyed, string>();
  for (const name of new Set(params.keys())) {
    const all = params.getAll(name);
    const known = (KEYED as readonly string[]).includes(name) || (PER_REQUEST as readonly string[]).includes(name);
    if (!known) continue;
    if (all.length > 1) return null;
    const value = all[0]!;
    if (value === "") continue;
    if ((PER_REQUEST as readonly string[]).includes(name)) return null;
    if (!VALUE.test(value)) return null;
    values.set(name as Keyed, value);
  }
  return KEYED.map((name) => values.get(name) ?? NONE).join(SEPARATOR);
}

/** The filters a key names, as the query the list page reads; null for a key claimListKey never makes. */
export function claimListQuery(key: string): URLSearchParams | null {
  const fields = key.split(SEPARATOR);
  if (fields.length !== KEYED.length) return null;
  const params = new URLSearchParams();
  for (const [i, name] of KEYED.entries()) {
    const value = fields[i]!;
    if (value === NONE) continue;
    if (!VALUE.test(value)) return null;
    params.set(name, value);
  }
  return params;
}

/** Whether the proxy would answer this request from a cached list copy (before the cookie check). */
export function claimListKeyFor(method: string, pathname: string, params: URLSearchParams): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  if (pathname !== CLAIM_LIST_PATH) return null;
  return claimListKey(params);
}

/** The config rewrite: a request the proxy keyed, with no session cookie, goes to that key's copy. */
export function claimListRewrite(): {
  source: string;
  has: { type: "header"; key: string; value: string }[];
  missing: { type: "cookie"; key: string }[];
  destination: string;
} {
  return {
    source: CLAIM_LIST_PATH,
    has: [{ type: "header", key: CLAIM_LIST_HEADER, value: `(?<key>${KEY_PATTERN})` }],
    missing: SESSION_COOKIE_NAMES.map((key) => ({ type: "cookie" as const, key })),
    destination: `${CACHED_PREFIX}/claim-list/:key`,
  };
}
