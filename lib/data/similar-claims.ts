import "server-only";
import { databaseEngine } from "@/lib/database-url";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PUBLISHED_CLAIM } from "@/lib/data/selects";
import { STATUS_INFO, toClaimStatus, type ClaimStatus } from "@/lib/domain/status";
import { findSimilarIdsWith, type SimilarCandidate } from "@/lib/search/similar";

// "Seen before?" on the desk and "Related claims" for readers
// (docs/decisions/030-seen-before-duplicates-related.md). A claim marked as a duplicate is never
// suggested: its original is, and it stands for both.

/** How many similar claims the desk and readers are shown. */
export const SIMILAR_LIMIT = 5;

const candidateSelect = {
  id: true,
  duplicateOfId: true,
  summary: true,
  text: true,
  createdAt: true,
  status: true,
  publishedAt: true,
  claimant: { select: { name: true } },
  story: { select: { title: true } },
} satisfies Prisma.ClaimSelect;

type CandidateRow = Prisma.ClaimGetPayload<{ select: typeof candidateSelect }>;

/**
 * Reads the candidates by id for scoring, and keeps what the answer shows of each, so the few
 * shown need no read of their own. Duplicates are dropped here, not in the WHERE: with
 * "duplicateOfId" IS NULL there, SQLite (no statistics) reads the claims through the
 * duplicateOfId index, all 100,000 of them (580 ms measured), instead of the 45 by their ids.
 * AND, not a spread: `where` may hold its own condition on the id (the claim itself left out),
 * which would replace `in` and read every claim.
 */
function candidateReader(where: Prisma.ClaimWhereInput) {
  const read = new Map<string, CandidateRow>();
  return {
    read,
    readCandidates: async (ids: string[]): Promise<SimilarCandidate[]> => {
      const rows = await db.claim.findMany({ where: { AND: [{ id: { in: ids } }, where] }, select: candidateSelect });
      return rows
        .filter((row) => row.duplicateOfId === null)
        .map((row) => {
          read.set(row.id, row);
          return { id: row.id, summary: row.summary, text: row.text, createdAt: row.createdAt, claimantName: row.claimant.name };
        });
    },
  };
}

/** The rows read for the scored ids, in the scores' order, each with its score. */
function ordered(read: Map<string, CandidateRow>, scored: { id: string; score: number }[]): (CandidateRow & { score: number })[] {
  return scored.flatMap(({ id, score }) => {
    const row = read.get(id);
    return row ? [{ ...row, score }] : [];
  });
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
  const where: Prisma.ClaimWhereInput = excludeIds.length > 0 ? { id: { notIn: excludeIds } } : {};
  const { read, readCandidates } = candidateReader(where);
  const scored = await findSimilarIdsWith(db, databaseEngine(), text, { limit, isPublishedOnly: false, readCandidates });
  return ordered(read, scored).map((row) => ({
    id: row.id,
    summary: row.summary,
    status: toClaimStatus(row.status),
    isPublished: row.publishedAt !== null,
    storyTitle: row.story.title,
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
  const { read, readCandidates } = candidateReader({ id: { not: claim.id }, ...PUBLISHED_CLAIM });
  const scored = await findSimilarIdsWith(db, databaseEngine(), `${claim.summary} ${claim.text}`, { limit, isPublishedOnly: true, readCandidates });
  return ordered(read, scored).map((row) => ({ id: row.id, summary: row.summary, status: toClaimStatus(row.status) }));
}

/** The claims marked as duplicates of claim `id`. */
export async function listDuplicateIds(id: string): Promise<string[]> {
  const rows = await db.claim.findMany({ where: { duplicateOfId: id }, select: { id: true } });
  return rows.map((row) => row.id);
}
