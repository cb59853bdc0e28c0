/**
 * What makes a sentence worth checking, each thing found with the words that show it, so the
 * desk sees why a sentence ranks where it does. The signals are the ones fact-checkers name
 * (ClaimBuster and Full Fact's published work weigh the same): quantities, dates, comparisons
 * and changes, reported speech, and denials. None looks at what a story is about.
 */
import { findDates, type DateMention } from "@/lib/finder/dates";
import type { Attribution } from "@/lib/finder/speakers";

export const FEATURE_KINDS = ["money", "percentage", "figure", "date", "change", "attribution", "quotation", "denial", "negation"] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** How much each kind adds to a sentence's score; quantities are what a check most often settles. */
export const FEATURE_WEIGHT: Record<FeatureKind, number> = {
  money: 3,
  percentage: 3,
  figure: 2,
  date: 1.5,
  change: 2,
  attribution: 2,
  quotation: 1.5,
  denial: 2,
  negation: 1,
};

export const PENALTY_KINDS = ["heading", "question", "short"] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

/** What a sentence's score is multiplied by when it reads as something other than a statement. */
export const PENALTY_FACTOR: Record<PenaltyKind, number> = {
  heading: 0.3,
  question: 0.5,
  short: 0.5,
};

export const PENALTY_LABEL: Record<PenaltyKind, string> = {
  heading: "reads as a heading",
  question: "a question",
  short: "very short",
};

export interface Feature {
  kind: FeatureKind;
  /** The words that show it ("$18.8 million"), or the speaker for an attribution. */
  evidence: string;
}

const MAGNITUDE = "(?:thousand|million|billion|trillion|bn|m|k)";
const MONEY = new RegExp(
  `(?:(?:US|A|C|HK|NZ)?[$€£¥₹]|\\b(?:USD|EUR|GBP|JPY)\\s?)\\d[\\d,]*(?:\\.\\d+)?(?:\\s?${MAGNITUDE}\\b)?|\\b\\d[\\d,]*(?:\\.\\d+)?(?:\\s(?:thousand|million|billion|trillion))?\\s(?:dollars|euros|pounds|yen|yuan|rupees|francs)\\b`,
  "gi",
);
const PERCENTAGE = /\b\d+(?:[.,]\d+)?\s?(?:%|per ?cent\b|percent\b|percentage points?\b)/gi;
const NUMBER = /\b\d[\d,]*(?:\.\d+)?(?:\s(?:thousand|million|billion|trillion))?\b/gi;
// "one" is left out: "one of the" is not a figure.
const NUMBER_WORD =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?|dozens?|half|twice|thrice)\b/gi;
const CHANGE =
  /\b(?:(?:more|less|fewer|higher|lower|greater|larger|smaller|bigger|faster|slower|cheaper|worse|better|older|younger) than(?:\s(?:doubled|tripled|quadrupled|halved|\w+ed))?|(?:doubl|tripl|quadrupl|halv)(?:e|ed|es|ing)|(?:increas|decreas|declin|surg|soar|plung|plummet|slump|shrink|shrank|shrunk|reduc)\w*|(?:rose|risen|rising|fell|fallen|falling|dropped|dropping|grew|grown|growth|growing|expanded|expansion|jumped|climbed|cut|boosted)|(?:largest|biggest|highest|lowest|smallest|fastest|slowest|worst|all-time|record(?:-|\s)(?:high|low|level))|(?:compared (?:with|to)|twice as|times (?:more|as|higher|larger)))\b/gi;
const QUOTATION = /["“„«]([^"“”„«»]{12,})["”»]/gu;
const DENIAL =
  /\b(?:den(?:y|ies|ied|ying|ial)|reject(?:s|ed|ing)?|refus(?:e|es|ed|ing)|declin(?:e|es|ed|ing) to|dismiss(?:es|ed|ing)?|rebut(?:s|ted)?|(?:would|will|did|does|do) not comment|no comment|not true|false(?:ly)?|baseless|unfounded)\b/gi;
const NEGATION = /\b(?:(?:do|does|did|is|are|was|were|has|have|had|could|would|will|can|should)(?:n['’]t| not)|cannot|never|no longer|no evidence|nobody|nothing)\b/gi;

function matches(pattern: RegExp, text: string): { start: number; end: number; words: string }[] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length, words: m[0] }));
}

function overlapsAny(span: { start: number; end: number }, taken: readonly { start: number; end: number }[]): boolean {
  return taken.some((t) => span.start < t.end && span.end > t.start);
}

/** The quantity-like features; each span counted once, money before percentages before dates before plain figures. */
function quantities(text: string, dates: readonly DateMention[]): Feature[] {
  const features: Feature[] = [];
  const money = matches(MONEY, text);
  const percentages = matches(PERCENTAGE, text).filter((p) => !overlapsAny(p, money));
  const datesShown = dates.filter((d) => !overlapsAny(d, money) && !overlapsAny(d, percentages));
  const taken = [...money, ...percentages, ...datesShown];
  const figures = [...matches(NUMBER, text), ...matches(NUMBER_WORD, text)].filter((f) => !overlapsAny(f, taken)).sort((a, b) => a.start - b.start);
  if (money.length) features.push({ kind: "money", evidence: money[0]!.words });
  if (percentages.length) features.push({ kind: "percentage", evidence: percentages[0]!.words });
  if (figures.length) features.push({ kind: "figure", evidence: figures[0]!.words });
  if (datesShown.length) features.push({ kind: "date", evidence: datesShown[0]!.words });
  return features;
}

/** Every feature the sentence shows, one of each kind, in FEATURE_KINDS order. */
export function findFeatures(sentence: string, attribution: Attribution | null, dates: readonly DateMention[] = findDates(sentence)): Feature[] {
  const features = quantities(sentence, dates);
  const change = matches(CHANGE, sentence)[0];
  if (change) features.push({ kind: "change", evidence: change.words });
  if (attribution) features.push({ kind: "attribution", evidence: attribution.speaker ?? attribution.cue });
  QUOTATION.lastIndex = 0;
  const quotation = [...sentence.matchAll(QUOTATION)].find((m) => m[1]!.trim().split(/\s+/u).length >= 3);
  if (quotation) features.push({ kind: "quotation", evidence: quotation[0] });
  const denial = matches(DENIAL, sentence)[0];
  if (denial) features.push({ kind: "denial", evidence: denial.words });
  const negation = matches(NEGATION, sentence)[0];
  if (negation && !denial) features.push({ kind: "negation", evidence: negation.words });
  return features.sort((a, b) => FEATURE_KINDS.indexOf(a.kind) - FEATURE_KINDS.indexOf(b.kind));
}

/** What weighs a sentence down: it reads as a heading, asks a question, or is too short to say much. */
export function findPenalties(sentence: string): PenaltyKind[] {
  const words = sentence.split(/\s+/u).filter(Boolean);
  const penalties: PenaltyKind[] = [];
  const endsLikeSentence = /[.!?…]["”’)\]]*$/u.test(sentence);
  const longWords = words.filter((w) => /\p{L}{4,}/u.test(w));
  const capitalised = longWords.filter((w) => /^["“‘(]*\p{Lu}/u.test(w)).length;
  if (!endsLikeSentence && (words.length <= 6 || (longWords.length > 0 && capitalised / longWords.length >= 0.7))) penalties.push("heading");
  if (/\?["”’)]*$/u.test(sentence)) penalties.push("question");
  if (words.length < 6 && !penalties.includes("heading")) penalties.push("short");
  return penalties;
}

function quoted(words: string, max = 60): string {
  const short = words.length > max ? `${words.slice(0, max - 1).trimEnd()}…` : words;
  return `“${short}”`;
}

/** A feature in the desk's words: "an amount of money (“$18.8 million”)", "attributed to Microsoft". */
export function describeFeature(feature: Feature, speaker: string | null): string {
  const labels: Record<FeatureKind, () => string> = {
    money: () => `an amount of money (${quoted(feature.evidence)})`,
    percentage: () => `a percentage (${quoted(feature.evidence)})`,
    figure: () => `a figure (${quoted(feature.evidence)})`,
    date: () => `a date (${quoted(feature.evidence)})`,
    change: () => `a change or comparison (${quoted(feature.evidence)})`,
    attribution: () => (speaker ? `attributed to ${speaker}` : `an attributed statement (${quoted(feature.evidence)})`),
    quotation: () => "a direct quote",
    denial: () => `a denial or refusal (${quoted(feature.evidence)})`,
    negation: () => `a negative statement (${quoted(feature.evidence)})`,
  };
  return labels[feature.kind]();
}
