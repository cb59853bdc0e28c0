// Entity tags for the pages Next.js serves from its cache, made here instead of by Next.js
// (next.config.ts sets `generateEtags: false`; docs/decisions/041-desk-copies-with-fresh-nonces.md).
// Next.js hashes every cached page in JavaScript, a character at a time, on every response: 2.6 ms
// of CPU for a 216 kB desk copy, more than the rest of serving it from the cache. Here the bytes
// are hashed natively (SHA-1: a tenth of that), and only for answers a browser or a shared cache
// may keep: a person's desk copy, sent `no-store`, is never asked about again and gets none.
// A request whose If-None-Match names the tag is answered 304 with no body, as Next.js did.
import crypto from "node:crypto";
import { createRequire } from "node:module";
import { holdAnswer } from "./fallback-pages.mjs";

const require = createRequire(import.meta.url);
// The comparison Next.js itself made (If-None-Match lists, weak tags, `Cache-Control: no-cache`).
const fresh = require("next/dist/compiled/fresh");

/** The most of an answer held back to be tagged; a larger one is sent untagged. */
export const ETAG_LIMIT_BYTES = 8 * 1024 * 1024;

/** A strong tag for these bytes, as sent: the same bytes, the same tag, on every process. */
export function entityTag(bytes) {
  return `"${crypto.createHash("sha1").update(bytes).digest("base64url")}"`;
}

/**
 * Tags a 200 answer to a GET that Next.js served from its cache (it says so in `x-nextjs-cache`)
 * and that may be kept (not `no-store`), unless it has a tag of its own (the open-data files'), and
 * answers 304 instead when the request already holds that tag. Call before the request handler
 * writes anything.
 */
export function holdEntityTag(request, response) {
  if (request.method !== "GET") return;
  holdAnswer(response, ETAG_LIMIT_BYTES, () => {
    if (response.statusCode !== 200 || response.getHeader("x-nextjs-cache") === undefined || response.getHeader("etag") !== undefined) return null;
    if (/\bno-store\b/i.test(String(response.getHeader("cache-control") ?? ""))) return null;
    return (bytes) => {
      if (response.headersSent) return null;
      const etag = entityTag(bytes);
      response.setHeader("etag", etag);
      if (!fresh(request.headers, { etag })) return null;
      response.statusCode = 304;
      for (const name of ["content-length", "content-encoding", "content-type", "transfer-encoding"]) response.removeHeader(name);
      return Buffer.alloc(0);
    };
  });
}
