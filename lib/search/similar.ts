import type { DatabaseEngine } from "@/lib/database-url";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { similarTermPostgres } from "./postgres";
import { keptReads, type KeptRow } from "./similar-kept";
import { similarTermSqlite } from "./sqlite";

/**
 * "Seen before?" and related claims (docs/decisions/030-seen-before-duplicates-related.md): the
 * claims that look like a given text, by the significant words and figures they share with it,
 * rarer ones counting more. The index is asked once per word (an OR of the words, read word by
 * word, each read capped at TERM_CAP rows), so no claim is scanned; the few best candidates are
 * then scored here, in TypeScript, from their own words, so both engines rank alike.
 */

/** A word matched in more claims than this is common: it scores candidates but never finds them. */
export const TERM_CAP = 200;
/** At most this many words and figures of the text are looked up. */
export const MAX_SIMILAR_TERMS = 16;
/** Candidates scored from their own words, the best by the index's tally. */
const CANDIDATES = 40;
/**
 * At most this many candidates are read, wanted or not: room for a claim with over a hundred
 * look-alikes marked as its duplicates, in at most five reads of 45 keys (the last of 20), and no
 * more.
 */
export const MAX_CANDIDATE_KEYS = 200;
/** A claim must share at least this share of the text's weight (and two of its terms) to be shown. */
export const MIN_SCORE = 0.3;

/** Words that say nothing about which claim this is. */
const STOPWORDS = new Set(
  (
    "a about above after again against all also am an and any are as at be because been before being below between both but by " +
    "can could did do does doing down during each few for from further had has have having he her here hers him his how i if in " +
    "into is it its itself just more most my no nor not now of off on once only or other our ours out over own same she should " +
    "so some such than that the their theirs them then there these they this those through to too under until up very was we " +
    "were what when where which while who whom why will with would you your said says say according told claim claims claimed " +
    "per cent percent"
  ).split(" "),
);

/** Stands for a decimal point between digits while a text is split into words. */
const DECIMAL = "\u0000";

/**
 * The words of a text as the index holds them and as similarity compares them: case and accents
 * folded, a comma or point between a digit and exactly three more dropped (a thousands separator:
 * "1,400", "1.400" and "1400" are one number, as search reads them, ADR 023), a decimal point
 * kept ("2.5", "$139.3m" as "139.3m"); letters and digits only otherwise.
 */
export function similarityWords(text: string): string[] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/(?<=\p{N})[,.](?=\p{N}{3}(?!\p{N}))/gu, "")
    .replace(/(?<=\p{N})\.(?=\p{N})/gu, DECIMAL)
    .split(/[^\p{L}\p{N}\u0000]+/u)
    .filter((word) => word !== "")
    .map((word) => word.replaceAll(DECIMAL, "."));
}

export interface SimilarTerm {
  word: string;
  isFigure: boolean;
}

/** The significant words and figures of a text, in order of first appearance, at most MAX_SIMILAR_TERMS. */
export function similarityTerms(text: string): SimilarTerm[] {
  const seen = new Set<string>();
  const terms: SimilarTerm[] = [];
  for (const word of similarityWords(text)) {
    const isFigure = /\p{N}/u.test(word);
    if (seen.has(word) || STOPWORDS.has(word) || (!isFigure && word.length < 3)) continue;
    seen.add(word);
    terms.push({ word, isFigure });
    if (terms.length === MAX_SIMILAR_TERMS) break;
  }
  return terms;
}

/**
 * The index's pieces of a term in each way it may be written: the index splits at every point
 * and comma, so "139.3m" is the phrase "139" "3m", and a number of four digits or more is also
 * looked for as "1 400" (its thousands split off, as "1,400" is indexed).
 */
export function termPhrases(word: string): string[][] {
  const pieces = word.split(".");
  const forms = [pieces];
  if (/^\d{4,}$/.test(word)) forms.push(word.replace(/\B(?=(\d{3})+$)/g, " ").split(" "));
  return forms;
}

export interface TermQuery {
  phrases: string[][];
  isPublishedOnly: boolean;
  /** Newest first (always on SQLite; elsewhere only asked of a common word, when no rarer word finds anything). */
  isNewestFirst: boolean;
  limit: number;
}

export interface SimilarEngine {
  /**
   * Each query's matches, in the order asked: one statement for them all (a UNION ALL of one
   * capped read per term), not one round trip per term. Each costs the ORM about as much as
   * the index read itself, and a text has up to MAX_SIMILAR_TERMS terms; so does each row, so
   * each term's keys come back joined in one row (byTerm in ./query.ts).
   */
  matchesEach(db: PrismaClient, queries: TermQuery[]): Promise<number[][]>;
  /**
   * Whether a newest-first read costs what an unordered one does. FTS5 walks a term's doclist
   * backwards as cheaply as forwards, so SQLite reads newest first from the start and a text of
   * common words needs no second read; PostgreSQL's newest-first walk down "seq" could read the
   * whole table for a rare word (ADR 023), so there it is asked only of common ones.
   */
  isNewestFirstFree: boolean;
  /**
   * The claims of index keys, with what scoring and the answers read of each, in one joined
   * statement: through the ORM, an id read and a claim read with its claimant and story cost
   * 2.2-2.7 ms of CPU for 45 candidates, against 0.5-0.75 ms for this (the bench's data). Prisma
   * reads a raw row's columns by their declared types on both engines: dates come back as Date.
   */
  candidatesOf(db: PrismaClient, keys: number[]): Promise<SimilarRow[]>;
  /**
   * A value that changes with every write committed to the database, read before the reads it
   * vouches for (./similar-kept.ts, ADR 042): two requests that read the same one read the same
   * data. Comparable only between reads through one client.
   */
  writeToken(db: PrismaClient): Promise<string>;
}

const ENGINES: Record<DatabaseEngine, SimilarEngine> = { sqlite: similarTermSqlite, postgresql: similarTermPostgres };

/** The database's write token as the kept reads compare it (./similar-kept.ts). */
export const writeTokenOf = (db: PrismaClient, engine: DatabaseEngine): Promise<string> => ENGINES[engine].writeToken(db);

/**
 * A candidate claim: its words for scoring (summary, claimant and text, the index's first three
 * columns) and what the answers show of it.
 */
export interface SimilarRow {
  /** Its index key (SQLite's rowid, PostgreSQL's "seq"), as the term reads name it. */
  key: number;
  id: string;
  duplicateOfId: string | null;
  summary: string;
  text: string;
  claimantName: string;
  storyTitle: string;
  status: string;
  createdAt: Date;
  publishedAt: Date | null;
}

export interface SimilarOptions {
  limit: number;
  isPublishedOnly: boolean;
  /** Whether a candidate may be suggested: the caller leaves out itself, duplicates and drafts. */
  isWanted: (row: Omit<SimilarRow, "text">) => boolean;
}

export type ScoredRow = Omit<SimilarRow, "text"> & { score: number };

const weightOf = (count: number, isFigure: boolean) => Math.log(1 + (TERM_CAP + 1) / Math.max(count, 1)) * (isFigure ? 1.5 : 1);

/**
 * Claims like `text`, best first, each with its score (the share of the text's weight it holds).
 * Found by its rarer terms (each held by at most TERM_CAP claims); when every term is common,
 * by the newest claims holding each. Scored by every term, common ones too, from the claims' own
 * words; ties go to the claim with fewer words (the closer one), then the newest.
 */
export async function findSimilarWith(db: PrismaClient, engine: DatabaseEngine, text: string, options: SimilarOptions): Promise<ScoredRow[]> {
  const terms = similarityTerms(text);
  if (terms.length === 0 || options.limit <= 0) return [];
  const io = await keptReads(db, ENGINES[engine], (row) => new Set(similarityWords(`${row.summary} ${row.claimantName} ${row.text}`)));
  const query = (term: SimilarTerm, isNewestFirst: boolean): TermQuery => ({
    phrases: termPhrases(term.word),
    isPublishedOnly: options.isPublishedOnly,
    isNewestFirst,
    limit: TERM_CAP + 1,
  });
  const isNewestFirstFree = ENGINES[engine].isNewestFirstFree;
  const found = await io.matchesEach(terms.map((term) => query(term, isNewestFirstFree)));
  const weights = terms.map((term, i) => weightOf(found[i]!.length, term.isFigure));
  const present = terms.map((_, i) => found[i]!.length > 0);
  const total = weights.reduce((sum, weight, i) => sum + (present[i] ? weight : 0), 0);
  if (total === 0) return [];

  const isRare = (i: number) => present[i]! && found[i]!.length <= TERM_CAP;
  const tally = new Map<number, number>();
  const add = (keys: number[], weight: number) => {
    for (const key of keys) tally.set(key, (tally.get(key) ?? 0) + weight);
  };
  if (terms.some((_, i) => isRare(i))) {
    terms.forEach((_, i) => isRare(i) && add(found[i]!, weights[i]!));
  } else if (isNewestFirstFree) {
    terms.forEach((_, i) => add(found[i]!, weights[i]!));
  } else {
    const asked = terms.flatMap((term, i) => (present[i] ? [{ i, query: query(term, true) }] : []));
    const newest = await io.matchesEach(asked.map((a) => a.query));
    newest.forEach((keys, n) => add(keys, weights[asked[n]!.i]!));
  }
  // The best by tally that the caller wants. The first read's `limit` spare places take the few
  // claims a caller leaves out (the claim itself on its own page); when more were left out (an
  // original's many duplicates, the newest at an equal tally), leaving fewer than CANDIDATES, the
  // next read takes the next `wanted` down the tally, up to MAX_CANDIDATE_KEYS keys in all.
  const ranked = [...tally].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([key]) => key);
  const wanted = CANDIDATES + options.limit;
  const candidates: KeptRow[] = [];
  for (let read = 0; read < ranked.length && read < MAX_CANDIDATE_KEYS && (read === 0 || candidates.length < CANDIDATES); ) {
    const keys = ranked.slice(read, Math.min(read + wanted, MAX_CANDIDATE_KEYS));
    read += keys.length;
    candidates.push(...(await io.candidatesOf(keys)).filter((kept) => options.isWanted(kept.row)));
  }

  const scored = candidates.map(({ row: candidate, words }) => {
    let shared = 0;
    let weight = 0;
    terms.forEach((term, i) => {
      if (!present[i] || !words.has(term.word)) return;
      shared++;
      weight += weights[i]!;
    });
    return { row: candidate, id: candidate.id, score: weight / total, shared, size: words.size, createdAt: candidate.createdAt.getTime() };
  });
  const enough = Math.min(2, terms.filter((_, i) => present[i]).length);
  return scored
    .filter((s) => s.score >= MIN_SCORE && s.shared >= enough)
    .sort((a, b) => b.score - a.score || a.size - b.size || b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
    .slice(0, options.limit)
    .map(({ row, score }) => ({ ...row, score: Math.round(score * 1000) / 1000 }));
}
