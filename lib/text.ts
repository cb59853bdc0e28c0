// Character rules shared by the forms, the password policy and the Markdown renderer. Pure: no
// zod, no React, so any module can use them.

/** With the u flag a well-formed surrogate pair is one code point, so only an unpaired half matches. */
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Whether the database can hold `value` exactly. A NUL byte ends a string in much of the
 * tooling around SQLite; an unpaired surrogate (half an emoji, from a cut or a broken paste) has
 * no UTF-8 form at all, and would be saved as "\uFFFD", which is not what was typed.
 */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !UNPAIRED_SURROGATE.test(value);
}

/**
 * Characters that make an address read as something other than where it goes: controls and
 * whitespace (browsers silently drop a tab or newline inside a URL, so "java\tscript:" runs as
 * javascript:), bidi marks, embeddings, overrides and isolates (which reorder what is shown),
 * and the invisible zero-width space, word joiner, byte-order mark and soft hyphen. Not the
 * zero-width non-joiner and joiner (U+200C, U+200D): Persian, Urdu and Indic words are spelt
 * with them, in addresses too.
 */
const DECEPTIVE_IN_ADDRESS = /[\p{Cc}\p{Z}\s\u00AD\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u;

export function hasDeceptiveCharacters(address: string): boolean {
  return DECEPTIVE_IN_ADDRESS.test(address);
}

/** Whether a person would see anything: not only spaces and invisible format characters. */
export function hasVisibleCharacter(value: string): boolean {
  return /[^\p{Cf}\p{Z}\s]/u.test(value);
}

/** Whether an address carries a user name or password: "https://trusted.example@evil.example" reads as one site and goes to another. */
export function hasCredentials(address: string): boolean {
  try {
    const url = new URL(address);
    return url.username !== "" || url.password !== "";
  } catch {
    return false;
  }
}

/**
 * `value` in at most `max` characters as a length limit counts them (code points, as
 * characterCount): cut after the last word that fits whole, with "…" after it. A text with no
 * space in the second half of what fits (one long word, or Chinese) is cut at the limit itself.
 */
export function clipAtWord(value: string, max: number): string {
  // A code point is one or two UTF-16 units: `max` units hold at most `max` of them, and the
  // first 2 × max units hold the first `max`, so a long text is never spread out whole.
  if (value.length <= max) return value;
  const points = Array.from(value.slice(0, 2 * max));
  if (points.length <= max && value.length <= 2 * max) return value;
  const head = points.slice(0, max - 1).join("");
  const lastSpace = head.search(/\s\S*$/u);
  const isWordEnd = /\s/u.test(points[max - 1]!);
  const kept = isWordEnd || lastSpace < head.length / 2 ? head : head.slice(0, lastSpace);
  // No dangling separator or opening mark before the ellipsis ("Harbour bridge –…").
  return `${kept.replace(/[\s,;:\-–—(\[{“‘"'/]+$/u, "")}…`;
}

/**
 * How many characters a length limit counts in `value`: code points after trimming, as the zod
 * schemas do (lib/validation/fields.ts), so "😀" is one. A browser's maxlength counts UTF-16
 * units instead, which is why the forms show a count rather than set maxlength.
 */
export function characterCount(value: string): number {
  return Array.from(value.trim()).length;
}

/**
 * Words as they were said, in quotation marks: “…”. Words that open with their own quotation mark
 * (“Rents fell,” the mayor said.) are shown as they are: marks around them read as ““Rents
 * fell,” …”, and changing the inner ones to single marks would change the words quoted.
 */
export function quoted(words: string): string {
  return /^["“„«]/u.test(words.trimStart()) ? words : `“${words}”`;
}
