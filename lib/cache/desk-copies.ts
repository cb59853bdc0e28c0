// Which desk pages are served from a cached copy, and which copy (docs/decisions/041-desk-copies-
// with-fresh-nonces.md). Imported by proxy.ts and next.config.ts: keep it free of server code.
//
// The insights page and a source's claim finder show the same thing to everyone allowed to see
// them, except the desk's menu, which names the person and shows their role's links. So a copy is
// kept per page, filters, person and the state of what the page shows: proxy.ts, having read the
// session, names all of it in a key, and a config rewrite sends the request to that key's copy.
// The key holds a stamp of the records the page shows (lib/cache/desk-copy-stamp.ts): any change
// to them makes a new key, so a copy never needs expiring, only forgetting. The proxy removes the
// header from every other request, so nobody can name a copy, their own or another's.

// Relative, not "@/": next.config.ts imports this file, and its loader knows no path aliases.
import { DEFAULT_PERIOD, INSIGHT_PERIODS } from "../insights/period";
import { CACHED_PREFIX } from "./reader-routes";

export const DESK_COPY_HEADER = "x-factline-desk-copy";

export type DeskCopyPage = { kind: "insights"; storyId: string | null; weeks: number } | { kind: "finder"; sourceId: string; page: number };

/** Who the copy is for: what the desk's menu shows of them. */
export interface DeskCopyPerson {
  id: string;
  name: string;
  role: string;
}

export type DeskCopy = DeskCopyPage & { person: DeskCopyPerson; stamp: string };

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const PERIODS: readonly string[] = INSIGHT_PERIODS.map(String);
const FINDER_PATH = /^\/desk\/sources\/([^/]+)\/finder$/;
/** The most of a key the rewrite accepts: base64url of a copy's fields, a name of up to 200 characters included. */
const KEY_BODY = "[A-Za-z0-9_-]{1,4000}";

/**
 * The page a request asks for when it is one a copy can answer, or null: only a page load (GET or
 * HEAD) of the insights or a claim finder, with no parameter but the page's own filters, each
 * once and well formed. A notice after an action (`?done=`), an unknown or repeated parameter and
 * a mistyped one are rendered per request, which says what is wrong; so is a request without the
 * desk's production server in front (FACTLINE_DESK_COPIES), which alone puts each response's
 * nonce in place of the copy's (lib/http/copy-nonce.mjs). Next.js takes the router's own headers
 * and `_rsc` off before the proxy runs, so the router's requests for these pages (a prefetch, a
 * move by the desk's menu) reach the copy too, as a reader's do theirs; `rsc` is checked only in
 * case a version of Next.js passes it on.
 */
export function deskCopyPage(method: string, pathname: string, params: URLSearchParams, headers: Headers): DeskCopyPage | null {
  if (process.env.FACTLINE_DESK_COPIES !== "1") return null;
  if (method !== "GET" && method !== "HEAD") return null;
  if (headers.has("rsc") || headers.has("next-router-prefetch") || headers.has("next-action")) return null;
  const names = [...params.keys()];
  const once = (name: string): string | undefined | null => {
    const all = params.getAll(name);
    return all.length > 1 ? null : all[0];
  };
  if (pathname === "/desk/insights") {
    if (names.some((name) => name !== "story" && name !== "weeks")) return null;
    const story = once("story");
    const weeks = once("weeks");
    if (story === null || weeks === null) return null;
    if (story !== undefined && story !== "" && !ID.test(story)) return null;
    if (weeks !== undefined && weeks !== "" && !PERIODS.includes(weeks)) return null;
    return { kind: "insights", storyId: story ? story : null, weeks: weeks ? Number(weeks) : DEFAULT_PERIOD };
  }
  const finder = FINDER_PATH.exec(pathname);
  if (finder) {
    if (!ID.test(finder[1]!)) return null;
    if (names.some((name) => name !== "page")) return null;
    const page = once("page");
    if (page === null || (page !== undefined && !/^[1-9]\d{0,3}$/.test(page))) return null;
    return { kind: "finder", sourceId: finder[1]!, page: page === undefined ? 1 : Number(page) };
  }
  return null;
}

/** The copy's key: its kind, then every field, as base64url JSON (a path segment, and the rewrite's header value). */
export function deskCopyKey(copy: DeskCopy): string {
  const fields =
    copy.kind === "insights"
      ? [copy.storyId, copy.weeks, copy.person.id, copy.person.name, copy.person.role, copy.stamp]
      : [copy.sourceId, copy.page, copy.person.id, copy.person.name, copy.person.role, copy.stamp];
  return `${copy.kind}.${Buffer.from(JSON.stringify(fields), "utf8").toString("base64url")}`;
}

/** The copy a key names, or null for a key deskCopyKey never makes (or one of another kind). */
export function readDeskCopyKey<K extends DeskCopy["kind"]>(key: string, kind: K): Extract<DeskCopy, { kind: K }> | null {
  const dot = key.indexOf(".");
  if (dot < 0 || key.slice(0, dot) !== kind || !new RegExp(`^${KEY_BODY}$`).test(key.slice(dot + 1))) return null;
  let fields: unknown;
  try {
    fields = JSON.parse(Buffer.from(key.slice(dot + 1), "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(fields) || fields.length !== 6) return null;
  const [target, number, id, name, role, stamp] = fields as unknown[];
  if (typeof id !== "string" || !ID.test(id) || typeof name !== "string" || typeof role !== "string" || typeof stamp !== "string") return null;
  if (typeof number !== "number" || !Number.isInteger(number) || number < 1) return null;
  const person = { id, name, role };
  if (kind === "insights") {
    if (!(target === null || (typeof target === "string" && ID.test(target))) || !PERIODS.includes(String(number))) return null;
    return { kind: "insights", storyId: target, weeks: number, person, stamp } as Extract<DeskCopy, { kind: K }>;
  }
  if (typeof target !== "string" || !ID.test(target)) return null;
  return { kind: "finder", sourceId: target, page: number, person, stamp } as Extract<DeskCopy, { kind: K }>;
}

/** The config rewrites: a request the proxy keyed goes to that key's copy, of the page's own kind. */
export function deskCopyRewrites(): { source: string; has: { type: "header"; key: string; value: string }[]; destination: string }[] {
  return [
    { source: "/desk/insights", kind: "insights", copy: "desk-insights" },
    { source: "/desk/sources/:id/finder", kind: "finder", copy: "desk-finder" },
  ].map(({ source, kind, copy }) => ({
    source,
    has: [{ type: "header" as const, key: DESK_COPY_HEADER, value: `(?<key>${kind}\\.${KEY_BODY})` }],
    destination: `${CACHED_PREFIX}/${copy}/:key`,
  }));
}
