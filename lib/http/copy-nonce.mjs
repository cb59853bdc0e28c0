// A desk page served from a cached copy (docs/decisions/041-desk-copies-with-fresh-nonces.md) was
// rendered once with a nonce of its own, the copy's: the same in every response of that copy.
// proxy.ts sends it with a policy naming that nonce (Next.js takes the nonce it renders with from
// there) and names it again in a header only it sets. scripts/next-server.mjs passes every answer
// through here: the copy's nonce is replaced, in the policy and everywhere in the page, by one
// made for this response alone, and the header is taken off. So a script runs only with the nonce
// of the response it came in, as on a page rendered per request. Should the page's text not be
// rewritten, its scripts still carry the copy's nonce, which the response's policy does not name:
// they are refused, never let through.
import crypto from "node:crypto";
import { holdAnswer, recodeBytes } from "./fallback-pages.mjs";

/** Set by proxy.ts on a response whose policy and page carry their copy's nonce; never sent on. */
export const COPY_NONCE_HEADER = "x-factline-copy-nonce";

/** 128 random bits, base64, as proxy.ts makes a per-request nonce. */
export function freshNonce() {
  return crypto.randomBytes(16).toString("base64");
}

/** The text with every use of the copy's nonce made the response's. */
export function withResponseNonce(text, copyNonce, responseNonce) {
  return text.replaceAll(copyNonce, responseNonce);
}

/**
 * The same, on the page's bytes, without decoding them: a nonce is base64, ASCII, which UTF-8
 * spells byte for byte and never inside another character's bytes. Nonces of one length are
 * written over in place (`bytes` is changed); others go through the text. Decoding a 200 kB page
 * to text and back cost more than the rest of serving it (measured: 1.8 ms of CPU a response).
 */
export function withResponseNonceBytes(bytes, copyNonce, responseNonce) {
  if (copyNonce.length !== responseNonce.length || !/^[\x20-\x7e]+$/.test(copyNonce + responseNonce)) {
    return Buffer.from(withResponseNonce(bytes.toString("utf8"), copyNonce, responseNonce), "utf8");
  }
  const needle = Buffer.from(copyNonce, "latin1");
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length)) bytes.write(responseNonce, at, "latin1");
  return bytes;
}

/**
 * Holds back an answer proxy.ts marked with COPY_NONCE_HEADER and sends it with a nonce of its own
 * in place of the copy's, in its Content-Security-Policy and its page, the length set again. The
 * header is taken off every answer, HEAD included. Call before the request handler writes anything.
 */
export function holdCopyNonce(request, response, makeNonce = freshNonce) {
  holdAnswer(response, Number.POSITIVE_INFINITY, () => {
    const copyNonce = response.getHeader(COPY_NONCE_HEADER);
    if (copyNonce === undefined) return null;
    response.removeHeader(COPY_NONCE_HEADER);
    const policy = response.getHeader("content-security-policy");
    if (typeof copyNonce !== "string" || copyNonce.length < 16 || typeof policy !== "string" || !policy.includes(`'nonce-${copyNonce}'`)) return null;
    const responseNonce = makeNonce();
    response.setHeader("content-security-policy", withResponseNonce(policy, copyNonce, responseNonce));
    // Next.js tells its router a copy may be reused for five minutes, as a prerendered page; a
    // person's desk page for the least it allows (30 s), as near a page rendered per request as
    // it goes.
    if (response.getHeader("x-nextjs-stale-time") !== undefined) response.setHeader("x-nextjs-stale-time", "30");
    if (request.method === "HEAD") return null;
    return (bytes, encoding) => {
      const rewritten = recodeBytes(bytes, encoding, (plain) => withResponseNonceBytes(plain, copyNonce, responseNonce));
      // Sent as it came, its scripts refused under the response's policy: readable, never unsafe.
      if (rewritten === null) console.warn(`A desk copy's nonce could not be replaced (content-encoding ${String(response.getHeader("content-encoding") ?? "none")}).`);
      return rewritten;
    };
  });
}
