import { SAYING } from "./speakers";

/**
 * Dates written in a sentence, as the claim form takes them: "2025-04-12", "2025-04" or "2025",
 * as precise as the words are ("in April 2025" is a month, not the 1st of April).
 */

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

// Capitalised only: "may" and "march" are also verbs. "May" alone is never taken for a month.
const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?";
const YEAR = "((?:1[89]|20)\\d{2})";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";

export interface DateMention {
  start: number;
  end: number;
  words: string;
  /** The date as the claim form takes it; null for words like "last week" that name no date. */
  iso: string | null;
}

/** The day a sentence's "on Tuesday" or "1 October" is counted back from: the source's date, when it is known to the day. */
type Reference = { year: number; month: number; day: number } | null;

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function referenceOf(iso: string | null | undefined): Reference {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "1 October" in an article of 2 October 2026: that year's, or the year before's when that is still to come. */
function yearless(month: string, dayOfMonth: string, reference: Reference): string | null {
  if (!reference) return null;
  const sameYear = day(String(reference.year), month, dayOfMonth);
  const referenceIso = isoOf(new Date(Date.UTC(reference.year, reference.month - 1, reference.day)));
  if (sameYear && sameYear <= referenceIso) return sameYear;
  return day(String(reference.year - 1), month, dayOfMonth);
}

/** "on Tuesday" in an article of Wednesday 18 November: the Tuesday on or before it, the 17th. */
function lastWeekday(name: string, reference: Reference): string | null {
  if (!reference) return null;
  const date = new Date(Date.UTC(reference.year, reference.month - 1, reference.day));
  const back = (date.getUTCDay() - WEEKDAYS.indexOf(name.toLowerCase()) + 7) % 7;
  return isoOf(new Date(date.getTime() - back * 86_400_000));
}

const PATTERNS: { pattern: RegExp; iso: (m: RegExpExecArray, reference: Reference) => string | null }[] = [
  { pattern: /\b((?:1[89]|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g, iso: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { pattern: new RegExp(`\\b${DAY} ${MONTH},? ${YEAR}\\b`, "g"), iso: (m) => day(m[3]!, m[2]!, m[1]!) },
  { pattern: new RegExp(`\\b${MONTH} ${DAY},? ${YEAR}\\b`, "g"), iso: (m) => day(m[3]!, m[1]!, m[2]!) },
  { pattern: new RegExp(`\\b${MONTH},? ${YEAR}\\b`, "g"), iso: (m) => `${m[2]}-${pad(MONTHS[m[1]!.toLowerCase()]!)}` },
  // Without a year: "on 1 October", "on October 1", counted back from the source's date.
  { pattern: new RegExp(`\\b${MONTH} ${DAY}\\b(?!,? ?\\d{4}\\b)`, "g"), iso: (m, reference) => yearless(m[1]!, m[2]!, reference) },
  { pattern: new RegExp(`\\b${DAY} ${MONTH}(?!\\w)(?!,? ?\\d{4}\\b)`, "g"), iso: (m, reference) => yearless(m[2]!, m[1]!, reference) },
  // A bare year, but not money ("$2025"), a count ("2025 people" is rare; "2,025" is not a year).
  { pattern: /(?<![$€£¥\d.,])\b((?:1[89]|20)\d{2})\b(?![.,]?\d|\s?%)/g, iso: (m) => m[1]! },
  // "on Tuesday": a day just past. "Super Tuesday", "the Sunday Times", "next Friday" name none.
  { pattern: /(?<=\bon )(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, iso: (m, reference) => lastWeekday(m[1]!, reference) },
  { pattern: /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, iso: () => null },
  {
    pattern: /\b(?:yesterday|today|tomorrow|(?:last|next|this) (?:week|month|year|quarter|decade))\b/g,
    iso: () => null,
  },
];

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function day(year: string, month: string, dayOfMonth: string): string | null {
  const m = MONTHS[month.replace(/\.$/, "").toLowerCase()];
  const d = Number(dayOfMonth);
  if (!m || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(Number(year), m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null; // 31 April
  return `${year}-${pad(m)}-${pad(d)}`;
}

function precisionOf(iso: string | null): number {
  return iso === null ? 0 : iso.length; // "2025" < "2025-04" < "2025-04-12"
}

/**
 * Every date mention in `text`, in order; a mention inside a longer one ("2025" in "April 2025") is
 * left out. `sourceDate` (YYYY-MM-DD) dates what the text leaves without a year or names by its
 * weekday: news copy's "on Tuesday" is the last Tuesday on or before the article's day.
 */
export function findDates(text: string, sourceDate: string | null = null): DateMention[] {
  const reference = referenceOf(sourceDate);
  const found: DateMention[] = [];
  for (const { pattern, iso } of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, words: m[0], iso: iso(m, reference) });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The most precise date the sentence names (the first, among equals); null when it names none. */
export function guessDate(mentions: readonly DateMention[]): string | null {
  let best: string | null = null;
  for (const mention of mentions) if (precisionOf(mention.iso) > precisionOf(best)) best = mention.iso;
  return best;
}

// When the words were said: "said on 12 April 2025", "announced in March 2024"; with the few words
// that may stand between, naming whom or how ("told reporters on", "said in a statement on",
// "told The Guardian in"), never a clause of its own ("said exports fell in 2024": what the claim
// is about).
const HOW = "(?:in (?:a|an|its|his|her|their) (?:statement|interview|post|letter|filing|report|speech|email|video)|at (?:a|an) (?:news|press) (?:conference|briefing)|to (?:reporters|journalists))";
const WHOM = "(?:(?:the )?[A-Z][\\w'’&.-]*(?: [A-Z][\\w'’&.-]*){0,2}|the [a-z]+|reporters|journalists|us|me|lawmakers|parliament|congress|investors)";
const SAID_ON = new RegExp(`\\b(?:(?:${SAYING}|Said|Told)(?:\\s+${HOW})?|(?:told|telling)\\s+${WHOM}(?:\\s+${HOW})?),?\\s+(?:on|in|dated)\\s+$`);
// "In September 2025, Microsoft said …": the date opens the sentence, and the clause after it is
// who said, in a few words, then the verb.
const OPENS = /^\s*["“']?\s*(?:on|in)\s+$/i;
const THEN_SAID = new RegExp(`^,\\s*(?:[^\\s,;:]+\\s+){0,5}(?:${SAYING})\\b`);

/**
 * When the sentence says its words were said: the most precise date it ties to a verb of saying
 * ("…, the ministry said on 3 May 2025"; "In September 2025, Microsoft said …"), or null. Any
 * other date in it is what the claim is about ("crime fell by 40 percent in 2025", "the lowest
 * since 1999"), not when it was made, so it is no guess for the claim's date.
 */
export function dateOfSaying(sentence: string, mentions: readonly DateMention[]): string | null {
  const said = mentions.filter((m) => {
    if (m.iso === null) return false;
    const before = sentence.slice(0, m.start);
    return SAID_ON.test(before) || (OPENS.test(before) && THEN_SAID.test(sentence.slice(m.end)));
  });
  return guessDate(said);
}
