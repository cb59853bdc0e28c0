/**
 * Who a sentence says is speaking, and which of the desk's claimants that is.
 *
 * Reported speech in news copy has a few shapes: "according to X", "X said", "X told Reuters",
 * "…, said X". Words inside quotation marks are the speaker's, not the reporter's, so verbs
 * there ("as we've previously stated") are not taken for the attribution.
 */

/** Verbs of saying and reporting, in the forms news copy uses. */
export const SAYING =
  "said|says|say|saying|asked|asks|told|telling|stated|stating|announced|announces|claimed|claiming|confirmed|confirms|acknowledged|acknowledges|admitted|admits|denied|denies|denying|insisted|insists|insisting|argued|argues|arguing|added|adding|explained|explains|elaborated|wrote|writes|noted|noting|warned|warns|warning|revealed|reported|indicated|indicates|suggested|suggesting|asserted|asserts|asserting|emphasized|emphasised|emphasizes|emphasises|maintained|maintains|declared|declares|testified|tweeted|posted|estimated|predicted|promised|pledged|alleged|alleges|contended|conceded|responded|replied|called for|calling for";
// Left out: forms that are as often nouns ("media reports", "the claims", "notes", "states").

const SAYING_VERB = new RegExp(`\\b(?:${SAYING})\\b`, "g");
const ACCORDING_TO = /\baccording to\b/gi;
/** Verbs after which the next name is the speaker ("…," said Jane Doe), not the listener ("told Reuters"). */
const INVERTED = /^(?:said|says|asked|asks|added|adds|wrote|writes|noted|explained|insisted|argued)$/;

/** Words that may be capitalised without being a name: a sentence's first word, months, days. */
const NOT_NAMES = new Set(
  "the a an in on at by of for to from with as it its this that these those he she they we i you his her their our my but and or so yet however meanwhile also after before when while if there here what who why how according last next mr mrs ms dr prof sen rep gov gen january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday".split(
    " ",
  ),
);
/** Small words that may join the parts of a name: "Department of Homeland Security", "AT&T". */
const NAME_JOINERS = new Set(["of", "and", "for", "the", "de", "du", "van", "von", "&"]);

const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{N}&.'’-]*|\p{N}+\p{Lu}[\p{L}]*)$/u;

export interface Mention {
  start: number;
  end: number;
  name: string;
}

/** Quotation marks' spans blanked out, offsets kept, so their words are not read as the reporter's. */
export function outsideQuotes(text: string): string {
  return text.replace(/["“”„«»]([^"“”„«»]*)["“”„«»]?/gu, (m) => " ".repeat(m.length));
}

function clean(word: string): string {
  return word.replace(/^[("'“‘]+|[)"'”’,.;:!?]+$/gu, "").replace(/['’]s$/u, "");
}

/** Capitalised runs of words ("The Guardian", "Department of Homeland Security"), as names. */
export function nameMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  const words = [...text.matchAll(/\S+/gu)];
  let i = 0;
  while (i < words.length) {
    const word = clean(words[i]![0]);
    if (!NAME_WORD.test(word) || NOT_NAMES.has(word.toLowerCase())) {
      i++;
      continue;
    }
    let j = i;
    // A name ends at punctuation after a word ("Microsoft, the company…") unless it is a joiner.
    while (j + 1 < words.length && !/[,;:!?)"”]$|[^.]\.$/u.test(words[j]![0]) && !/['’]s\W*$/u.test(words[j]![0])) {
      const nextWord = clean(words[j + 1]![0]);
      if (NAME_WORD.test(nextWord) && !NOT_NAMES.has(nextWord.toLowerCase())) j++;
      else if (NAME_JOINERS.has(nextWord.toLowerCase()) && j + 2 < words.length && NAME_WORD.test(clean(words[j + 2]![0])) && !/[,;:]$/u.test(words[j + 1]![0])) j += 2;
      else break;
    }
    const first = words[i]!;
    const last = words[j]!;
    const raw = text.slice(first.index, last.index + last[0].length);
    const name = clean(raw);
    if (name) mentions.push({ start: first.index, end: last.index + last[0].length, name });
    i = j + 1;
  }
  return mentions;
}

export interface Attribution {
  /** The verb or phrase that attributes the words: "said", "according to". */
  cue: string;
  /** The speaker the sentence names, when it names one ("a Microsoft spokesperson" names Microsoft). */
  speaker: string | null;
  /**
   * Who speaks, in the sentence's words, when it names nobody: the words of the verb's clause
   * before it ("the spokesperson further", "the council's IT chief"), or after an inverted verb.
   * lib/finder/index.ts guesses a claimant from the rest of the sentence only for a speaker
   * that stands for someone the sentence names ("a spokesperson", "they", "which").
   */
  speakerWords: string;
  /** Where the cue starts in the sentence. */
  at: number;
}

/** Titles and roles before a person's name: not part of the name a claimant is kept under. */
const TITLES = new Set(
  "mr mrs ms mx dr prof professor sir dame lord lady councillor cllr senator sen rep representative gov governor mayor president minister secretary judge justice chief inspector detective officer sgt sergeant capt captain rev reverend father mp mep"
    .split(" "),
);

/** A name without the titles before it: "Councillor Margaret Hale" is Margaret Hale, "Dr. Aisha Rahman" Aisha Rahman. */
export function withoutTitles(name: string): string {
  const words = name.split(/\s+/u);
  let i = 0;
  while (i < words.length && TITLES.has(words[i]!.replace(/\.$/u, "").toLowerCase())) i++;
  const rest = words.slice(i);
  // A person's name is what is left: two words or more, not a phrase ("Justice Department",
  // "Mayor Smith" and "Secretary of State Marco Rubio" stay as they are).
  if (i === 0 || rest.length < 2 || NAME_JOINERS.has(rest[0]!.toLowerCase())) return name;
  return rest.join(" ");
}

const PREPOSITIONS = new Set(["for", "of", "in", "by", "from", "to", "with", "about", "on", "at", "against", "over", "under"]);

/**
 * The name heading the words before a verb of saying, if it is their subject: "a Microsoft
 * spokesperson" names Microsoft, but in "the landscape for ICE" ICE is the object of "for".
 */
function subjectOf(words: string): string | null {
  const named = nameMentions(words).at(-1);
  if (!named) return null;
  const before = words.slice(0, named.start).trim().split(/\s+/u).at(-1)?.toLowerCase() ?? "";
  const between = words.slice(named.end).trim().split(/\s+/u).filter(Boolean);
  if (PREPOSITIONS.has(before)) return null;
  // "Dr. Aisha Rahman of the housing office said": who they are with, in words of no name.
  if (AFFILIATION.test(between.join(" "))) return withoutTitles(named.name);
  if (between.length > 3 || between.some((w) => PREPOSITIONS.has(w.toLowerCase()))) return null;
  return withoutTitles(named.name);
}

/** A name's affiliation before its verb, in common words: "of the housing office", "from a local charity". */
const AFFILIATION = /^(?:of|from|at) (?:the |a |an |its |their )?(?:\p{Ll}[\p{Ll}'’-]* ?){1,3}$/u;

/** Words before a name after an inverted verb that are a role or title, not a name: "fisherman", "local councillor", "Dr.". */
function isRole(words: string): boolean {
  const list = words.trim().split(/\s+/u).filter(Boolean);
  return list.length <= 2 && list.every((w) => (/^\p{Ll}[\p{L}-]*$/u.test(w) && !NOT_ROLES.has(w)) || TITLES.has(w.replace(/\.$/u, "").toLowerCase()));
}

/** Small words that are never a role before a name: "said in Paris", "said that ICE", "asked the council". */
const NOT_ROLES = new Set([...PREPOSITIONS, "that", "and", "or", "but", "the", "a", "an", "it", "its", "this", "there", "as", "when", "while", "after", "before", "if"]);

/**
 * The sentence's attribution, if it has one: the first cue outside quotation marks, "according
 * to" or a verb of saying. A later cue that names its speaker wins over an earlier one that does
 * not: in "Hale added that …, according to its own analysis", Hale speaks.
 */
export function findAttribution(sentence: string): Attribution | null {
  const outside = outsideQuotes(sentence);
  const cues = [accordingTo(outside), sayingVerb(outside)].filter((a): a is Attribution => a !== null).sort((a, b) => a.at - b.at);
  return cues.find((a) => a.speaker !== null) ?? cues[0] ?? null;
}

function accordingTo(outside: string): Attribution | null {
  ACCORDING_TO.lastIndex = 0;
  const according = ACCORDING_TO.exec(outside);
  if (!according) return null;
  const after = outside.slice(according.index + according[0].length);
  const named = nameMentions(after.replace(/^\s*(?:the|a|an)\s+(?=\p{Ll})/iu, " "))[0];
  // "according to a report from Reuters": the name must come within a few words.
  const near = named && after.slice(0, named.start).trim().split(/\s+/u).filter(Boolean).length <= 4 ? withoutTitles(named.name) : null;
  return { cue: "according to", speaker: near, speakerWords: after.trim().split(/\s+/u).slice(0, 4).join(" "), at: according.index };
}

function sayingVerb(outside: string): Attribution | null {
  SAYING_VERB.lastIndex = 0;
  const verb = SAYING_VERB.exec(outside);
  if (!verb) return null;
  // The speaker comes just before the verb, within its clause ("In May, the minister said").
  const before = outside.slice(0, verb.index);
  const clause = before.slice(Math.max(before.lastIndexOf(","), before.lastIndexOf(";"), before.lastIndexOf(":")) + 1);
  // Six words, or nine when they end in an affiliation ("Dr. Aisha Rahman of the housing office").
  const all = clause.trim().split(/\s+/u);
  const nine = all.slice(-9).join(" ");
  const words = subjectOf(nine) && AFFILIATION.test(nine.slice(nameMentions(nine).at(-1)!.end).trim()) ? nine : all.slice(-6).join(" ");
  let speaker = subjectOf(words);
  let speakerWords = words;
  // The verb before its speaker ("…,” said Jane Doe"): only with nothing of its own clause before
  // it, so "The committee asked Hale to explain" names no speaker, nor "The minister said in Paris".
  if (!speaker && words === "" && INVERTED.test(verb[0])) {
    const after = outside.slice(verb.index + verb[0].length);
    const named = nameMentions(after)[0];
    // "…, said fisherman Alan Pike", "…, said Dr. Aisha Rahman": a role of a word or two may come first.
    if (named && isRole(after.slice(0, named.start))) speaker = withoutTitles(named.name);
    speakerWords = after.trim().split(/\s+/u).slice(0, 4).join(" ");
  }
  return { cue: verb[0], speaker, speakerWords, at: verb.index };
}

function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/['’]s\b/gu, "")
    .replace(/^the\s+/u, "")
    .replace(/[^\p{L}\p{N}&]+/gu, " ")
    .trim();
}

/** The names one claimant goes by: its name with and without titles, the parts around brackets, and its initials. */
function aliasesOf(name: string): string[] {
  const aliases = new Set<string>([normalizeName(name), normalizeName(withoutTitles(name))]);
  const bracket = /^(.*?)\s*\((.+)\)\s*$/u.exec(name);
  const parts = bracket ? [bracket[1]!, bracket[2]!] : [name];
  for (const part of parts) {
    aliases.add(normalizeName(part));
    const initials = part
      .split(/\s+/u)
      .filter((w) => /^\p{Lu}/u.test(w) && !NAME_JOINERS.has(w.toLowerCase()))
      .map((w) => w[0])
      .join("");
    if (initials.length >= 2 && part.includes(" ")) aliases.add(initials.toLowerCase());
  }
  aliases.delete("");
  return [...aliases];
}

export interface Claimant {
  id: string;
  name: string;
  /** "person" or "organization"; a person is also known by their surname alone. */
  kind?: string;
}

/** A lookup from the names a claimant goes by to the claimant, built once per request. */
export class ClaimantIndex {
  private readonly byAlias = new Map<string, Claimant>();
  /** People by surname, when one person on the desk has it: news copy names them so after the first mention. */
  private readonly bySurname = new Map<string, Claimant | null>();

  constructor(claimants: readonly Claimant[]) {
    for (const claimant of claimants) {
      for (const alias of aliasesOf(claimant.name)) if (!this.byAlias.has(alias)) this.byAlias.set(alias, claimant);
      // "Jane Smith (Harbour Council)" is Smith, not Council.
      const words = normalizeName(withoutTitles(claimant.name.replace(/\s*\(.*$/u, ""))).split(" ").filter(Boolean);
      if (claimant.kind === "person" && words.length >= 2) {
        const surname = words.at(-1)!;
        // Two people of one surname: "Hale" could be either, so it names neither.
        this.bySurname.set(surname, this.bySurname.has(surname) ? null : claimant);
      }
    }
  }

  /** The claimant a name stands for: the whole name, else its longest run of words that is one, else a person's surname alone. */
  match(name: string): Claimant | null {
    const words = normalizeName(name).split(" ").filter(Boolean);
    for (let length = words.length; length > 0; length--) {
      for (let at = 0; at + length <= words.length; at++) {
        const found = this.byAlias.get(words.slice(at, at + length).join(" "));
        if (found) return found;
      }
    }
    return words.length === 1 ? (this.bySurname.get(words[0]!) ?? null) : null;
  }
}
