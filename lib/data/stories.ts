import "server-only";
import { db } from "@/lib/db";
import { PUBLISHED_CLAIM } from "@/lib/data/selects";
import { CLAIM_STATUSES, toClaimStatus, type ClaimStatus } from "@/lib/domain/status";

export interface StoryClaim {
  id: string;
  summary: string;
  status: ClaimStatus;
  claimant: { id: string; name: string };
  sourceCount: number;
}

export interface StoryWithClaims {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** Archived by the desk: shown as such on its page, left out of lists and menus (ADR 024). */
  isArchived: boolean;
  claims: StoryClaim[];
  /** All published claims in the story; `claims` may hold only the first of them. */
  publishedClaimCount: number;
}

const PUBLISHED_CLAIMS = PUBLISHED_CLAIM;

function storySelect(claimLimit: number) {
  return {
  id: true,
  slug: true,
  title: true,
  summary: true,
  archivedAt: true,
  _count: { select: { claims: { where: PUBLISHED_CLAIMS } } },
  claims: {
    where: PUBLISHED_CLAIMS,
    // The order the claims were recorded in, which for an imported story is the article's.
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    take: claimLimit,
    select: {
      id: true,
      summary: true,
      status: true,
      claimant: { select: { id: true, name: true } },
      sources: { select: { sourceId: true } },
    },
  },
  };
}

type StoryRow = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  archivedAt: Date | null;
  _count: { claims: number };
  claims: { id: string; summary: string; status: string; claimant: { id: string; name: string }; sources: { sourceId: string }[] }[];
};

function toStory({ _count, archivedAt, ...row }: StoryRow): StoryWithClaims {
  return {
    ...row,
    isArchived: archivedAt !== null,
    publishedClaimCount: _count.claims,
    claims: row.claims.map(({ sources, status, ...claim }) => ({
      ...claim,
      status: toClaimStatus(status),
      sourceCount: new Set(sources.map((s) => s.sourceId)).size,
    })),
  };
}

/** Stories readers are shown in lists and menus: not archived, with a published claim. */
const CURRENT_STORY = { archivedAt: null, claims: { some: PUBLISHED_CLAIMS } };

/** The newest current stories, each with its first published claims. */
export async function listStoriesWithClaims(limits: { stories: number; claimsPerStory: number }): Promise<StoryWithClaims[]> {
  const rows = await db.story.findMany({
    where: CURRENT_STORY,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limits.stories,
    select: storySelect(limits.claimsPerStory),
  });
  return rows.map(toStory);
}

/** A story with its first published claims; null when unknown or when nothing in it is published. */
export async function getStoryBySlug(slug: string, claimLimit: number): Promise<StoryWithClaims | null> {
  const row = await db.story.findUnique({ where: { slug }, select: storySelect(claimLimit) });
  if (!row || row.claims.length === 0) return null;
  return toStory(row);
}

/**
 * The current address of the story that had `slug` before it was renamed, when readers may see
 * that story (it has a published claim); null otherwise. Several renames lead to the latest.
 */
export async function findStoryAddress(slug: string): Promise<string | null> {
  const row = await db.storyOldSlug.findUnique({ where: { slug }, select: { story: { select: { slug: true, claims: { where: PUBLISHED_CLAIMS, take: 1, select: { id: true } } } } } });
  return row && row.story.claims.length > 0 ? row.story.slug : null;
}

/** id and title of current stories, for filter menus. */
export async function listStoryOptions(): Promise<{ id: string; title: string }[]> {
  return db.story.findMany({
    where: CURRENT_STORY,
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
}

/**
 * An archived story readers may see, by id: the claims list names it in its menu only while it is
 * the filter asked for (the archived story's page links to its claims there).
 */
export async function getArchivedStoryOption(id: string): Promise<{ id: string; title: string } | null> {
  return db.story.findFirst({ where: { id, archivedAt: { not: null }, claims: { some: PUBLISHED_CLAIMS } }, select: { id: true, title: true } });
}

/** How many of a story's published claims have each status (drafts never count): its verdict breakdown. */
export async function countStoryStatuses(storyId: string): Promise<Record<ClaimStatus, number>> {
  const rows = await db.claim.groupBy({ by: ["status"], where: { storyId, ...PUBLISHED_CLAIMS }, _count: { _all: true } });
  const counts = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
  for (const row of rows) counts[toClaimStatus(row.status)] += row._count._all;
  return counts;
}
