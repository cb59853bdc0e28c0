import "server-only";
import { unstable_cache } from "next/cache";
import { db, sqlDialect, storedDate } from "@/lib/db";
import { ACTIVE_COLLEAGUE } from "@/lib/data/selects";
import { Prisma } from "@/lib/generated/prisma/client";
import { CLAIM_STATUSES, isPendingStatus, toClaimStatus, verdictStatuses, type ClaimStatus } from "@/lib/domain/status";
import { TIME_TO_VERDICT_BUCKETS, interpolatedPercentile, percentileRanks, periodStart, periodWeeks } from "@/lib/insights/period";
import { checkQuote } from "@/lib/quote-check";

/**
 * The editors' insights (docs/decisions/031-insights.md): every figure is counted by the
 * database (GROUP BY), in SQL both engines run; what the engines spell differently (week
 * buckets, seconds between two dates, a field of the history's JSON) is in lib/db's sqlDialect.
 * Drafts count here: this is the desk's view, never shown to readers.
 */

export interface InsightsFilter {
  storyId: string | null;
  weeks: number;
  /** The end of the period (the page passes the time of the request). */
  now: Date;
}

export interface StoryStatusCounts {
  storyId: string;
  title: string;
  counts: Record<ClaimStatus, number>;
  total: number;
}

export interface WeekCounts {
  /** The week's Monday, YYYY-MM-DD (UTC). */
  week: string;
  verdicts: number;
  corrections: number;
}


export interface TimeToVerdict {
  /** Claims whose first verdict was given in the period. */
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
  /** How many took each TIME_TO_VERDICT_BUCKETS span, in its order. */
  buckets: number[];
}

export interface ReviewerWork {
  /** Null for the claims no one is assigned. */
  userId: string | null;
  name: string;
  /** Unverified or in review. */
  awaitingVerdict: number;
  /** Rated, not yet published. */
  awaitingPublication: number;
  total: number;
}

export interface MissingQuote {
  linkId: string;
  claimId: string;
  claimSummary: string;
  sourceId: string;
  sourceTitle: string;
  quote: string;
}

export interface Insights {
  byStory: StoryStatusCounts[];
  weeks: WeekCounts[];
  timeToVerdict: TimeToVerdict;
  reviewers: ReviewerWork[];
  missingQuotes: MissingQuote[];
}

/** The events that change a claim's status, each with the status before and after in its JSON. */
const STATUS_EVENT_KINDS = ["status-changed", "corrected", "updated"];
const PENDING = CLAIM_STATUSES.filter(isPendingStatus);


function storyCondition(alias: Prisma.Sql, storyId: string | null): Prisma.Sql {
  return storyId ? Prisma.sql`AND ${alias}."storyId" = ${storyId}` : Prisma.empty;
}

const n = (value: unknown): number => Number(value ?? 0);

/** Claims of each story by status, drafts included; the stories with the most claims first. */
export async function countClaimsByStoryAndStatus(storyId: string | null): Promise<StoryStatusCounts[]> {
  // Grouped on the claims alone, read from the (storyId, status) index; titles come after.
  const rows = await db.$queryRaw<{ storyId: string; status: string; count: unknown }[]>`
    SELECT c."storyId" AS "storyId", c."status" AS "status", COUNT(*) AS "count"
    FROM "Claim" c
    WHERE 1 = 1 ${storyCondition(Prisma.sql`c`, storyId)}
    GROUP BY c."storyId", c."status"`;
  const titles = new Map((await db.story.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.storyId))] } }, select: { id: true, title: true } })).map((s) => [s.id, s.title]));
  const stories = new Map<string, StoryStatusCounts>();
  for (const row of rows) {
    let story = stories.get(row.storyId);
    if (!story) {
      story = { storyId: row.storyId, title: titles.get(row.storyId) ?? "", counts: Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>, total: 0 };
      stories.set(row.storyId, story);
    }
    story.counts[toClaimStatus(row.status)] += n(row.count);
    story.total += n(row.count);
  }
  return [...stories.values()].sort((a, b) => b.total - a.total || a.title.localeCompare(b.title) || a.storyId.localeCompare(b.storyId));
}

/**
 * Verdicts and corrections published in each week of the period, every week listed. A verdict
 * is published when a claim is first published with a verdict status (its status at that
 * moment, read from the history), or when a published claim readers saw pending is given its
 * first verdict (an "updated" event). A correction is a Correction row, counted in its week.
 */
export async function countPublishedPerWeek(filter: InsightsFilter): Promise<WeekCounts[]> {
  const from = storedDate(periodStart(filter.now, filter.weeks));
  const verdicts = Prisma.join(verdictStatuses());
  const kinds = Prisma.join(STATUS_EVENT_KINDS);
  const story = storyCondition(Prisma.sql`c`, filter.storyId);
  const statusAfter = sqlDialect.jsonField(Prisma.sql`s."after"`, "status");
  const statusBefore = sqlDialect.jsonField(Prisma.sql`s."before"`, "status");
  const [verdictRows, correctionRows] = await Promise.all([
    db.$queryRaw<{ week: string; count: unknown }[]>`
      SELECT x."week" AS "week", COUNT(*) AS "count" FROM (
        SELECT ${sqlDialect.weekStart(Prisma.sql`p."createdAt"`)} AS "week"
        FROM "ClaimEvent" p JOIN "Claim" c ON c."id" = p."claimId"
        WHERE p."kind" = 'published' AND p."createdAt" >= ${from} ${story}
          AND NOT EXISTS (
            SELECT 1 FROM "ClaimEvent" q
            WHERE q."claimId" = p."claimId" AND q."kind" = 'published'
              AND (q."createdAt" < p."createdAt" OR (q."createdAt" = p."createdAt" AND q."id" < p."id")))
          AND COALESCE(
            (SELECT ${statusAfter} FROM "ClaimEvent" s
              WHERE s."claimId" = p."claimId" AND s."kind" IN (${kinds}) AND s."createdAt" <= p."createdAt"
              ORDER BY s."createdAt" DESC, s."id" DESC LIMIT 1),
            (SELECT ${statusBefore} FROM "ClaimEvent" s
              WHERE s."claimId" = p."claimId" AND s."kind" IN (${kinds}) AND s."createdAt" > p."createdAt"
              ORDER BY s."createdAt" ASC, s."id" ASC LIMIT 1),
            c."status") IN (${verdicts})
        UNION ALL
        SELECT ${sqlDialect.weekStart(Prisma.sql`s."createdAt"`)} AS "week"
        FROM "ClaimEvent" s JOIN "Claim" c ON c."id" = s."claimId"
        WHERE s."kind" = 'updated' AND s."createdAt" >= ${from} AND ${statusAfter} IN (${verdicts}) ${story}
      ) x
      GROUP BY x."week"`,
    db.$queryRaw<{ week: string; count: unknown }[]>`
      SELECT ${sqlDialect.weekStart(Prisma.sql`r."createdAt"`)} AS "week", COUNT(*) AS "count"
      FROM "Correction" r JOIN "Claim" c ON c."id" = r."claimId"
      WHERE r."createdAt" >= ${from} ${story}
      GROUP BY ${sqlDialect.weekStart(Prisma.sql`r."createdAt"`)}`,
  ]);
  const verdictsByWeek = new Map(verdictRows.map((r) => [r.week, n(r.count)]));
  const correctionsByWeek = new Map(correctionRows.map((r) => [r.week, n(r.count)]));
  return periodWeeks(filter.now, filter.weeks).map((week) => ({ week, verdicts: verdictsByWeek.get(week) ?? 0, corrections: correctionsByWeek.get(week) ?? 0 }));
}

/**
 * From capture (the claim's recording, createdAt) to its first verdict (the first status change,
 * update or correction whose new status is a verdict), for the claims whose first verdict falls
 * in the period: median and 90th percentile, and how many took each span. Claims that arrived
 * with a verdict (an import's "created" event) were not rated on the desk and do not count, not
 * even once a correction changes that verdict.
 */
export async function measureTimeToVerdict(filter: InsightsFilter): Promise<TimeToVerdict> {
  const from = storedDate(periodStart(filter.now, filter.weeks));
  const durations = Prisma.sql`
    WITH firsts AS (
      SELECT c."id" AS "id", c."createdAt" AS "captured", MIN(e."createdAt") AS "verdictAt"
      FROM "ClaimEvent" e JOIN "Claim" c ON c."id" = e."claimId"
      WHERE e."kind" IN (${Prisma.join(STATUS_EVENT_KINDS)})
        AND ${sqlDialect.jsonField(Prisma.sql`e."after"`, "status")} IN (${Prisma.join(verdictStatuses())})
        ${storyCondition(Prisma.sql`c`, filter.storyId)}
        -- Arrived with a verdict: its later correction is no first verdict.
        AND NOT EXISTS (
          SELECT 1 FROM "ClaimEvent" k
          WHERE k."claimId" = c."id" AND k."kind" = 'created'
            AND ${sqlDialect.jsonField(Prisma.sql`k."after"`, "status")} IN (${Prisma.join(verdictStatuses())}))
      GROUP BY c."id", c."createdAt"
    ), d AS (
      SELECT ${sqlDialect.secondsBetween(Prisma.sql`"captured"`, Prisma.sql`"verdictAt"`)} AS "seconds"
      FROM firsts WHERE "verdictAt" >= ${from}
    )`;
  // Written into the SQL, not bound: PostgreSQL groups by an expression only when it is the
  // same text as the one selected, and each bound value is another parameter. Our own numbers.
  const bucket = Prisma.raw(
    TIME_TO_VERDICT_BUCKETS.map((b, i) => (b.upToSeconds === null ? `ELSE ${i}` : `WHEN d."seconds" < ${b.upToSeconds} THEN ${i}`)).join(" "),
  );
  const [ranked, buckets] = await Promise.all([
    // Only the rows a percentile is read from come back: the two ranks around p·(n − 1) for the
    // median and the 90th percentile, in whole-number arithmetic (lib/insights/period.ts).
    db.$queryRaw<{ seconds: unknown; rank: unknown; total: unknown }[]>`
      ${durations}, r AS (
        SELECT d."seconds" AS "seconds", ROW_NUMBER() OVER (ORDER BY d."seconds") - 1 AS "rank", COUNT(*) OVER () AS "total" FROM d
      )
      SELECT r."seconds" AS "seconds", r."rank" AS "rank", r."total" AS "total" FROM r
      WHERE r."rank" IN ((50 * (r."total" - 1)) / 100, (50 * (r."total" - 1) + 99) / 100, (90 * (r."total" - 1)) / 100, (90 * (r."total" - 1) + 99) / 100)`,
    db.$queryRaw<{ bucket: unknown; count: unknown }[]>`
      ${durations}
      SELECT CASE ${bucket} END AS "bucket", COUNT(*) AS "count" FROM d GROUP BY CASE ${bucket} END`,
  ]);
  const count = ranked.length > 0 ? n(ranked[0]!.total) : 0;
  const byRank = new Map(ranked.map((r) => [n(r.rank), n(r.seconds)]));
  const valueAt = (rank: number) => byRank.get(rank)!;
  const counts = TIME_TO_VERDICT_BUCKETS.map(() => 0);
  for (const row of buckets) counts[n(row.bucket)] = n(row.count);
  // The ranks asked of the database are the ones the interpolation reads.
  for (const percent of [50, 90]) for (const rank of count > 0 ? percentileRanks(count, percent) : []) if (!byRank.has(rank)) throw new Error(`rank ${rank} missing`);
  // Durations are whole seconds; so are the figures shown.
  const toSecond = (value: number | null) => (value === null ? null : Math.round(value));
  return { count, medianSeconds: toSecond(interpolatedPercentile(count, 50, valueAt)), p90Seconds: toSecond(interpolatedPercentile(count, 90, valueAt)), buckets: counts };
}

/**
 * Open work: claims not yet at a published rating (a draft, whatever its status, or a published
 * claim still unverified or in review), by assignee, with every active colleague listed (none
 * open is a figure too) and the unassigned claims last.
 */
export async function countOpenWorkByReviewer(storyId: string | null): Promise<ReviewerWork[]> {
  const pending = Prisma.join(PENDING);
  const [rows, colleagues] = await Promise.all([
    db.$queryRaw<{ userId: string | null; awaiting: unknown; total: unknown }[]>`
      SELECT c."assigneeId" AS "userId", SUM(CASE WHEN c."status" IN (${pending}) THEN 1 ELSE 0 END) AS "awaiting", COUNT(*) AS "total"
      FROM "Claim" c
      WHERE (c."publishedAt" IS NULL OR c."status" IN (${pending})) ${storyCondition(Prisma.sql`c`, storyId)}
      GROUP BY c."assigneeId"`,
    db.user.findMany({ where: ACTIVE_COLLEAGUE, select: { id: true, name: true } }),
  ]);
  const names = new Map(colleagues.map((u) => [u.id, u.name]));
  // A colleague whose account was disabled may still hold claims: named all the same.
  const missing = rows.map((r) => r.userId).filter((id): id is string => id !== null && !names.has(id));
  if (missing.length > 0) for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(u.id, u.name);
  const byUser = new Map(rows.map((r) => [r.userId, r]));
  const work = (userId: string | null, name: string): ReviewerWork => {
    const row = byUser.get(userId);
    const total = n(row?.total);
    const awaitingVerdict = n(row?.awaiting);
    return { userId, name, awaitingVerdict, awaitingPublication: total - awaitingVerdict, total };
  };
  const people = [...names].map(([id, name]) => work(id, name)).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name) || a.userId!.localeCompare(b.userId!));
  return [...people, work(null, "Unassigned")];
}

/**
 * Links whose quote is not in their source's captured text, by the rules of lib/quote-check.ts.
 * Nothing stores that verdict, so it is worked out here: the database keeps only the links whose
 * quote is not in the text as typed (a quote found verbatim is found), and checkQuote, which
 * forgives typographic differences, decides those few. Sources with no captured text are left
 * out: there is nothing to check against.
 */
export async function listQuotesNotFound(storyId: string | null): Promise<MissingQuote[]> {
  const rows = await db.$queryRaw<(MissingQuote & { capturedText: string })[]>`
    SELECT cs."id" AS "linkId", cs."claimId" AS "claimId", c."summary" AS "claimSummary", s."id" AS "sourceId", s."title" AS "sourceTitle",
      cs."quote" AS "quote", s."capturedText" AS "capturedText"
    FROM "ClaimSource" cs JOIN "Source" s ON s."id" = cs."sourceId" JOIN "Claim" c ON c."id" = cs."claimId"
    WHERE cs."quote" <> '' AND s."capturedText" IS NOT NULL AND s."capturedText" <> ''
      AND ${sqlDialect.position(Prisma.sql`s."capturedText"`, Prisma.sql`cs."quote"`)} = 0
      ${storyCondition(Prisma.sql`c`, storyId)}
    ORDER BY s."id", cs."createdAt", cs."id"`;
  // By title here, not in SQL: PostgreSQL orders text by its collation, SQLite by bytes.
  return rows
    .sort((a, b) => a.sourceTitle.localeCompare(b.sourceTitle) || (a.sourceId < b.sourceId ? -1 : a.sourceId > b.sourceId ? 1 : 0))
    .filter((row) => checkQuote(row.quote, row.capturedText).status === "not-found")
    .map((row) => ({ linkId: row.linkId, claimId: row.claimId, claimSummary: row.claimSummary, sourceId: row.sourceId, sourceTitle: row.sourceTitle, quote: row.quote }));
}

/** Every measure of the page, for one filter. */
export async function getInsights(filter: InsightsFilter): Promise<Insights> {
  const [byStory, weeks, timeToVerdict, reviewers, missingQuotes] = await Promise.all([
    countClaimsByStoryAndStatus(filter.storyId),
    countPublishedPerWeek(filter),
    measureTimeToVerdict(filter),
    countOpenWorkByReviewer(filter.storyId),
    listQuotesNotFound(filter.storyId),
  ]);
  return { byStory, weeks, timeToVerdict, reviewers, missingQuotes };
}

/** How long the page's figures are kept before they are counted again (ADR 031). */
export const INSIGHTS_KEPT_SECONDS = 60;

export interface KeptInsights extends Insights {
  /** When these figures were counted (ISO 8601): the page says so. */
  countedAt: string;
}

/** The message for a story filter naming no story, or null when the story exists (archived or not). */
export async function unknownStoryProblem(storyId: string | null): Promise<string | null> {
  if (storyId === null) return null;
  const found = await db.story.count({ where: { id: storyId } });
  return found > 0 ? null : `No story has the id “${storyId}”.`;
}

/**
 * The figures for a story and period, counted at most once a minute per filter and shared by
 * every desk request in that minute (Next.js's data cache; stale ones are served while they are
 * counted again). Drafts and assignments change them without expiring any reader tag, so they are
 * kept by time, not by tag; the page shows when they were counted.
 */
export const getKeptInsights: (storyId: string | null, weeks: number) => Promise<KeptInsights> = unstable_cache(
  async (storyId: string | null, weeks: number) => {
    const now = new Date();
    return { countedAt: now.toISOString(), ...(await getInsights({ storyId, weeks, now })) };
  },
  ["desk-insights"],
  { revalidate: INSIGHTS_KEPT_SECONDS },
);
