import "server-only";
import { db } from "@/lib/db";
import { toClaimStatus, type ClaimStatus } from "@/lib/domain/status";
import { checkQuote, type QuoteCheck } from "@/lib/quote-check";

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

/** A source with every published claim that cites it; null when unknown. */
export async function getSource(id: string): Promise<SourceDetail | null> {
  const row = await db.source.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      publisher: true,
      author: true,
      url: true,
      archivedUrl: true,
      kind: true,
      description: true,
      publishedAt: true,
      publishedAtPrecision: true,
      capturedText: true,
      claims: {
        where: { claim: { publishedAt: { not: null } } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          relation: true,
          quote: true,
          quotePrefix: true,
          quoteSuffix: true,
          note: true,
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

/** Every source with how many published claims cite it, by title. */
export async function listSources(): Promise<SourceListItem[]> {
  const rows = await db.source.findMany({
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      publisher: true,
      kind: true,
      publishedAt: true,
      publishedAtPrecision: true,
      claims: { where: { claim: { publishedAt: { not: null } } }, select: { claimId: true } },
    },
  });
  return rows.map(({ claims, ...rest }) => ({ ...rest, claimCount: new Set(claims.map((c) => c.claimId)).size }));
}

/** id and title of every source, for filter menus. */
export async function listSourceOptions(): Promise<{ id: string; title: string }[]> {
  return db.source.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } });
}
