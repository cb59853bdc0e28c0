import "server-only";
import { db } from "@/lib/db";
import { firstVerdictDates } from "@/lib/data/exports";
import { PUBLISHED_CLAIM, SHOWN_ON_ITS_OWN_PAGE } from "@/lib/data/selects";
import { encodeCursor, type Cursor } from "@/lib/cursor";
import { isVerdict, toClaimStatus, verdictStatuses, type ClaimStatus } from "@/lib/domain/status";
import { parseStoredJson } from "@/lib/history";

export const CORRECTIONS_PAGE_SIZE = 50;

export interface CorrectionItem {
  id: string;
  createdAt: Date;
  note: string;
  previousStatus: ClaimStatus;
  newStatus: ClaimStatus;
  claim: { id: string; summary: string; claimant: { name: string }; story: { title: string; slug: string } };
}

const SELECT = {
  id: true,
  createdAt: true,
  note: true,
  previousStatus: true,
  newStatus: true,
  claim: { select: { id: true, summary: true, claimant: { select: { name: true } }, story: { select: { title: true, slug: true } } } },
} as const;

// A correction of a claim later unpublished is not shown: readers cannot open the claim.
const OF_PUBLISHED_CLAIMS = { claim: PUBLISHED_CLAIM };

/** Corrections of published claims, newest first, read by keyset (createdAt, id). */
export async function listCorrections(page: { cursor: Cursor | null; limit?: number }): Promise<{ items: CorrectionItem[]; nextCursor: string | null }> {
  const limit = page.limit ?? CORRECTIONS_PAGE_SIZE;
  const after = page.cursor?.p && page.cursor.id ? { p: new Date(page.cursor.p), id: page.cursor.id } : null;
  const rows = await db.correction.findMany({
    where: after
      ? { ...OF_PUBLISHED_CLAIMS, OR: [{ createdAt: { lt: after.p } }, { createdAt: after.p, id: { lt: after.id } }] }
      : OF_PUBLISHED_CLAIMS,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: SELECT,
  });
  const items = rows.slice(0, limit).map((row) => ({ ...row, previousStatus: toClaimStatus(row.previousStatus), newStatus: toClaimStatus(row.newStatus) }));
  const last = items.at(-1);
  const seen = (page.cursor?.n ?? 0) + items.length;
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ n: seen, p: last.createdAt.toISOString(), id: last.id }) : null };
}

export const FEED_SIZE = 50;

export type FeedItem =
  /** `date` is the first publication; `updated` moves when a correction changes what the entry says. */
  | { kind: "verdict"; date: Date; updated: Date; claim: FeedClaim }
  | { kind: "correction"; correctionId: string; date: Date; note: string; previousStatus: ClaimStatus; newStatus: ClaimStatus; claim: FeedClaim }
  /** A first rating given to a claim readers had seen pending (lib/public-record.ts). */
  | { kind: "update"; eventId: string; date: Date; reason: string; previousStatus: ClaimStatus; newStatus: ClaimStatus; claim: FeedClaim };

export interface FeedClaim {
  id: string;
  summary: string;
  status: ClaimStatus;
  statusReason: string;
  claimant: string;
  updatedAt: Date;
}

const FEED_CLAIM = { id: true, summary: true, status: true, statusReason: true, updatedAt: true, claimant: { select: { name: true } } } as const;

/**
 * The feed: published claims with a verdict, dated when readers first saw one (a republished
 * claim keeps its date, so it is announced once; one published "not checkable" and corrected to
 * a verdict is dated by that correction, as its ClaimReview is), updates (a verdict given after
 * publication, announced when given) and corrections, newest first. A duplicate whose readers
 * are sent to its original announces no verdict of its own (nor has a ClaimReview): the
 * original's is the one readers reach. Its updates and corrections stay, as in the corrections
 * log: what readers were told stays on the record. Bounded
 * reads on indexed columns (Claim publishedAt, Correction createdAt, ClaimEvent kind, and the
 * verdict claims' events), FEED_SIZE items at most.
 */
export async function listFeedItems(): Promise<FeedItem[]> {
  const [publications, corrections, updates] = await Promise.all([
    db.claim.findMany({
      // A verdict is what the feed announces; "unverified" or "not checkable" is not news. A
      // claim published pending and rated later is announced by its update, when it was news.
      where: { ...SHOWN_ON_ITS_OWN_PAGE, status: { in: verdictStatuses() }, events: { none: { kind: "updated" } } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: FEED_SIZE,
      select: { ...FEED_CLAIM, publishedAt: true, corrections: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true } } },
    }),
    db.correction.findMany({
      // As the corrections log lists them: a correction readers saw stays on the record, even
      // of a claim since marked a duplicate (its link leads to the original).
      where: OF_PUBLISHED_CLAIMS,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: FEED_SIZE,
      select: { id: true, createdAt: true, note: true, previousStatus: true, newStatus: true, claim: { select: FEED_CLAIM } },
    }),
    db.claimEvent.findMany({
      where: { kind: "updated", claim: PUBLISHED_CLAIM },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: FEED_SIZE,
      select: { id: true, createdAt: true, before: true, after: true, reason: true, claim: { select: FEED_CLAIM } },
    }),
  ]);
  const claim = (c: (typeof corrections)[number]["claim"]): FeedClaim => ({
    id: c.id,
    summary: c.summary,
    status: toClaimStatus(c.status),
    statusReason: c.statusReason,
    claimant: c.claimant.name,
    updatedAt: c.updatedAt,
  });
  const shown = await firstVerdictDates(publications.map((p) => p.id));
  const items: FeedItem[] = [
    ...publications.map((p): FeedItem => {
      const published = shown.get(p.id) ?? p.publishedAt ?? p.updatedAt;
      const corrected = p.corrections[0]?.createdAt;
      return { kind: "verdict", date: published, updated: corrected && corrected > published ? corrected : published, claim: claim(p) };
    }),
    ...corrections.map((c): FeedItem => ({
      kind: "correction",
      correctionId: c.id,
      date: c.createdAt,
      note: c.note,
      previousStatus: toClaimStatus(c.previousStatus),
      newStatus: toClaimStatus(c.newStatus),
      claim: claim(c.claim),
    })),
    ...updates.flatMap((u): FeedItem[] => {
      const before = parseStoredJson(u.before) as { status?: unknown } | null;
      const after = parseStoredJson(u.after) as { status?: unknown } | null;
      const newStatus = toClaimStatus(String(after?.status ?? ""));
      // Only a verdict is news: moving a claim from unverified to in review is not announced.
      if (!isVerdict(newStatus)) return [];
      return [{ kind: "update", eventId: u.id, date: u.createdAt, reason: u.reason ?? "", previousStatus: toClaimStatus(String(before?.status ?? "")), newStatus, claim: claim(u.claim) }];
    }),
  ];
  return items.sort((a, b) => b.date.getTime() - a.date.getTime()).slice(0, FEED_SIZE);
}

