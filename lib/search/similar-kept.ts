import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { SimilarEngine, SimilarRow, TermQuery } from "./similar";

/**
 * What "Seen before?" and related claims read, kept in this process while the database says
 * nothing was written since (docs/decisions/042-similar-claims-kept-reads.md).
 *
 * Each answer reads the index once per term of its text and then its best candidates' rows. A
 * reviewer's text changes a word at a time as they type, and the common words of a newsroom's
 * claims ("contract", "data", a year) come back in nearly every text, so those reads repeat.
 * Each request first reads the database's write token (SimilarEngine.writeToken: on SQLite the
 * connection's data_version and total_changes, on PostgreSQL the current snapshot), which
 * changes with every committed write; a read kept under the token a request reads is still what
 * the database would answer. So a request costs one small read instead of up to two dozen index
 * walks and forty-five claim rows. Kept per process and per client, never shared: every process
 * reads the token itself, so nothing here can be out of step across processes.
 */

/** At most this many term reads are kept (each at most TERM_CAP + 1 keys). */
export const KEPT_TERMS = 4_000;
/** At most this many candidate rows are kept, with their words for scoring. */
export const KEPT_ROWS = 10_000;
/**
 * And at most this many of their words in all: a claim's text may run to 10,000 characters, so
 * rows alone do not bound the memory. About 40 MB at most, with the term reads.
 */
export const KEPT_WORDS = 500_000;

/** A candidate as scored and shown: its row without the text, which only its words were for. */
export interface KeptRow {
  row: Omit<SimilarRow, "text">;
  /** Its distinct words for scoring (similarityWords of summary, claimant and text). */
  words: Set<string>;
}

interface Kept {
  token: string;
  terms: Map<string, number[]>;
  rows: Map<number, KeptRow>;
  /** The words of every kept row. */
  words: number;
}

// On globalThis, not in this module: the page and route-handler bundles may each hold a copy of
// the module (and of lib/db's client). One store per client: a SQLite token counts what one
// connection saw, so tokens of two clients are never compared.
const KEY = Symbol.for("factline.similarKept");
type WithKept = typeof globalThis & { [KEY]?: WeakMap<PrismaClient, Kept> };

function stores(): WeakMap<PrismaClient, Kept> {
  const store = globalThis as WithKept;
  store[KEY] ??= new WeakMap();
  return store[KEY];
}

/**
 * What is kept under `token`: the same store while the token is the same, an empty one from the
 * first request that reads a new token. A request that read an older token (it began before a
 * write that one just after it saw) empties it too: each store only ever holds reads made under
 * its own token, so that costs reads, never a wrong answer.
 */
function keptUnder(db: PrismaClient, token: string): Kept {
  const kept = stores().get(db);
  if (kept?.token === token) return kept;
  const fresh: Kept = { token, terms: new Map(), rows: new Map(), words: 0 };
  stores().set(db, fresh);
  return fresh;
}

/** Forgets what is kept for `db`, as a write would: for tests that count what is read. */
export function forgetKeptReads(db: PrismaClient): void {
  stores().delete(db);
}

/**
 * `words`, each a string of its own: V8 may make a long piece of a split string a view of the
 * whole (the claim's text, lower-cased), which would keep every text alive beside its words.
 */
function ownCopies(words: Set<string>): Set<string> {
  return new Set([...words].map((word) => (word.length < 13 ? word : Buffer.from(word, "utf8").toString("utf8"))));
}

/** The entry under `key`, made the most recently used. */
function take<K, V>(map: Map<K, V>, key: K): V | undefined {
  const value = map.get(key);
  if (value !== undefined) {
    map.delete(key);
    map.set(key, value);
  }
  return value;
}

/** Keeps a term read, the least recently used going when there are KEPT_TERMS. */
function keepTerm(kept: Kept, key: string, keys: number[]): void {
  kept.terms.delete(key);
  kept.terms.set(key, keys);
  if (kept.terms.size > KEPT_TERMS) kept.terms.delete(kept.terms.keys().next().value!);
}

/** Keeps a row, the least recently used going while there are more than KEPT_ROWS or KEPT_WORDS. */
function keepRow(kept: Kept, key: number, row: KeptRow): void {
  const before = kept.rows.get(key);
  if (before) kept.words -= before.words.size;
  kept.rows.delete(key);
  kept.rows.set(key, row);
  kept.words += row.words.size;
  while (kept.rows.size > KEPT_ROWS || (kept.words > KEPT_WORDS && kept.rows.size > 1)) {
    const [oldest, gone] = kept.rows.entries().next().value!;
    kept.rows.delete(oldest);
    kept.words -= gone.words.size;
  }
}

/** The similar-claims engine's reads, kept while the write token stands. */
export interface KeptReads {
  matchesEach(queries: TermQuery[]): Promise<number[][]>;
  candidatesOf(keys: number[]): Promise<KeptRow[]>;
}

const termKey = (query: TermQuery) => JSON.stringify([query.phrases, query.isPublishedOnly, query.isNewestFirst, query.limit]);

/**
 * `io`'s reads through what this process keeps, after reading the database's write token.
 * `wordsOf` splits a candidate into its words for scoring, once, as it is read.
 */
export async function keptReads(db: PrismaClient, io: SimilarEngine, wordsOf: (row: SimilarRow) => Set<string>): Promise<KeptReads> {
  const token = await io.writeToken(db);
  const kept = keptUnder(db, token);
  // What this request reads is kept only while its store is still the one in use: a request
  // that read a newer token meanwhile has moved it on.
  const isCurrent = () => stores().get(db) === kept;
  return {
    async matchesEach(queries) {
      const { terms } = kept;
      const found = queries.map((query) => take(terms, termKey(query)));
      const missing = queries.flatMap((query, i) => (found[i] === undefined ? [i] : []));
      if (missing.length > 0) {
        const read = await io.matchesEach(db, missing.map((i) => queries[i]!));
        const current = isCurrent();
        missing.forEach((i, n) => {
          found[i] = read[n]!;
          if (current) keepTerm(kept, termKey(queries[i]!), read[n]!);
        });
      }
      return found as number[][];
    },
    async candidatesOf(keys) {
      const rows = new Map<number, KeptRow>();
      for (const key of keys) {
        const row = take(kept.rows, key);
        if (row) rows.set(key, row);
      }
      const missing = keys.filter((key) => !rows.has(key));
      if (missing.length > 0) {
        const read = await io.candidatesOf(db, missing);
        const current = isCurrent();
        for (const full of read) {
          const row: Omit<SimilarRow, "text"> & { text?: string } = { ...full };
          delete row.text;
          const entry = { row, words: ownCopies(wordsOf(full)) };
          rows.set(row.key, entry);
          if (current) keepRow(kept, row.key, entry);
        }
      }
      // A key with no row (a claim deleted since the index read) is simply not a candidate.
      return keys.flatMap((key) => rows.get(key) ?? []);
    },
  };
}
