/**
 * A captured text cut into sentences, each with its exact UTF-16 offsets in the text (what
 * String#slice takes), so a sentence can be linked as a quote without retyping it.
 *
 * Intl.Segmenter (Unicode's sentence rules) does the cutting. Those rules know nothing of
 * abbreviations: "the U.S. Army" and "Mr. Smith" are cut after the full stop. A cut is undone
 * when the piece before it ends in a title or an initial, which never end a sentence, or in a
 * short form such as "U.S." or "Inc." followed by a name rather than a sentence's first word.
 */

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Never the end of a sentence: titles, month and number short forms, "e.g.". Lower case. */
const ALWAYS_JOINED = new Set([
  "mr.", "mrs.", "ms.", "dr.", "prof.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "capt.", "sgt.", "adm.", "hon.", "rev.", "st.",
  "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
  "no.", "nos.", "vs.", "v.", "e.g.", "i.e.", "cf.", "approx.", "est.", "fig.", "art.", "para.",
]);

/** Short forms that may end a sentence ("sold to Acme Inc."), or precede a name ("the U.S. Army"). */
const SOMETIMES_JOINED = /^(?:[A-Z]\.){2,}$|^(?:inc|corp|ltd|co|plc|llc|bros|jr|sr|dept|univ)\.$/i;

/** A sentence's usual first words: after "U.S." one of these begins a new sentence. */
const SENTENCE_OPENERS = new Set(
  "the a an in on at it its this that these those he she they we i you his her their our but and or so yet however meanwhile also after before when while if as for with there here what who why how one some many most no not according".split(" "),
);

/** Bullet marks and spaces that open a list item: not part of the sentence's words. */
const LEADING_MARKS = /^[\s\u00a0•·▪‣◦●○■□*\-–—]+/u;
const TRAILING_SPACE = /\s+$/u;

let segmenter: Intl.Segmenter | null = null;

function getSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter("en", { granularity: "sentence" });
  return segmenter;
}

/**
 * V8's sentence segmenter slows down more than linearly on long strings (a 20,000-word article
 * took seconds where its paragraphs one by one take milliseconds). So the text is segmented a
 * window at a time; each window's last piece may have been cut short by the window's end, so it
 * is segmented again at the start of the next. Every break the segmenter makes depends only on
 * the text up to the next piece's first letter, which is inside the window, so the result is
 * the same as segmenting the whole text.
 */
const WINDOW = 4_000;

function* segmentsOf(text: string): Generator<{ index: number; segment: string }> {
  let from = 0;
  while (from < text.length) {
    const to = Math.min(text.length, from + WINDOW);
    const pieces = [...getSegmenter().segment(text.slice(from, to))];
    if (to < text.length && pieces.length > 1) pieces.pop();
    for (const piece of pieces) yield { index: from + piece.index, segment: piece.segment };
    const last = pieces.at(-1)!;
    from += last.index + last.segment.length;
  }
}

function lastWord(text: string): string {
  const match = /(\S+)\s*$/u.exec(text);
  return match ? match[1]! : "";
}

function firstWord(text: string): string {
  const match = /^[\s"“'‘(]*([\p{L}\p{N}][\p{L}\p{N}'’-]*)/u.exec(text);
  return match ? match[1]! : "";
}

function isJoinedToNext(piece: string, next: string): boolean {
  if (/[\r\n]\s*$/u.test(piece)) return false; // a line break ends a sentence, title or not
  // A quoted question or exclamation goes on with its speaker in lower case: “Are we really
  // meant to believe that?” asked Prof. Lee Chen.
  if (/[?!]["”’'»]\s*$/u.test(piece) && /^\p{Ll}/u.test(next)) return true;
  const word = lastWord(piece).replace(/^["“'‘(]+/u, "");
  if (!word.endsWith(".")) return false;
  if (ALWAYS_JOINED.has(word.toLowerCase())) return true;
  if (/^\p{Lu}\.$/u.test(word)) return true; // an initial: "John F. Kennedy"
  if (!SOMETIMES_JOINED.test(word)) return false;
  const following = firstWord(next);
  return following !== "" && !SENTENCE_OPENERS.has(following.toLowerCase());
}

/** The sentences of `text`, in order, trimmed of spaces and list bullets; empty pieces skipped. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let pendingStart = -1;
  let pendingText = "";
  const flush = (end: number) => {
    if (pendingStart < 0) return;
    const lead = LEADING_MARKS.exec(pendingText)?.[0].length ?? 0;
    const trail = TRAILING_SPACE.exec(pendingText)?.[0].length ?? 0;
    const start = pendingStart + lead;
    const stop = end - trail;
    if (stop > start && /[\p{L}\p{N}]/u.test(text.slice(start, stop))) sentences.push({ start, end: stop, text: text.slice(start, stop) });
    pendingStart = -1;
    pendingText = "";
  };
  const pieces = segmentsOf(text);
  let current = pieces.next();
  while (!current.done) {
    const piece = current.value;
    const next = pieces.next();
    if (pendingStart < 0) pendingStart = piece.index;
    pendingText += piece.segment;
    if (next.done || !isJoinedToNext(piece.segment, next.value.segment)) flush(piece.index + piece.segment.length);
    current = next;
  }
  return sentences;
}
