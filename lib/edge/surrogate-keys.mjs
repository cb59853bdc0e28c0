// The records a cached reader page shows, named for a shared cache in front of the app (a CDN,
// Varnish): a `Surrogate-Key` header holding the same tags the app expires
// (lib/cache/tags.ts, docs/decisions/022-edge-cache.md). Plain JavaScript: the cache handlers
// (lib/edge/memory-cache-handler.mjs, lib/redis/cache-handler.mjs) are loaded by Next.js
// outside its bundles.
//
// Next.js stores a page's tags with the page (the `x-next-cache-tags` header of the stored
// value) and sends the other stored headers with every response it serves from that copy. So the
// handler adds `surrogate-key` to the stored headers once, when the page is stored, and every
// response from that copy carries it, the first one included.

export const SURROGATE_KEY_HEADER = "surrogate-key";
/**
 * A key every kept response carries besides its records' (not a tag: no app tag is one bare
 * word but `published`): purging it empties the edge of this app's pages at once, which a
 * restore does (scripts/db-restore.ts), since then every page may show what the backup undid.
 */
export const SITE_KEY = "site";
const TAGS_HEADER = "x-next-cache-tags";
// The app's own tags (`claim:<id>`, `published`, …); Next's implicit ones (`_N_T_/…`) name paths.
const APP_TAG = /^(?:published|[a-z]+(?:-[a-z]+)*:[^\s,]+)$/;
/**
 * Varnish refuses a response header line over 8 KB by default (`http_resp_hdr_len`); Fastly's
 * Surrogate-Key is limited to 16 KB. A page with more keys than fit is sent without any: a shared
 * cache keeps only what it can purge (deploy/varnish/factline.vcl), so that page is always asked
 * of the app, whose own cache still answers it.
 */
export const SURROGATE_KEY_MAX_LENGTH = 7_000;

/**
 * The surrogate keys for a page's stored tags (a comma-separated list), SITE_KEY first, or null
 * when it names no record or its keys do not fit.
 */
export function surrogateKeysFor(tagsHeader) {
  if (typeof tagsHeader !== "string") return null;
  const keys = [...new Set(tagsHeader.split(",").filter((tag) => APP_TAG.test(tag)))];
  if (keys.length === 0) return null;
  const text = [SITE_KEY, ...keys].join(" ");
  return text.length <= SURROGATE_KEY_MAX_LENGTH ? text : null;
}

/** Adds the `surrogate-key` header to a stored page or route response; other entries pass as they are. */
export function withSurrogateKeys(value) {
  const headers = value?.headers;
  if (!headers || typeof headers !== "object") return value;
  const keys = surrogateKeysFor(headers[TAGS_HEADER]);
  if (keys === null) delete headers[SURROGATE_KEY_HEADER];
  else headers[SURROGATE_KEY_HEADER] = keys;
  return value;
}
