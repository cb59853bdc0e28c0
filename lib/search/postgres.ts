import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/validation/claim-query";
import { COLUMN_WEIGHTS, COLUMNS, ENDS_IN_APOSTROPHE_SUFFIX, filterSql, type PageRequest, type SearchColumn, type SearchPage } from "./query";

/**
 * Search on PostgreSQL: the table "ClaimSearch", one tsvector per claim, its summary, claimant's
 * name, text and quotes weighted A, B, C, D, kept in step by triggers
 * (prisma/postgres/migrations/20261204120200_claim_search). The one module with its SQL.
 * The same meaning as on SQLite: every word must match, as a word or the start of one, case
 * and accents folded (unaccent on both sides), ranked by where each word matched.
 */
const WEIGHT_LABELS: Record<SearchColumn, "A" | "B" | "C" | "D"> = { summary: "A", claimant: "B", text: "C", quotes: "D" };

/**
 * One search term as a tsquery: its letters-and-digits pieces in a row (`<->`), as FTS5 reads
 * a quoted string, the last one a prefix (`:*`) unless the term ends in an apostrophe suffix.
 * Only letters and digits reach to_tsquery, so nothing a reader types is read as its syntax.
 * With `column`, each piece must be in that column (`:A` … `:D`).
 */
export function tsqueryPhrase(term: string, column?: SearchColumn): string {
  const pieces = term.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const label = column ? WEIGHT_LABELS[column] : "";
  const isWhole = ENDS_IN_APOSTROPHE_SUFFIX.test(term);
  return pieces
    .map((piece, i) => (i === pieces.length - 1 && !isWhole ? `${piece}:*${label}` : label ? `${piece}:${label}` : piece))
    .join(" <-> ");
}

const tsquery = (query: string) => Prisma.sql`to_tsquery('simple', unaccent(${query}))`;

export async function searchPostgres(db: PrismaClient, terms: string[], filters: ClaimFilters, page: PageRequest): Promise<SearchPage> {
  const words = terms.filter((term) => tsqueryPhrase(term) !== "");
  if (words.length === 0) return { ids: [], total: 0 };
  const match = words.map((term) => `(${tsqueryPhrase(term)})`).join(" & ");
  const score = Prisma.join(
    words.flatMap((term) =>
      COLUMNS.map((column) => Prisma.sql`(CASE WHEN s."document" @@ ${tsquery(tsqueryPhrase(term, column))} THEN ${COLUMN_WEIGHTS[column]}::int ELSE 0 END)`),
    ),
    " + ",
  );
  const whereSql = Prisma.join([Prisma.sql`s."document" @@ ${tsquery(match)}`, ...filterSql(filters)], " AND ");
  const from = Prisma.sql`FROM "ClaimSearch" s JOIN "Claim" c ON c."id" = s."claimId" WHERE ${whereSql}`;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT c."id" AS id, ${score} AS score ${from}
      ORDER BY score DESC, c."publishedAt" DESC, c."id" DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`,
    db.$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS total ${from}`,
  ]);
  return { ids: rows.map((r) => r.id), total: Number(counted[0]?.total ?? 0) };
}
