import { ENDS_IN_APOSTROPHE_SUFFIX, termForms } from "./query";

/**
 * Where a search's words are in a claim, to show a reader (docs/decisions/023-fast-first-search.md).
 * Worked out here from the claim's own fields, with the index's rules (words are runs of letters
 * and digits, case and accents folded, every word but a phrase's last matched whole, the last as
 * a start), rather than by each engine's highlighter: FTS5's snippet() needs the text stored in
 * the index, which ours does not keep, and ts_headline marks words differently. One module gives
 * the same marks on both engines. Pure: no database, no HTML; the page builds nodes from ranges.
 */
export const SNIPPET_FIELDS = ["summary", "claimant", "text", "quote"] as const;
export type SnippetField = (typeof SNIPPET_FIELDS)[number];

export interface Snippet {
  field: SnippetField;
  /** The field's text, or a window of it (with "…" where it was cut). */
  text: string;
  /** Ranges of `text` (UTF-16 code units, end excluded) to highlight, in order, not overlapping. */
  highlights: { start: number; end: number }[];
}

/** About this many characters of a long text are shown, around its first match. */
const WINDOW = 220;
const BEFORE = 60;

const fold = (word: string) => word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(value: string): Token[] {
  return [...value.matchAll(/[\p{L}\p{N}\p{M}]+/gu)].map((m) => ({ word: fold(m[0]), start: m.index, end: m.index + m[0].length }));
}

/** The ranges of `value` where a term (in any written form) matches, and which terms did. */
export function findHighlights(value: string, terms: string[]): { highlights: Snippet["highlights"]; matched: Set<string> } {
  const words = tokens(value);
  const found: Snippet["highlights"] = [];
  const matched = new Set<string>();
  for (const term of terms) {
    const isWhole = ENDS_IN_APOSTROPHE_SUFFIX.test(term);
    for (const form of termForms(term)) {
      const pieces = tokens(form).map((t) => t.word);
      if (pieces.length === 0) continue;
      for (let i = 0; i + pieces.length <= words.length; i++) {
        const fits = pieces.every((piece, j) => {
          const word = words[i + j]!.word;
          return j === pieces.length - 1 && !isWhole ? word.startsWith(piece) : word === piece;
        });
        if (!fits) continue;
        found.push({ start: words[i]!.start, end: words[i + pieces.length - 1]!.end });
        matched.add(term);
      }
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Snippet["highlights"] = [];
  for (const range of found) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return { highlights: merged, matched };
}

/** A window of a long text around its first highlight, cut at spaces, ranges moved with it. */
function window(text: string, highlights: Snippet["highlights"]): Pick<Snippet, "text" | "highlights"> {
  if (text.length <= WINDOW) return { text, highlights };
  let start = Math.max(0, (highlights[0]?.start ?? 0) - BEFORE);
  if (start > 0) start = text.indexOf(" ", start) + 1 || start;
  let end = Math.min(text.length, start + WINDOW);
  if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
  const prefix = start > 0 ? "…" : "";
  const shift = prefix.length - start;
  return {
    text: `${prefix}${text.slice(start, end)}${end < text.length ? "…" : ""}`,
    highlights: highlights.filter((h) => h.start >= start && h.end <= end).map((h) => ({ start: h.start + shift, end: h.end + shift })),
  };
}

/**
 * The field that shows best where the words matched: the one holding the most of them, the
 * summary first, then the claimant, the text and the quotes, as the ranking weighs them. Null
 * when none holds a word (the claim changed since it was found).
 */
export function buildSnippet(terms: string[], fields: { summary: string; claimant: string; text: string; quotes: string[] }): Snippet | null {
  const candidates: [SnippetField, string][] = [
    ["summary", fields.summary],
    ["claimant", fields.claimant],
    ["text", fields.text],
    ...fields.quotes.map((quote): [SnippetField, string] => ["quote", quote]),
  ];
  let best: Snippet | null = null;
  let bestCount = 0;
  for (const [field, value] of candidates) {
    const { highlights, matched } = findHighlights(value, terms);
    if (matched.size > bestCount) {
      best = { field, ...window(value, highlights) };
      bestCount = matched.size;
    }
  }
  return best;
}
