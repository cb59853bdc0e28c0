import "server-only";
import { db } from "@/lib/db";
import { FILTER_MENU_LIMIT } from "@/lib/data/sources";
import { PUBLISHED_CLAIM } from "@/lib/data/selects";

export interface ClaimantDetail {
  id: string;
  name: string;
  kind: string;
  description: string;
  url: string | null;
  publishedClaimCount: number;
}

/** A claimant, or null when unknown. Their claims are read with listClaims({ claimant }). */
export async function getClaimant(id: string): Promise<ClaimantDetail | null> {
  const row = await db.claimant.findUnique({
    where: { id },
    select: {
      id: true,
      name: true,
      kind: true,
      description: true,
      url: true,
      _count: { select: { claims: { where: PUBLISHED_CLAIM } } },
    },
  });
  // Readers meet a claimant through a published claim: one with drafts only is not theirs to see.
  if (!row || row._count.claims === 0) return null;
  const { _count, ...rest } = row;
  return { ...rest, publishedClaimCount: _count.claims };
}

export interface ClaimantListItem {
  id: string;
  name: string;
  kind: string;
  publishedClaimCount: number;
}

/** id and name of claimants with a published claim, by name, for filter menus; null when too many for one. */
export async function listClaimantOptions(): Promise<{ id: string; name: string }[] | null> {
  const rows = await db.claimant.findMany({ where: { claims: { some: PUBLISHED_CLAIM } }, orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true }, take: FILTER_MENU_LIMIT + 1 });
  return rows.length > FILTER_MENU_LIMIT ? null : rows;
}

/** A claimant's name, for naming an active filter; null unless they have a published claim. */
export async function getClaimantName(id: string): Promise<string | null> {
  const row = await db.claimant.findUnique({ where: { id }, select: { name: true, _count: { select: { claims: { where: PUBLISHED_CLAIM } } } } });
  return row && row._count.claims > 0 ? row.name : null;
}

/** Claimants with at least one published claim, by name. */
export async function listClaimants(): Promise<ClaimantListItem[]> {
  const rows = await db.claimant.findMany({
    where: { claims: { some: PUBLISHED_CLAIM } },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      kind: true,
      _count: { select: { claims: { where: PUBLISHED_CLAIM } } },
    },
  });
  return rows.map(({ _count, ...rest }) => ({ ...rest, publishedClaimCount: _count.claims }));
}
