/**
 * A short name for a text, the same in the browser and on the server, line breaks read alike
 * (a browser sends a text area's as CRLF): what an edit form sends as a long field's starting
 * value (components/forms/base-values.tsx) instead of the text itself, so that a 500,000-character
 * capture is not sent twice. FNV-1a over UTF-16 code units, with the length: enough to tell an
 * unchanged field from a changed one, not a defence against anyone.
 */
export const FINGERPRINT_PREFIX = "fp:";

export function textFingerprint(text: string): string {
  const normalized = text.replace(/\r\n?/g, "\n");
  let hash = 0x811c9dc5;
  for (let i = 0; i < normalized.length; i++) {
    hash ^= normalized.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${FINGERPRINT_PREFIX}${normalized.length.toString(36)}.${hash.toString(36)}`;
}
