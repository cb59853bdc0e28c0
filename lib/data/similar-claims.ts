import "server-only";
import { databaseEngine } from "@/lib/database-url";
import { db } from "@/lib/db";
import { STATUS_INFO, toClaimStatus, type ClaimStatus } from "@/lib/domain/status";
import { findSimilarWith, type SimilarRow } from "@/lib/search/similar";

// "Seen before?" on the desk and "Related claims" for readers
// (docs/decisions/030-seen-before-duplicates-related.md). A claim marked as a duplicate is never
// suggested: its original is, and it stands for both. What a caller does not want (duplicates,
// the claim itself, drafts for readers) is left out of the candidates once read by their index
// keys, never by a condition in that read (lib/search/sqlite.ts says why).

/** How many similar claims the desk and readers are shown. */
export const SIMILAR_LIMIT = 5;

/** What the desk may be suggested: drafts too, never a duplicate, nor the claims left out. */
export function wantedOnDesk(excludeIds: string[]): (row: Pick<SimilarRow, "id" | "duplicateOfId">) => boolean {
  const excluded = new Set(excludeIds);
  return (row) => row.duplicateOfId === null && !excluded.has(row.id);
}

/**
 * What readers of claim `claimId` may be shown: published claims only, as the row read says (the
 * index's word for it may be a moment behind a claim unpublished since), never a duplicate, never
 * the claim itself.
 */
export function wantedByReaders(claimId: string): (row: Pick<SimilarRow, "id" | "duplicateOfId" | "publishedAt">) => boolean {
  return (row) => row.publishedAt !== null && row.duplicateOfId === null && row.id !== claimId;
}

export interface DeskSimilarClaim {
  id: string;
  summary: string;
  status: ClaimStatus;
  isPublished: boolean;
  storyTitle: string;
  statusLabel: string;
  /** Its desk page. */
  url: string;
  /** The share of the text's significant words and figures the claim holds, 0 to 1. */
  score: number;
}

/**
 * Claims on the desk (drafts too) that look like `text`, best first, leaving out `excludeIds`
 * (the claim itself and its duplicates, on its own page) and every claim marked as a duplicate.
 */
export async function findSimilarClaims(text: string, excludeIds: string[] = [], limit = SIMILAR_LIMIT): Promise<DeskSimilarClaim[]> {
  const scored = await findSimilarWith(db, databaseEngine(), text, { limit, isPublishedOnly: false, isWanted: wantedOnDesk(excludeIds) });
  return scored.map((row) => ({
    id: row.id,
    summary: row.summary,
    status: toClaimStatus(row.status),
    isPublished: row.publishedAt !== null,
    storyTitle: row.storyTitle,
    statusLabel: STATUS_INFO[toClaimStatus(row.status)].label,
    url: `/desk/claims/${encodeURIComponent(row.id)}`,
    score: row.score,
  }));
}

export interface RelatedClaim {
  id: string;
  summary: string;
  status: ClaimStatus;
}

/**
 * Published claims that look like the published claim `claim`, for its reader page: never a
 * draft (the index's "published" word and the read's own filter both say so), never the claim
 * itself, never a duplicate.
 */
export async function listRelatedClaims(claim: { id: string; summary: string; text: string }, limit = SIMILAR_LIMIT): Promise<RelatedClaim[]> {
  const scored = await findSimilarWith(db, databaseEngine(), `${claim.summary} ${claim.text}`, { limit, isPublishedOnly: true, isWanted: wantedByReaders(claim.id) });
  return scored.map((row) => ({ id: row.id, summary: row.summary, status: toClaimStatus(row.status) }));
}

/** The claims marked as duplicates of claim `id`. */
export async function listDuplicateIds(id: string): Promise<string[]> {
  const rows = await db.claim.findMany({ where: { duplicateOfId: id }, select: { id: true } });
  return rows.map((row) => row.id);
}
