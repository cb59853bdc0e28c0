import { createHash } from "node:crypto";
import { splitSentences } from "./sentences";

/**
 * A short name for a sentence's words, carried by the finder's "Record as claim" link beside the
 * sentence's offsets, so the claim form knows whether those offsets still hold it. Runs of
 * white space count as one space: a source saved again with other line breaks holds the same
 * sentence.
 */
export function sentenceStamp(sentence: string): string {
  return createHash("sha256").update(sentence.replace(/\s+/gu, " ")).digest("base64url").slice(0, 16);
}

/**
 * Where the sentence a finder link names is in `text` now. At the link's offsets while they hold
 * it; else the sentence with the same words nearest them (the source was saved or captured again
 * and the text before it changed: one saved with CRLF line breaks moves by one a line); else
 * null, and the form says so at once instead of offering a piece of another sentence. A link
 * with no stamp (made before stamps) is taken at its offsets, as long as they hold some words.
 */
export function locateSentence(text: string, start: number, end: number, stamp: string | null): { start: number; end: number } | null {
  const fits = start < end && end <= text.length;
  if (stamp === null) return fits && text.slice(start, end).trim() !== "" ? { start, end } : null;
  if (fits && sentenceStamp(text.slice(start, end)) === stamp) return { start, end };
  let best: { start: number; end: number } | null = null;
  for (const sentence of splitSentences(text)) {
    if (sentenceStamp(sentence.text) !== stamp) continue;
    if (!best || Math.abs(sentence.start - start) < Math.abs(best.start - start)) best = { start: sentence.start, end: sentence.end };
  }
  return best;
}
