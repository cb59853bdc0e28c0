import { randomUUID } from "node:crypto";
import { connectionMark } from "@/lib/db/sqlite";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/validation/claim-query";
import {
  byTerm,
  countRanks,
  ENDS_IN_APOSTROPHE_SUFFIX,
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
 * Search on SQLite: the FTS5 index "ClaimSearch", one document per claim keyed by the claim's
 * rowid, with its summary, its claimant's name, its text and the quotes on its links as four
 * columns, and a fifth, "facets", with what the filters ask (published, status, story,
 * claimant, sources) as words.
 * Triggers (prisma/migrations/20261204150000_fast_first_search) keep it in step with every
 * write. The one module with FTS5 SQL.
 */

/**
 * One search term as an FTS5 query: always a double-quoted string (quotes doubled), so nothing
 * a reader types is read as FTS5 syntax (AND, OR, NOT, NEAR, *, ^, column filters). FTS5 splits
 * the string into the index's tokens itself ("$139.3m" becomes the phrase "139" "3m"). In the
 * "prefix" form a trailing `*` makes the last token a prefix, so a word still being typed
 * matches; FTS5 then merges every word with that start, which is what costs.
 */
export function matchPhrase(term: string, form: WordForm = "prefix"): string {
  const quoted = `"${term.replaceAll('"', '""')}"`;
  // Without this, "microsoft's" would be the phrase "microsoft" "s*" and find "Microsoft says".
  return form === "whole" || ENDS_IN_APOSTROPHE_SUFFIX.test(term) ? quoted : `${quoted}*`;
}

/** Every term, each in one of `columns` (a column filter, so no term can match "facets"). */
function allTermsIn(terms: string[], columns: readonly SearchColumn[], form: WordForm): string {
  return terms
    .map((term) => `{${columns.join(" ")}} : (${termForms(term).map((written) => matchPhrase(written, form)).join(" OR ")})`)
    .join(" AND ");
}

/**
 * The "facets" column holds what the filters ask of a claim as words (the migration
 * 20261204150000_fast_first_search): 'published', and a letter then the value in hex for its
 * status, story, claimant and each linked source, so an id is always one whole word.
 */
const hexWord = (letter: string, value: string) => `"${letter}${Buffer.from(value, "utf8").toString("hex")}"`;

export function facetMatch(filters: ClaimFilters): string {
  const words = ['"published"'];
  if (filters.status) words.push(hexWord("s", filters.status));
  if (filters.story) words.push(hexWord("y", filters.story));
  if (filters.claimant) words.push(hexWord("c", filters.claimant));
  if (filters.source) words.push(hexWord("f", filters.source));
  return words.map((word) => `{facets} : ${word}`).join(" AND ");
}

/** The MATCH expression of rank `rank` (query.ts RANKS): its own matches, no earlier rank's. */
export function rankMatch(terms: string[], rank: number): string {
  return rankQuery(
    rank,
    (tier, form) => `(${allTermsIn(terms, TIERS[tier]!, form)})`,
    (query, excluded) => `(${query} NOT ${excluded})`,
  );
}

export async function searchSqlite(db: PrismaClient, terms: string[], filters: ClaimFilters, page: PageRequest): Promise<SearchPage> {
  // FTS5 walks a MATCH in rowid order (newest claim first with DESC) and stops at the LIMIT, so
  // neither a page nor the capped count reads past what it needs. The filters are words of the
  // same MATCH: Claim is read only for the ids of the page's rows.
  const facets = facetMatch(filters);
  const [ids, total] = await Promise.all([
    walkRanks(page, async (rank, limit) => {
      const match = `${rankMatch(terms, rank)} AND ${facets}`;
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT (SELECT "id" FROM "Claim" WHERE rowid = m.rowid) AS id
        FROM (SELECT rowid FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match} ORDER BY rowid DESC LIMIT ${limit}) m`;
      return rows.map((r) => r.id);
    }),
    countRanks(page, async (form, limit) => {
      const rows = await db.$queryRaw<{ total: bigint | number }[]>`
        SELECT COUNT(*) AS total FROM (
          SELECT 1 FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${`(${allTermsIn(terms, TIERS.at(-1)!, form)}) AND ${facets}`}
          LIMIT ${limit})`;
      return Number(rows[0]?.total ?? 0);
    }),
  ]);
  return { ids, ...total };
}

/**
 * The candidates of index keys, looked up by rowid and nothing else; what a caller does not want
 * is dropped after the read (lib/data/similar-claims.ts). ADR 030 measured SQLite, which keeps no
 * statistics, walking the duplicateOfId index over every claim (580 ms) when this read named its
 * claims by id beside a condition on that column. lib/search/index.test.ts holds the plan to
 * rowid and key lookups.
 */
export function similarCandidatesSql(keys: number[]): Prisma.Sql {
  return Prisma.sql`
    SELECT c.rowid AS "key", ${SIMILAR_ROW_COLUMNS}
    FROM "Claim" c JOIN "Claimant" cl ON cl."id" = c."claimantId" JOIN "Story" s ON s."id" = c."storyId"
    WHERE c.rowid IN (${Prisma.join(keys)})`;
}

/**
 * Similar claims (./similar.ts): the claims whose summary, claimant or text hold one term, in
 * any of its written forms, as whole words; drafts too unless only published claims are asked.
 * FTS5 walks a term's doclist from either end (newest first with `ORDER BY rowid DESC`) and stops
 * at the limit, so every read here is newest first at no extra cost.
 */
export const similarTermSqlite: SimilarEngine = {
  isNewestFirstFree: true,
  async matchesEach(db, queries) {
    if (queries.length === 0) return [];
    // Each term's capped read as a subquery: FTS5 still stops at each one's LIMIT.
    const reads = queries.map((query, term) => {
      const forms = query.phrases.map((pieces) => `"${pieces.join(" ").replaceAll('"', '""')}"`).join(" OR ");
      const match = `{summary claimant text} : (${forms})${query.isPublishedOnly ? ` AND {facets} : "published"` : ""}`;
      const order = query.isNewestFirst ? Prisma.sql`ORDER BY rowid DESC` : Prisma.empty;
      return Prisma.sql`SELECT ${term} AS term, (SELECT group_concat(key) FROM (SELECT rowid AS key FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${match} ${order} LIMIT ${query.limit})) AS keys`;
    });
    return byTerm(queries.length, await db.$queryRaw<{ term: number | bigint; keys: string | null }[]>`${Prisma.join(reads, " UNION ALL ")}`);
  },
  async candidatesOf(db, keys) {
    if (keys.length === 0) return [];
    return keyed(await db.$queryRaw<RawSimilarRow[]>(similarCandidatesSql(keys)));
  },
  /**
   * data_version changes when another connection (another process, a script) commits;
   * total_changes() counts every row this connection has written, the search index's included,
   * and a write rolled back too. With them, the connection's mark (lib/db/sqlite.ts): which
   * connection counted them, and how many transactions began or ended on it, since a statement
   * sent during a transaction sees its writes before they are committed or rolled back. A
   * client the app did not make, or a mark that moved while the token was read, gives a token
   * of its own that no other request reads: nothing is kept under it.
   */
  async writeToken(db) {
    const mark = connectionMark(db);
    const [row] = await db.$queryRaw<{ token: string }[]>`SELECT (SELECT "data_version" FROM pragma_data_version()) || '.' || total_changes() AS token`;
    return mark !== null && connectionMark(db) === mark ? `${mark}.${row!.token}` : `unkept.${randomUUID()}`;
  },
};
