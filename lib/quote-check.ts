/**
 * Whether a link's quote appears in a source's captured text, and where.
 *
 * A quote must be the source's own words, so matching is exact and case-sensitive except for
 * differences that typesetting, copying and web pages introduce without changing a word:
 * - whitespace: any run of Unicode whitespace (spaces, NBSP, thin spaces, tabs, line breaks)
 *   is one space, and leading and trailing whitespace is ignored. Whitespace touching a dash is
 *   dropped, because house styles differ on spacing dashes ("tools — and" / "tools—and");
 * - quote marks, in two classes, so that an apostrophe never stands for a double quote mark:
 *   single ' ‘ ’ ‚ ‛ ′ ‹ › ` ´ ʼ are all ', and double " “ ” „ ‟ ″ « » are all ";
 * - dashes: - ‐ ‑ ‒ – — ― − are all a hyphen-minus;
 * - Unicode normalisation: text is compared in NFC, so a precomposed "é" equals "e" + U+0301;
 * - an ellipsis character equals three full stops;
 * - invisible characters are ignored: zero-width space, non-joiner and joiner (U+200B–U+200D),
 *   word joiner (U+2060), byte order mark (U+FEFF), soft hyphen (U+00AD) and the left-to-right
 *   and right-to-left marks (U+200E, U+200F).
 * Nothing else is folded: not case, not accents, not other punctuation.
 *
 * Offsets are UTF-16 indices into the original captured text (what String#slice takes), so a
 * page can highlight exactly the characters that matched.
 */

export type QuoteCheck =
  | { status: "found"; start: number; end: number }
  | { status: "not-found" }
  | { status: "no-captured-text" }
  | { status: "no-quote" };

const SINGLE_QUOTE_MARKS = [0x27, 0x2018, 0x2019, 0x201a, 0x201b, 0x2032, 0x2039, 0x203a, 0x60, 0xb4, 0x2bc];
const DOUBLE_QUOTE_MARKS = [0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0xab, 0xbb];
const DASHES = [0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212];
const ELLIPSIS = 0x2026;

const FOLDS = new Map<number, string>([
  ...SINGLE_QUOTE_MARKS.map((cp) => [cp, "'"] as const),
  ...DOUBLE_QUOTE_MARKS.map((cp) => [cp, '"'] as const),
  ...DASHES.map((cp) => [cp, "-"] as const),
  [ELLIPSIS, "..."],
]);

const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xad, 0x200e, 0x200f]);

const MARK = /\p{M}/u;
const SPACE = 0x20;
const HYPHEN = 0x2d;
const FROM_CHAR_CODE_CHUNK = 8192;

function isWhitespace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x20 ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  );
}

/**
 * Whether a code point belongs to the cluster before it. NFC composes a starter only with the
 * combining marks after it, and with the vowel and final jamo of a decomposed Hangul syllable;
 * keeping those together lets each cluster be normalised on its own with the same result as
 * normalising the whole text, while every output character still traces back to its source.
 * Invisible characters join the cluster too, so "e", U+200B, U+0301 still makes "é".
 */
function extendsCluster(cp: number): boolean {
  if (INVISIBLE.has(cp)) return true;
  if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return true;
  return MARK.test(String.fromCodePoint(cp));
}

function codePointWidth(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** How a BMP code unit is handled; anything but PLAIN goes through the general path. */
const PLAIN = 0;
const SLOW = 1;
const EXTENDS = 2;

interface UnitTables {
  kind: Uint8Array;
  /** For PLAIN units, the unit they fold to (themselves, or a plain quote mark or hyphen). */
  fold: Uint16Array;
}

let unitTables: UnitTables | null = null;

/**
 * Built once, on first use (about 15 ms): most text is BMP characters that are NFC on their
 * own and extend nothing, and a table lookup keeps a megabyte of captured text quick.
 */
function getUnitTables(): UnitTables {
  if (unitTables) return unitTables;
  const kind = new Uint8Array(0x10000);
  const fold = new Uint16Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    const char = String.fromCharCode(unit);
    const folded = FOLDS.get(unit);
    fold[unit] = folded?.length === 1 ? folded.charCodeAt(0) : unit;
    if (unit >= 0xd800 && unit <= 0xdfff) kind[unit] = SLOW;
    else if (extendsCluster(unit)) kind[unit] = EXTENDS;
    else if (isWhitespace(unit) || (folded !== undefined && folded.length !== 1) || char.normalize("NFC") !== char) {
      kind[unit] = SLOW;
    } else kind[unit] = PLAIN;
  }
  unitTables = { kind, fold };
  return unitTables;
}

function foldCluster(cluster: string): string {
  let visible = "";
  for (const char of cluster) {
    if (!INVISIBLE.has(char.codePointAt(0)!)) visible += char;
  }
  let folded = "";
  for (const char of visible.normalize("NFC")) folded += FOLDS.get(char.codePointAt(0)!) ?? char;
  return folded;
}

function grown<T extends Uint16Array | Int32Array>(array: T, capacity: number): T {
  const copy = new (array.constructor as new (length: number) => T)(capacity);
  copy.set(array);
  return copy;
}

interface NormalizedText {
  text: string;
  /** For each UTF-16 unit of `text`, where the original characters it came from begin and end. */
  starts: Int32Array;
  ends: Int32Array;
}

function normalizeWithMap(input: string): NormalizedText {
  const { kind, fold } = getUnitTables();
  // Built as UTF-16 units in typed arrays. Folding can lengthen text (an ellipsis becomes three
  // units), so the arrays grow when a cluster would not fit.
  let capacity = input.length + 16;
  let units = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let length = 0;
  let spaceStart = -1;
  let spaceEnd = -1;

  let i = 0;
  while (i < input.length) {
    const unit = input.charCodeAt(i);
    let next = i + 1;
    let folded: string;

    if (kind[unit] === PLAIN && (next === input.length || kind[input.charCodeAt(next)] !== EXTENDS)) {
      folded = "";
    } else if (unit === ELLIPSIS && (next === input.length || kind[input.charCodeAt(next)] !== EXTENDS)) {
      folded = "...";
    } else {
      const cp = input.codePointAt(i)!;
      if (INVISIBLE.has(cp)) {
        i += codePointWidth(cp);
        continue;
      }
      if (isWhitespace(cp)) {
        if (spaceStart < 0) spaceStart = i;
        spaceEnd = i += codePointWidth(cp);
        continue;
      }
      next = i + codePointWidth(cp);
      while (next < input.length) {
        const following = input.codePointAt(next)!;
        if (!extendsCluster(following)) break;
        next += codePointWidth(following);
      }
      folded = foldCluster(input.slice(i, next));
    }

    // An empty `folded` marks the table path: one unit, folded by lookup.
    const foldedLength = folded === "" ? 1 : folded.length;
    const firstUnit = folded === "" ? fold[unit]! : folded.charCodeAt(0);
    if (length + foldedLength + 1 > capacity) {
      capacity = Math.max(capacity * 2, length + foldedLength + 1);
      units = grown(units, capacity);
      starts = grown(starts, capacity);
      ends = grown(ends, capacity);
    }
    if (spaceStart >= 0) {
      if (length > 0 && units[length - 1] !== HYPHEN && firstUnit !== HYPHEN) {
        units[length] = SPACE;
        starts[length] = spaceStart;
        ends[length] = spaceEnd;
        length++;
      }
      spaceStart = -1;
    }
    for (let k = 0; k < foldedLength; k++) {
      units[length] = folded === "" ? firstUnit : folded.charCodeAt(k);
      starts[length] = i;
      ends[length] = next;
      length++;
    }
    i = next;
  }

  // fromCharCode keeps every unit as it is (a TextDecoder would replace a lone surrogate);
  // chunks keep the argument list within the engine's limit.
  let text = "";
  for (let k = 0; k < length; k += FROM_CHAR_CODE_CHUNK) {
    const chunk = units.subarray(k, Math.min(k + FROM_CHAR_CODE_CHUNK, length));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return { text, starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

/** The form both a quote and a captured text take before they are compared. */
export function normalizeForQuoteMatch(text: string): string {
  return normalizeWithMap(text).text;
}

/** A match may not begin or end inside a cluster: "q" is not in "q̇", nor ".." in "…". */
function isClusterBoundary(normalized: NormalizedText, index: number): boolean {
  return index === 0 || index === normalized.text.length || normalized.starts[index] !== normalized.starts[index - 1];
}

export function checkQuote(quote: string, capturedText: string | null): QuoteCheck {
  const needle = normalizeForQuoteMatch(quote);
  if (needle === "") return { status: "no-quote" };

  const haystack = normalizeWithMap(capturedText ?? "");
  if (haystack.text === "") return { status: "no-captured-text" };

  // indexOf, not a RegExp: the quote is data, and "$18.8 million (approx.)" must mean itself.
  let from = 0;
  for (;;) {
    const at = haystack.text.indexOf(needle, from);
    if (at < 0) return { status: "not-found" };
    const after = at + needle.length;
    if (isClusterBoundary(haystack, at) && isClusterBoundary(haystack, after)) {
      return { status: "found", start: haystack.starts[at]!, end: haystack.ends[after - 1]! };
    }
    from = at + 1;
  }
}

/**
 * How many characters of the source's text a link keeps on either side of its quote (the
 * TextQuoteSelector's prefix and suffix): enough to tell two places with the same words apart,
 * as annotation tools that use the W3C selector keep (Hypothesis keeps 32).
 */
export const QUOTE_CONTEXT_LENGTH = 32;

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/**
 * The text just before and after `text.slice(start, end)`, at most QUOTE_CONTEXT_LENGTH
 * characters each, never cutting a character in two; null where the quote touches the text's
 * beginning or end.
 */
export function quoteContext(text: string, start: number, end: number): { prefix: string | null; suffix: string | null } {
  let from = Math.max(0, start - QUOTE_CONTEXT_LENGTH);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + QUOTE_CONTEXT_LENGTH);
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to--;
  const prefix = text.slice(from, start);
  const suffix = text.slice(end, to);
  return { prefix: prefix === "" ? null : prefix, suffix: suffix === "" ? null : suffix };
}
