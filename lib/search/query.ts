import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/validation/claim-query";

/**
 * What both engines' searches share (docs/decisions/013-full-text-search.md,
 * 023-fast-first-search.md): the index's four text columns, the tiers that rank a match by
 * where its words were found, the capped count and the filters, in SQL both engines read alike.
 */
export const COLUMNS = ["summary", "claimant", "text", "quotes"] as const;
export type SearchColumn = (typeof COLUMNS)[number];

/**
 * The ranking, best first: a claim is in the first tier whose columns hold every word of the
 * query (all in the summary; else all in the summary or the claimant's name; else also the
 * text; else anywhere, quotes included). Within a tier, the claim added last comes first. Each
 * tier is a plain index lookup walked newest first, so a page reads only its own rows.
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
 * The page's ids, tier by tier: each tier is asked for as many of its newest matches as the
 * page still needs, and a tier is not asked at all once the page is full.
 */
export async function walkTiers(page: PageRequest, readTier: (tier: number, limit: number) => Promise<string[]>): Promise<string[]> {
  const needed = page.offset + page.limit;
  const ids: string[] = [];
  for (let tier = 0; tier < TIERS.length && ids.length < needed; tier++) {
    ids.push(...(await readTier(tier, needed - ids.length)));
  }
  return ids.slice(page.offset);
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
