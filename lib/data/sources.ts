import "server-only";
import { db } from "@/lib/db";
import { LINK_FIELDS, PUBLISHED_CLAIM, SOURCE_FIELDS } from "@/lib/data/selects";
import { toClaimStatus, type ClaimStatus } from "@/lib/domain/status";
import { checkQuote, type QuoteCheck } from "@/lib/quote-check";

/**
 * Readers see a source once a published claim cites it: a source added while checking a draft
 * may itself be sensitive (a leaked memo) until the check is published.
 */
const CITED_BY_PUBLISHED = { claims: { some: { claim: PUBLISHED_CLAIM } } };

export interface SourceBacklink {
  id: string;
  relation: string;
  quote: string;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  note: string | null;
  quoteCheck: QuoteCheck;
  claim: {
    id: string;
    summary: string;
    status: ClaimStatus;
    claimant: { id: string; name: string };
  };
}

export interface SourceDetail {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  archivedUrl: string | null;
  kind: string;
  description: string;
  publishedAt: Date | null;
  publishedAtPrecision: string;
  hasCapturedText: boolean;
  /** The first SOURCE_BACKLINK_LIMIT links from published claims, oldest first. */
  claims: SourceBacklink[];
  /** How many links from published claims there are in all: a claim may cite a source twice (two quotes, or "supported by" and "disputed by"). */
  backlinkCount: number;
  /** How many published claims cite it, each once, as the claims list filtered by it counts them. */
  claimCount: number;
}

/**
 * A source page shows this many citing claims; the rest are one link away, in the paged claims
 * list filtered by the source (the same 25 a page as every list). A wire story cited by thousands
 * of claims stays one small page: at 100 the page was 264 kB and served 55–66 requests a second
 * from the cache on 2 cores, a quarter of what the claim page serves (docs/performance.md).
 */
export const SOURCE_BACKLINK_LIMIT = 25;

/** A source with the first published claims that cite it; null when unknown or cited by no published claim. */
export async function getSource(id: string): Promise<SourceDetail | null> {
  // Three plain reads, each on an index: Prisma's nested form of the same (a relation filter,
  // count and page under the source) took seconds at 300,000 links, as did a `some` filter.
  const ofPublished = { sourceId: id, claim: PUBLISHED_CLAIM };
  const [source, [counted], links] = await Promise.all([
    db.source.findUnique({ where: { id }, select: { ...SOURCE_FIELDS, capturedText: true } }),
    // Links and the claims they come from, in one read along (sourceId, claimId).
    db.$queryRaw<{ links: number | bigint; claims: number | bigint }[]>`
      SELECT COUNT(*) AS "links", COUNT(DISTINCT cs."claimId") AS "claims"
      FROM "ClaimSource" cs JOIN "Claim" c ON c."id" = cs."claimId"
      WHERE cs."sourceId" = ${id} AND c."publishedAt" IS NOT NULL`,
    db.claimSource.findMany({
      where: ofPublished,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: SOURCE_BACKLINK_LIMIT,
      select: {
        ...LINK_FIELDS,
        claim: { select: { id: true, summary: true, status: true, claimant: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  const linkCount = Number(counted?.links ?? 0);
  if (!source || linkCount === 0) return null;
  const { capturedText, ...rest } = source;
  return {
    ...rest,
    backlinkCount: linkCount,
    claimCount: Number(counted?.claims ?? 0),
    hasCapturedText: capturedText !== null && capturedText.length > 0,
    claims: links.map((link) => ({
      ...link,
      quoteCheck: checkQuote(link.quote, capturedText),
      claim: { ...link.claim, status: toClaimStatus(link.claim.status) },
    })),
  };
}

export interface SourceListItem {
  id: string;
  title: string;
  publisher: string | null;
  kind: string;
  publishedAt: Date | null;
  publishedAtPrecision: string;
  claimCount: number;
}

/** Sources cited by published claims, with how many, by title. */
export async function listSources(): Promise<SourceListItem[]> {
  const rows = await db.source.findMany({
    where: CITED_BY_PUBLISHED,
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      publisher: true,
      kind: true,
      publishedAt: true,
      publishedAtPrecision: true,
      claims: { where: { claim: PUBLISHED_CLAIM }, select: { claimId: true } },
    },
  });
  return rows.map(({ claims, ...rest }) => ({ ...rest, claimCount: new Set(claims.map((c) => c.claimId)).size }));
}

/**
 * A menu longer than this is no use to choose from and weighs down every page that shows it:
 * past it, the claims list offers no menu and readers filter from a source's or claimant's page.
 */
export const FILTER_MENU_LIMIT = 200;

/** id and title of sources readers can see, for filter menus; null when there are too many for a menu. */
export async function listSourceOptions(): Promise<{ id: string; title: string }[] | null> {
  const rows = await db.source.findMany({ where: CITED_BY_PUBLISHED, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true }, take: FILTER_MENU_LIMIT + 1 });
  return rows.length > FILTER_MENU_LIMIT ? null : rows;
}

/** A source's title, for naming an active filter; null unless a published claim cites it. */
export async function getSourceTitle(id: string): Promise<string | null> {
  const row = await db.source.findUnique({ where: { id }, select: { title: true, _count: { select: { claims: { where: { claim: PUBLISHED_CLAIM } } } } } });
  return row && row._count.claims > 0 ? row.title : null;
}
