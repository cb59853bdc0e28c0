import "server-only";
import { keptWhilePublishedUnchanged } from "@/lib/cache/kept";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { ClaimFilters } from "@/lib/validation/claim-query";

/**
 * Claim search: the one module that knows how search runs (docs/decisions/013-full-text-search.md).
 * It reads the FTS5 index "ClaimSearch": one document per claim, keyed by the claim's rowid,
 * with its summary, its claimant's name, its text and the quotes on its links as four columns.
 * Triggers (prisma/migrations/20261129231000_claim_search) keep it in step with every write.
 *
 * Every word must match somewhere, as a word or the start of one ("tripl" finds "tripled").
 * Ranking weighs where each word matched: the summary is what the claim is about, then the
 * claimant, the verbatim text, and last the quotes in sources; ties go to the newest publication.
 */
const MAX_TERMS = 8;
/** The index's columns, each with the weight of a word found in it. */
const COLUMN_WEIGHTS = { summary: 8, claimant: 4, text: 2, quotes: 1 } as const;
const COLUMNS = Object.keys(COLUMN_WEIGHTS) as (keyof typeof COLUMN_WEIGHTS)[];

/**
 * Lower-cased words of the query, punctuation dropped, duplicates removed. A word keeps the
 * `$ % . ' ’ -` inside it ("$139.3m", "ice's", "six-month"); a piece with no letter or digit
 * ("$", "%") is not a word, since the index holds letters and digits only.
 */
export function searchTerms(query: string): string[] {
  const words = query
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}$%.'’-]+/u)
    .map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, ""))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** A word ending in an apostrophe suffix ("ice's", "don't"): that suffix is whole, not a prefix. */
const ENDS_IN_APOSTROPHE_SUFFIX = /['’]\p{L}+$/u;

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

function filterSql(filters: ClaimFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`c."publishedAt" IS NOT NULL`];
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
 * The weight of `term` if the document has it in `column`, else 0. The subquery does not depend
 * on the row, so SQLite runs it once per search and looks each matching row up in its result.
 */
function columnScore(term: string, column: keyof typeof COLUMN_WEIGHTS): Prisma.Sql {
  const inColumn = `{${column}} : ${matchPhrase(term)}`;
  return Prisma.sql`(s.rowid IN (SELECT rowid FROM "ClaimSearch" WHERE "ClaimSearch" MATCH ${inColumn})) * ${COLUMN_WEIGHTS[column]}`;
}

export interface SearchPage {
  ids: string[];
  total: number;
}

/** Published claims matching every word of `query` and the filters, best first. */
export async function searchClaimIds(
  query: string,
  filters: ClaimFilters,
  page: { offset: number; limit: number },
): Promise<SearchPage> {
  return searchByTerms(searchTerms(query), filters, page);
}

async function searchByTerms(terms: string[], filters: ClaimFilters, page: { offset: number; limit: number }): Promise<SearchPage> {
  if (terms.length === 0) return { ids: [], total: 0 };

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

const keptSearch = keptWhilePublishedUnchanged(searchByTerms, "claim-search");

/**
 * searchClaimIds for readers' requests (the claims page and the API), kept in Next.js's data
 * cache: a word in a quarter of 100,000 claims takes about 200 ms to rank, and readers ask for
 * the same few names again and again. The answer is a page of ids and a total, which depends
 * only on which claims are published and what they say (lib/cache/kept.ts). It is kept by the
 * words, not their spelling or order ("ICE Microsoft" and "microsoft ice" are one entry), the
 * filters and the page. The claims themselves are read fresh for each request.
 */
export async function keptSearchClaimIds(
  query: string,
  filters: ClaimFilters,
  page: { offset: number; limit: number },
): Promise<SearchPage> {
  const terms = searchTerms(query);
  if (terms.length === 0) return { ids: [], total: 0 };
  const { status, claimant, story, source } = filters;
  // Every word must match and each adds its own score, so their order changes nothing.
  return keptSearch(terms.toSorted(), { status, claimant, story, source }, { offset: page.offset, limit: page.limit });
}
