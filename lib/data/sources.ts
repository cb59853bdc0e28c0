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
  claims: SourceBacklink[];
}

/** A source with every published claim that cites it; null when unknown or cited by no published claim. */
export async function getSource(id: string): Promise<SourceDetail | null> {
  const row = await db.source.findFirst({
    where: { id, ...CITED_BY_PUBLISHED },
    select: {
      ...SOURCE_FIELDS,
      capturedText: true,
      claims: {
        where: { claim: PUBLISHED_CLAIM },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          ...LINK_FIELDS,
          claim: {
            select: {
              id: true,
              summary: true,
              status: true,
              claimant: { select: { id: true, name: true } },
            },
          },
        },
      },
    },
  });
  if (!row) return null;
  const { capturedText, claims, ...rest } = row;
  return {
    ...rest,
    hasCapturedText: capturedText !== null && capturedText.length > 0,
    claims: claims.map((link) => ({
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

/** id and title of sources readers can see, for filter menus. */
export async function listSourceOptions(): Promise<{ id: string; title: string }[]> {
  return db.source.findMany({ where: CITED_BY_PUBLISHED, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } });
}
