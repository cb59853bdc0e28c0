import { normalizeForQuoteMatch } from "@/lib/quote-check";

/** How long a quote must be, in characters, to mark a longer sentence holding it as recorded. */
export const RECORDED_QUOTE_MIN = 25;

export interface RecordedClaim {
  id: string;
  summary: string;
}

/**
 * For each sentence, the claims whose quote from this source it holds, compared as the claim
 * workspace compares a quote with its source (spacing, dashes and quotation marks aside), each
 * claim once. Each text is normalised once: a page of 25 sentences against 500 quotes.
 */
export function recordedIn(sentences: readonly string[], quotes: readonly { quote: string; claim: RecordedClaim }[]): RecordedClaim[][] {
  const needles = quotes.map(({ quote, claim }) => ({ needle: normalizeForQuoteMatch(quote), claim })).filter(({ needle }) => needle !== "");
  return sentences.map((sentence) => {
    const haystack = normalizeForQuoteMatch(sentence);
    const found = new Map<string, RecordedClaim>();
    for (const { needle, claim } of needles) {
      if (found.has(claim.id)) continue;
      // The claim quotes this sentence: its quote is a good part of it (a figure alone, "£40m",
      // is in many sentences and records none of them), or the quote runs across it.
      const quotesIt = (haystack.includes(needle) && (needle.length >= RECORDED_QUOTE_MIN || needle.length * 2 >= haystack.length)) || needle.includes(haystack);
      if (quotesIt) found.set(claim.id, claim);
    }
    return [...found.values()];
  });
}
