import { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimFilters } from "@/lib/validation/claim-query";

/**
 * What both engines' searches share (docs/decisions/013-full-text-search.md): the index's four
 * columns with the weight of a word found in each, and the filters, in SQL both engines read alike.
 */
export const COLUMN_WEIGHTS = { summary: 8, claimant: 4, text: 2, quotes: 1 } as const;
export type SearchColumn = keyof typeof COLUMN_WEIGHTS;
export const COLUMNS = Object.keys(COLUMN_WEIGHTS) as SearchColumn[];

export interface SearchPage {
  ids: string[];
  total: number;
}

export interface PageRequest {
  offset: number;
  limit: number;
}

/** A word ending in an apostrophe suffix ("ice's", "don't"): that suffix is whole, not a prefix. */
export const ENDS_IN_APOSTROPHE_SUFFIX = /['’]\p{L}+$/u;

/** Conditions on the claim `c`: published, and the filters chosen. */
export function filterSql(filters: ClaimFilters): Prisma.Sql[] {
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
