import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/validation/claim-query";
import {
  byTerm,
  countRanks,
  ENDS_IN_APOSTROPHE_SUFFIX,
  filterSql,
  hasClaimFilters,
  rankQuery,
  keyed,
  SIMILAR_ROW_COLUMNS,
  type RawSimilarRow,
  termForms,
  TIERS,
  walkRanks,
  type PageRequest,
  type SearchColumn,
  type SearchPage,
  type WordForm,
} from "./query";
import type { SimilarEngine } from "./similar";

/**
 * Search on PostgreSQL: the table "ClaimSearch", one row per claim: a tsvector of its summary,
 * claimant's name, text and quotes weighted A, B, C, D, whether the claim is published, and
 * "seq", the order claims were added (SQLite's rowid). Kept in step by triggers
 * (prisma/postgres/migrations/20261204150000_fast_first_search). The one module with its SQL.
 * The same meaning as on SQLite: every word must match, as a word or the start of one, case
 * and accents folded (unaccent on both sides), ranked by the same tiers, newest first in each.
 */
const WEIGHT_LABELS: Record<SearchColumn, "A" | "B" | "C" | "D"> = { summary: "A", claimant: "B", text: "C", quotes: "D" };

/**
 * One written form of a search term as a tsquery: its letters-and-digits pieces in a row
 * (`<->`), as FTS5 reads a quoted string, in the "prefix" form the last one a prefix (`:*`)
 * unless the term ends in an apostrophe suffix. Only letters and digits reach to_tsquery, so
 * nothing a reader types is read as its syntax. With `columns`, each piece must be in one of
 * them (`:A`, `:AB`, …).
 */
export function tsqueryPhrase(term: string, columns: readonly SearchColumn[] = [], form: WordForm = "prefix"): string {
  const pieces = term.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const label = columns.map((column) => WEIGHT_LABELS[column]).join("");
  const isWhole = form === "whole" || ENDS_IN_APOSTROPHE_SUFFIX.test(term);
  return pieces
    .map((piece, i) => (i === pieces.length - 1 && !isWhole ? `${piece}:*${label}` : label ? `${piece}:${label}` : piece))
    .join(" <-> ");
}

/** Every term, in any of its written forms, in one of `columns`. */
function allTermsIn(terms: string[], columns: readonly SearchColumn[], form: WordForm): string {
  return terms
    .map((term) => `(${termForms(term).map((written) => `(${tsqueryPhrase(written, columns, form)})`).join(" | ")})`)
    .join(" & ");
}

/** The tsquery of rank `rank` (query.ts RANKS): its own matches, no earlier rank's. */
export function rankTsquery(terms: string[], rank: number): string {
  return rankQuery(
    rank,
    (tier, form) => `(${allTermsIn(terms, TIERS[tier]!, form)})`,
    (query, excluded) => `(${query} & !${excluded})`,
  );
}

/** A rank with more matches than this is walked newest first down the "seq" index. */
const WALK_FROM = 1000;

const tsquery = (query: string) => Prisma.sql`to_tsquery('simple', unaccent(${query}))`;

export async function searchPostgres(db: PrismaClient, terms: string[], filters: ClaimFilters, page: PageRequest): Promise<SearchPage> {
  const words = terms.filter((term) => tsqueryPhrase(term) !== "");
  if (words.length === 0) return { ids: [], total: 0, totalIsCapped: false };
  const withFilters = hasClaimFilters(filters);
  const from = (query: string) => {
    const where = Prisma.join([Prisma.sql`s."isPublished"`, Prisma.sql`s."document" @@ ${tsquery(query)}`, ...filterSql(filters)], " AND ");
    return withFilters
      ? Prisma.sql`FROM "ClaimSearch" s JOIN "Claim" c ON c."id" = s."claimId" WHERE ${where}`
      : Prisma.sql`FROM "ClaimSearch" s WHERE ${where}`;
  };

  const count = async (query: string, limit: number) => {
    const rows = await db.$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS total FROM (SELECT 1 ${from(query)} LIMIT ${limit}) m`;
    return Number(rows[0]?.total ?? 0);
  };

  const [ids, total] = await Promise.all([
    walkRanks(page, async (rank, limit) => {
      const query = rankTsquery(words, rank);
      // Newest first either way; the question is how. A rank with many matches is walked down
      // the "seq" index, testing each row, and stops at the page's end; one with few is found
      // through the GIN index and sorted, since walking would read most of the table to find
      // them. PostgreSQL cannot tell which from a prefix tsquery's statistics, so it is asked:
      // a count that stops at WALK_FROM (`seq + 0` keeps the planner off the seq index).
      const isDense = (await count(query, WALK_FROM + 1)) > WALK_FROM;
      const order = isDense ? Prisma.sql`s."seq" DESC` : Prisma.sql`s."seq" + 0 DESC`;
      const rows = await db.$queryRaw<{ id: string }[]>`SELECT s."claimId" AS id ${from(query)} ORDER BY ${order} LIMIT ${limit}`;
      return rows.map((r) => r.id);
    }),
    countRanks(page, (form, limit) => count(allTermsIn(words, TIERS.at(-1)!, form), limit)),
  ]);
  return { ids, ...total };
}

/**
 * Similar claims (./similar.ts): the claims whose summary, claimant or text (weights A, B, C)
 * hold one term, in any of its written forms, as whole words. Unordered, the GIN index answers
 * and stops at the limit; newest first is asked only of a common word, which the walk down
 * "seq" finds at once (a rare one could read the whole table that way, ADR 023).
 */
export const similarTermPostgres: SimilarEngine = {
  isNewestFirstFree: false,
  async matchesEach(db, queries) {
    if (queries.length === 0) return [];
    const reads = queries.map((query, term) => {
      const forms = query.phrases.map((pieces) => `(${pieces.map((piece) => `${piece}:ABC`).join(" <-> ")})`).join(" | ");
      const published = query.isPublishedOnly ? Prisma.sql`AND s."isPublished"` : Prisma.empty;
      const order = query.isNewestFirst ? Prisma.sql`ORDER BY s."seq" DESC` : Prisma.empty;
      return Prisma.sql`SELECT ${term}::int AS term, (SELECT string_agg(t.key::text, ',') FROM (SELECT s."seq" AS key FROM "ClaimSearch" s WHERE s."document" @@ ${tsquery(forms)} ${published} ${order} LIMIT ${query.limit}) t) AS keys`;
    });
    return byTerm(queries.length, await db.$queryRaw<{ term: number | bigint; keys: string | null }[]>`${Prisma.join(reads, " UNION ALL ")}`);
  },
  async candidatesOf(db, keys) {
    if (keys.length === 0) return [];
    return keyed(await db.$queryRaw<RawSimilarRow[]>`
      SELECT x."seq" AS "key", ${SIMILAR_ROW_COLUMNS}
      FROM "ClaimSearch" x JOIN "Claim" c ON c."id" = x."claimId" JOIN "Claimant" cl ON cl."id" = c."claimantId" JOIN "Story" s ON s."id" = c."storyId"
      WHERE x."seq" IN (${Prisma.join(keys)})`);
  },
  /**
   * The current snapshot (xmin:xmax:in-progress ids): every transaction that wrote, in any
   * session or process, changes it as it ends (xmax moves past it or it leaves the in-progress
   * list), no text comes back once left, and two equal ones see the same commits. Reads take
   * no transaction id, so they leave it alone.
   */
  async writeToken(db) {
    const [row] = await db.$queryRaw<{ token: string }[]>`SELECT pg_current_snapshot()::text AS token`;
    return row!.token;
  },
};
