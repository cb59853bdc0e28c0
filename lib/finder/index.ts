/**
 * The claim finder: a source's captured text in, its check-worthy sentences out, best first,
 * each with its exact place in the text, the features that make it worth checking (in words),
 * and a guess at who said it and when. Pure and linear in the text's length, so a page can run
 * it on each request.
 *
 * A sentence's score is the sum of its features' weights (FEATURE_WEIGHT), one of each kind,
 * multiplied by a factor for each penalty (PENALTY_FACTOR); sentences with no feature are left
 * out, and equal scores keep the text's order. docs/decisions/027-claim-finder.md.
 */
import { dateOfSaying, findDates } from "@/lib/finder/dates";
import { FEATURE_WEIGHT, PENALTY_FACTOR, PENALTY_LABEL, describeFeature, findFeatures, findPenalties, type Feature, type PenaltyKind } from "@/lib/finder/features";
import { splitSentences } from "@/lib/finder/sentences";
import { ClaimantIndex, findAttribution, nameMentions, type Attribution, type Claimant } from "@/lib/finder/speakers";
import { quoteContext } from "@/lib/quote-check";
import { clipAtWord } from "@/lib/text";

export interface ClaimantGuess {
  /** The claimant on the desk it matched; null when the name is not a claimant yet. */
  id: string | null;
  name: string;
  /** "attributed": the sentence says so; "named": an existing claimant the sentence names. */
  basis: "attributed" | "named";
}

export interface DateGuess {
  /** As the claim form takes it: 2025-04-12, 2025-04 or 2025. */
  iso: string;
  basis: "sentence" | "source";
}

export interface Candidate {
  start: number;
  end: number;
  /** Exactly `capturedText.slice(start, end)`. */
  sentence: string;
  prefix: string | null;
  suffix: string | null;
  score: number;
  features: Feature[];
  penalties: PenaltyKind[];
  /** The features and penalties in the desk's words, in the order shown. */
  reasons: string[];
  claimant: ClaimantGuess | null;
  date: DateGuess | null;
}

export interface FinderOptions {
  /** The desk's claimants, to match a speaker against; an index may be passed to reuse one. */
  claimants?: readonly Claimant[] | ClaimantIndex;
  /** The source's published date as the claim form takes it, the date guessed when a sentence names none. */
  sourceDate?: string | null;
}

/**
 * Words for a speaker that stand for someone the sentence names: "the spokesperson further",
 * "a spokesman", "officials", "they", "which" (after "a report by The Guardian,"). A speaker
 * described as someone else's ("the council's IT chief") or by a thing ("the report") is not
 * one of them: the claimant named elsewhere in such a sentence is what was said about, not who
 * said it.
 */
const STANDS_FOR_NAMED = /^(?:(?:the|a|an|its|their)\s+)?(?:spokes(?:person|man|woman)|representatives?|press\s+office|officials?|they|it|which|who)(?:\s+(?:also|further|later|again|then|\p{Ll}+ly))?$/iu;

function guessClaimant(sentence: string, claimants: ClaimantIndex, attribution: Attribution | null): ClaimantGuess | null {
  if (!attribution) return null;
  const { speaker } = attribution;
  // "…, said a spokesperson." is "a spokesperson": the sentence's own punctuation is not the speaker's.
  const speakerWords = attribution.speakerWords.replace(/[\s.,;:!?"“”'’)]+$/u, "").trim();
  if (speaker) {
    const found = claimants.match(speaker);
    return found ? { id: found.id, name: found.name, basis: "attributed" } : { id: null, name: speaker, basis: "attributed" };
  }
  // A claimant named as the verb's subject, with more words between ("Microsoft has issued a
  // firm statement asserting …").
  for (const mention of nameMentions(speakerWords)) {
    const found = claimants.match(mention.name);
    if (found) return { id: found.id, name: found.name, basis: "named" };
  }
  if (!STANDS_FOR_NAMED.test(speakerWords)) return null;
  // "which"/"who" stands for the name just before it (before the cue's own clause, not an earlier
  // "which"); any other such speaker for the first the sentence names.
  const mentions = nameMentions(sentence);
  const ordered = /^(?:which|who)$/iu.test(speakerWords) ? mentions.filter((m) => m.end <= attribution.at).reverse() : mentions;
  for (const mention of ordered) {
    const found = claimants.match(mention.name);
    if (found) return { id: found.id, name: found.name, basis: "named" };
  }
  return null;
}

/** One sentence of the text, described: its features, penalties, score and guesses. */
export function describeSentence(text: string, start: number, end: number, options: FinderOptions = {}): Candidate {
  const claimants = options.claimants instanceof ClaimantIndex ? options.claimants : new ClaimantIndex(options.claimants ?? []);
  const sentence = text.slice(start, end);
  const attribution = findAttribution(sentence);
  const dates = findDates(sentence, options.sourceDate ?? null);
  const features = findFeatures(sentence, attribution, dates);
  const penalties = findPenalties(sentence);
  const claimant = guessClaimant(sentence, claimants, attribution);
  const speakerName = claimant?.basis === "attributed" ? claimant.name : null;
  let score = features.reduce((sum, f) => sum + FEATURE_WEIGHT[f.kind], 0);
  for (const penalty of penalties) score *= PENALTY_FACTOR[penalty];
  // The claim's date is when it was said: a date the sentence ties to its verb of saying, else
  // the source's (the words were said by the time it was published), else none.
  const sentenceDate = dateOfSaying(sentence, dates);
  const date: DateGuess | null = sentenceDate ? { iso: sentenceDate, basis: "sentence" } : options.sourceDate ? { iso: options.sourceDate, basis: "source" } : null;
  return {
    start,
    end,
    sentence,
    ...quoteContext(text, start, end),
    score: Math.round(score * 100) / 100,
    features,
    penalties,
    reasons: [...features.map((f) => describeFeature(f, speakerName)), ...penalties.map((p) => PENALTY_LABEL[p])],
    claimant,
    date,
  };
}

/** The text's check-worthy sentences, best first (equal scores in the text's order). */
export function findCandidates(text: string, options: FinderOptions = {}): Candidate[] {
  const claimants = options.claimants instanceof ClaimantIndex ? options.claimants : new ClaimantIndex(options.claimants ?? []);
  const candidates: Candidate[] = [];
  for (const { start, end } of splitSentences(text)) {
    const candidate = describeSentence(text, start, end, { ...options, claimants });
    if (candidate.features.length > 0) candidates.push(candidate);
  }
  return candidates.sort((a, b) => b.score - a.score || a.start - b.start);
}

export { ClaimantIndex, splitSentences };
export type { Claimant, Feature };

/** A summary to start from: the sentence, cut at a word before `max` characters (the summary's limit). */
export function suggestSummary(sentence: string, max: number): string {
  return clipAtWord(sentence.replace(/\s+/gu, " ").trim(), max);
}
