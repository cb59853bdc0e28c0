/**
 * The most of a claim's words that "Seen before?" can ask about in its address. The words travel
 * percent-encoded in a GET query, where a letter outside ASCII takes 6 to 9 characters, and
 * Node refuses a request whose head passes 16 KB (431): so the words are cut by their encoded
 * length, never inside a character, not by their count. The first several thousand characters
 * of a claim hold the words and figures the match reads.
 */
export const SIMILAR_QUERY_MAX_ENCODED = 8_000;

export function similarQueryText(text: string, maxEncoded = SIMILAR_QUERY_MAX_ENCODED): string {
  if (encodeURIComponent(text).length <= maxEncoded) return text;
  // The longest prefix that fits, found by halving: a prefix's encoded length grows with it.
  let fits = 0;
  let tooLong = text.length;
  while (tooLong - fits > 1) {
    const mid = (fits + tooLong) >> 1;
    if (encodedLength(text.slice(0, mid)) <= maxEncoded) fits = mid;
    else tooLong = mid;
  }
  // Not half a character: a high surrogate at the end goes with its pair.
  const last = text.charCodeAt(fits - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? fits - 1 : fits);
}

function encodedLength(text: string): number {
  // encodeURIComponent throws on a lone surrogate (a cut through a pair): count it as 9.
  try {
    return encodeURIComponent(text).length;
  } catch {
    return encodeURIComponent(text.slice(0, -1)).length + 9;
  }
}
