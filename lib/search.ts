import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { ClaimFilters } from "@/lib/validation/claim-query";

/**
 * Claim search: the one module that knows how search runs. Today it scores LIKE matches in
 * SQLite; the full-text index (FTS5) replaces the SQL here without touching any caller.
 *
 * Every word must match somewhere (summary, text, claimant name or a quote). Ranking weighs
 * where it matched: the summary is what the claim is about, then the claimant, the verbatim
 * text, and last the quotes in sources.
 */
const MAX_TERMS = 8;
const WEIGHT = { summary: 8, claimant: 4, text: 2, quote: 1 } as const;

/** Lower-cased words of the query, punctuation dropped, duplicates removed. */
export function searchTerms(query: string): string[] {
  const words = query
    .toLowerCase()
    .normalize("NFKC")
    .split(/[^\p{L}\p{N}$%.'’-]+/u)
    .map((w) => w.replace(/^[.'’-]+|[.'’-]+$/g, ""))
    .filter((w) => w.length > 0);
  return [...new Set(words)].slice(0, MAX_TERMS);
}

/** A LIKE pattern matching the word anywhere, with LIKE's own wildcards escaped. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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

function quoteMatch(pattern: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "ClaimSource" q WHERE q."claimId" = c."id" AND q."quote" LIKE ${pattern} ESCAPE '\\')`;
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
  const terms = searchTerms(query);
  if (terms.length === 0) return { ids: [], total: 0 };

  const where = filterSql(filters);
  const scores: Prisma.Sql[] = [];
  for (const term of terms) {
    const p = likePattern(term);
    const inSummary = Prisma.sql`c."summary" LIKE ${p} ESCAPE '\\'`;
    const inText = Prisma.sql`c."text" LIKE ${p} ESCAPE '\\'`;
    const inClaimant = Prisma.sql`cl."name" LIKE ${p} ESCAPE '\\'`;
    const inQuote = quoteMatch(p);
    where.push(Prisma.sql`(${inSummary} OR ${inText} OR ${inClaimant} OR ${inQuote})`);
    scores.push(
      Prisma.sql`((${inSummary}) * ${WEIGHT.summary} + (${inClaimant}) * ${WEIGHT.claimant} + (${inText}) * ${WEIGHT.text} + (${inQuote}) * ${WEIGHT.quote})`,
    );
  }
  const whereSql = Prisma.join(where, " AND ");
  const from = Prisma.sql`FROM "Claim" c JOIN "Claimant" cl ON cl."id" = c."claimantId" WHERE ${whereSql}`;

  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ id: string }[]>`
      SELECT c."id" AS id, ${Prisma.join(scores, " + ")} AS score ${from}
      ORDER BY score DESC, c."publishedAt" DESC, c."id" DESC
      LIMIT ${page.limit} OFFSET ${page.offset}`,
    db.$queryRaw<{ total: bigint | number }[]>`SELECT COUNT(*) AS total ${from}`,
  ]);
  return { ids: rows.map((r) => r.id), total: Number(counted[0]?.total ?? 0) };
}
