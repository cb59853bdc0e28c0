import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/validation/claim-query";
import type { SimilarRow } from "./similar";

/**
 * What both engines' searches share (docs/decisions/013-full-text-search.md,
 * 023-fast-first-search.md): the index's four text columns, the tiers that rank a match by
 * where its words were found, the capped count and the filters, in SQL both engines read alike.
 */
export const COLUMNS = ["summary", "claimant", "text", "quotes"] as const;
export type SearchColumn = (typeof COLUMNS)[number];

/**
 * Where the words matched, best first: a claim is in the first tier whose columns hold every
 * word of the query (all in the summary; else all in the summary or the claimant's name; else
 * also the text; else anywhere, quotes included). RANKS below orders the tiers with the words'
 * forms. Each rank is a plain index lookup walked newest first, so a page reads only its rows.
 */
export const TIERS: readonly (readonly SearchColumn[])[] = [
  ["summary"],
  ["summary", "claimant"],
  ["summary", "claimant", "text"],
  ["summary", "claimant", "text", "quotes"],
];

/** Matches are counted exactly up to this many; past it the answer is "more than". */
export const COUNT_CAP = 1000;

export interface SearchPage {
  ids: string[];
  /** How many claims match, or, when totalIsCapped, a number that more than that many match. */
  total: number;
  totalIsCapped: boolean;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/** A word ending in an apostrophe suffix ("ice's", "don't"): that suffix is whole, not a prefix. */
export const ENDS_IN_APOSTROPHE_SUFFIX = /['’]\p{L}+$/u;

/**
 * The ways a search term may be written in a claim. Numbers of four digits or more are also
 * looked for with thousands separators ("1400" as "1,400", "1.400" or "1 400"): the index splits
 * words at a comma or point, so "1,400" is held as the two words "1" and "400". Query words
 * come here with their separators already removed (searchTerms).
 */
export function termForms(term: string): string[] {
  const grouped = term.replace(/\d{4,}/g, (digits) => digits.replace(/\B(?=(\d{3})+$)/g, " "));
  return grouped === term ? [term] : [term, grouped];
}

/** The number of matches to count before stopping: the cap, or past the page asked for. */
export function countLimit(page: PageRequest): number {
  return Math.max(COUNT_CAP, page.offset + page.limit);
}

/** A count of up to countLimit + 1 rows, as the page's total. */
export function cappedTotal(counted: number, page: PageRequest): Pick<SearchPage, "total" | "totalIsCapped"> {
  const limit = countLimit(page);
  return counted > limit ? { total: limit, totalIsCapped: true } : { total: counted, totalIsCapped: false };
}

/**
 * How a query's words are matched: as whole words ("contract" is the word "contract"), or as the
 * start of words too ("contract" also finds "contracts" and "contractor"; "tripl" finds
 * "tripled"). A whole-word match is the stronger sign, and the cheap one: an index finds a word
 * from its own entry, while the start of a word means merging every word that starts so.
 */
export type WordForm = "whole" | "prefix";

/**
 * The ranking, best first (ADR 023, with ADR 032's word forms): every tier with the words whole,
 * then every tier again with the words as the start of words. A claim is in the first rank that
 * holds it; within a rank, the claim added last comes first. A common word fills its first page
 * from the first rank, without ever merging the words it starts.
 */
export const RANKS: readonly { tier: number; form: WordForm }[] = (["whole", "prefix"] as const).flatMap((form) =>
  TIERS.map((_, tier) => ({ tier, form })),
);

/**
 * What a rank is matched against, for an engine: `match(tier, form)` is "every word in one of
 * the tier's columns, in that form"; `butNot(a, b)` is "a and not b". The rank's own match
 * without every earlier rank's, so each claim is in one rank only.
 */
export function rankQuery<Q>(rank: number, match: (tier: number, form: WordForm) => Q, butNot: (query: Q, excluded: Q) => Q): Q {
  const { tier, form } = RANKS[rank]!;
  let query = match(tier, form);
  // Every earlier rank is inside the one just before it, or inside the last whole-word tier:
  // whole tiers grow with their columns, and a word is also the start of itself.
  if (tier > 0) query = butNot(query, match(tier - 1, form));
  if (form === "prefix") query = butNot(query, match(TIERS.length - 1, "whole"));
  return query;
}

/**
 * The page's ids, rank by rank: each rank is asked for as many of its newest matches as the
 * page still needs, and a rank is not asked at all once the page is full.
 */
export async function walkRanks(page: PageRequest, readRank: (rank: number, limit: number) => Promise<string[]>): Promise<string[]> {
  const needed = page.offset + page.limit;
  const ids: string[] = [];
  for (let rank = 0; rank < RANKS.length && ids.length < needed; rank++) {
    ids.push(...(await readRank(rank, needed - ids.length)));
  }
  return ids.slice(page.offset);
}

/**
 * The capped count: the matches of the whole words first, which is cheap, and the start of
 * words only when those are too few to pass the limit (every whole-word match is also one of
 * the other form, so more than the limit of them settles it).
 */
export async function countRanks(page: PageRequest, count: (form: WordForm, limit: number) => Promise<number>): Promise<Pick<SearchPage, "total" | "totalIsCapped">> {
  const limit = countLimit(page) + 1;
  const whole = await count("whole", limit);
  return cappedTotal(whole >= limit ? whole : await count("prefix", limit), page);
}

export function hasClaimFilters(filters: ClaimFilters): boolean {
  return Boolean(filters.status || filters.claimant || filters.story || filters.source);
}

/** Conditions on the claim `c` for the filters chosen (published is in the index itself). */
export function filterSql(filters: ClaimFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [];
  if (filters.status) where.push(Prisma.sql`c."status" = ${filters.status}`);
  if (filters.claimant) where.push(Prisma.sql`c."claimantId" = ${filters.claimant}`);
  if (filters.story) where.push(Prisma.sql`c."storyId" = ${filters.story}`);
  if (filters.source) {
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "ClaimSource" f WHERE f."claimId" = c."id" AND f."sourceId" = ${filters.source})`,
    );
  }
  return where;
}

/**
 * What "Seen before?" reads of each candidate (SimilarRow in ./similar.ts), from "Claim" c joined
 * to its "Claimant" cl and "Story" s; each engine says how index keys lead to c.
 */
export const SIMILAR_ROW_COLUMNS = Prisma.sql`c."id", c."duplicateOfId", c."summary", c."text", c."status", c."createdAt", c."publishedAt", cl."name" AS "claimantName", s."title" AS "storyTitle"`;

/** A candidate as the engines' SQL reads it: SQLite's rowid and PostgreSQL's bigint "seq" may come back as bigint. */
export type RawSimilarRow = Omit<SimilarRow, "key"> & { key: number | bigint };

export const keyed = (rows: RawSimilarRow[]): SimilarRow[] => rows.map((row) => ({ ...row, key: Number(row.key) }));

/**
 * The rows of a batched term read as each query's keys: one row per query (`term` is its place
 * in the batch) with its keys joined by commas, or null for none. One row a term, not one a key:
 * a batch of sixteen common words is 3,216 keys, and the ORM's cost per row (not the index's)
 * was most of the read (2.4-3.5 ms against 1.4 ms of CPU a batch, measured on the bench's data).
 */
export function byTerm(count: number, rows: { term: number | bigint; keys: string | null }[]): number[][] {
  const keys: number[][] = Array.from({ length: count }, () => []);
  for (const row of rows) if (row.keys) keys[Number(row.term)] = row.keys.split(",").map(Number);
  return keys;
}
