import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/validation/claim-query";
import { COLUMN_WEIGHTS, COLUMNS, ENDS_IN_APOSTROPHE_SUFFIX, filterSql, type PageRequest, type SearchColumn, type SearchPage } from "./query";

/**
 * Search on SQLite: the FTS5 index "ClaimSearch", one document per claim keyed by the claim's
 * rowid, with its summary, its claimant's name, its text and the quotes on its links as four
 * columns. Triggers (prisma/migrations/20261129231000_claim_search) keep it in step with every
 * write. The one module with FTS5 SQL.
 */

/**
 * One search term as an FTS5 query: always a double-quoted string (quotes doubled), so nothing
 * a reader types is read as FTS5 syntax (AND, OR, NOT, NEAR, *, ^, column filters). FTS5 splits
 * the string into the index's tokens itself ("$139.3m" becomes the phrase "139" "3m"), and the
 * trailing `*` makes the last token a prefix, so a word still being typed matches.
 */
export function matchPhrase(term: string): string {
  const quoted = `"${term.replaceAll('"', '""')}"`;
  // Without this, "microsoft's" would be the phrase "microsoft" "s*" and find "Microsoft says".
  return ENDS_IN_APOSTROPHE_SUFFIX.test(term) ? quoted : `${quoted}*`;
}

/**
 * The weight of `term` if the document has it in `column`, else 0. The subquery does not depend
 * on the row, so SQLite runs it once per search and looks each matching row up in its result.
 */
function columnScore(term: string, column: SearchColumn): Prisma.Sql {
  const inColumn = `{${column}} : ${matchPhrase(term)}`;
  return Prisma.sql`(s.rowid IN (SELECT rowid FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${inColumn})) * ${COLUMN_WEIGHTS[column]}`;
}

export async function searchSqlite(db: PrismaClient, terms: string[], filters: ClaimFilters, page: PageRequest): Promise<SearchPage> {
  // Each word anywhere in the document; the same words, column by column, give the score.
  // Not bm25(): it also weighs how often a word occurs and how long each column is, and so
  // reorders results the "where it matched" ranking puts in publication order (ADR 013).
  const match = terms.map(matchPhrase).join(" AND ");
  const score = Prisma.join(
    terms.flatMap((term) => COLUMNS.map((column) => columnScore(term, column))),
    " + ",
  );
  const whereSql = Prisma.join([Prisma.sql`s."ClaimSearch" MATCH ${match}`, ...filterSql(filters)], " AND ");
  const from = Prisma.sql`FROM "ClaimSearch" s JOIN "Claim" c ON c.rowid = s.rowid WHERE ${whereSql}`;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT c."id" AS id, ${score} AS score ${from}
      ORDER BY score DESC, c."publishedAt" DESC, c."id" DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`,
    db.$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS total ${from}`,
  ]);
  return { ids: rows.map((r) => r.id), total: Number(counted[0]?.total ?? 0) };
}
