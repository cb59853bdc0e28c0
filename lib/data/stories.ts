import "server-only";
import { db } from "@/lib/db";
import { PUBLISHED_CLAIM } from "@/lib/data/selects";
import { toClaimStatus, type ClaimStatus } from "@/lib/domain/status";

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
  _count: { claims: number };
  claims: { id: string; summary: string; status: string; claimant: { id: string; name: string }; sources: { sourceId: string }[] }[];
};

function toStory({ _count, ...row }: StoryRow): StoryWithClaims {
  return {
    ...row,
    publishedClaimCount: _count.claims,
    claims: row.claims.map(({ sources, status, ...claim }) => ({
      ...claim,
      status: toClaimStatus(status),
      sourceCount: new Set(sources.map((s) => s.sourceId)).size,
    })),
  };
}

/** The newest stories that have published claims, each with its first published claims. */
export async function listStoriesWithClaims(limits: { stories: number; claimsPerStory: number }): Promise<StoryWithClaims[]> {
  const rows = await db.story.findMany({
    where: { claims: { some: PUBLISHED_CLAIMS } },
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

/** id and title of stories with published claims, for filter menus. */
export async function listStoryOptions(): Promise<{ id: string; title: string }[]> {
  return db.story.findMany({
    where: { claims: { some: PUBLISHED_CLAIMS } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
}
