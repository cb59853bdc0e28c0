import "server-only";
import { encodeCursor, type Cursor } from "@/lib/cursor";
import { db, positionIgnoringCase } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ACTIVE_COLLEAGUE, EVENTS, LINK_FIELDS } from "@/lib/data/selects";
import { toClaimStatus, type ClaimStatus } from "@/lib/domain/status";
import { isStorableText } from "@/lib/text";
import { isRecordId } from "@/lib/validation/record-id";

/** Reads for the reviewers' desk: drafts included. Pages call these only after requirePageUser. */

export interface DeskClaimRow {
  id: string;
  summary: string;
  status: ClaimStatus;
  createdAt: Date;
  publishedAt: Date | null;
  claimant: { name: string };
  assignee: { id: string; name: string } | null;
}

const rowSelect = {
  id: true,
  summary: true,
  status: true,
  createdAt: true,
  publishedAt: true,
  claimant: { select: { name: true } },
  assignee: { select: { id: true, name: true } },
} as const;

const NEEDS_REVIEW = ["unverified", "in-review"] as const;

/** How many claims a desk list shows at a time. */
export const DESK_PAGE_SIZE = 200;

export interface DeskPage {
  rows: DeskClaimRow[];
  /** Every claim the list holds, on this page and the others. */
  total: number;
  /** How many come before this page. */
  before: number;
  /** The cursor of the next page, or null on the last. */
  next: string | null;
}

/**
 * One page of a desk list, oldest first. Read by keyset on (createdAt, id), so a page deep in
 * the list costs what the first does, and a claim reviewed meanwhile moves no other claim to
 * another page. `after` is a cursor from an earlier page's `next`; how many claims come before
 * the page is counted afresh, not taken from the cursor, which reviews since may have outdated.
 */
async function deskPage(assigneeId: string | null, page: { after: Cursor | null; limit: number }): Promise<DeskPage> {
  const where: Prisma.ClaimWhereInput = { status: { in: [...NEEDS_REVIEW] }, ...(assigneeId ? { assigneeId } : {}) };
  const after = page.after?.p && page.after.id ? { createdAt: new Date(page.after.p), id: page.after.id } : null;
  const upTo = after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lte: after.id } }] } : null;
  const [ids, total, before] = await Promise.all([
    pageIds(assigneeId, after, page.limit + 1),
    db.claim.count({ where }),
    upTo ? db.claim.count({ where: { AND: [where, upTo] } }) : 0,
  ]);
  const found = new Map((await db.claim.findMany({ where: { id: { in: ids } }, select: rowSelect })).map((r) => [r.id, r]));
  // A claim deleted between the two reads is left out; the next page starts after the last shown.
  const rows = ids.flatMap((id) => found.get(id) ?? []);
  const shown = rows.slice(0, page.limit);
  const last = shown.at(-1);
  return {
    rows: shown.map((r) => ({ ...r, status: toClaimStatus(r.status) })),
    total,
    before,
    next: ids.length > page.limit && last ? encodeCursor({ n: before + shown.length, p: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/**
 * The ids of a desk list's page, in its order: for each status the list holds, the first `take`
 * claims past the cursor along the index that starts with it (status, createdAt, id; a queue's
 * with its assignee first), then the first `take` of those together, ordered by the database as
 * the keyset compares. Asked as one `status IN (…)`, SQLite read every claim of both statuses
 * and sorted them: at 100,000 claims, 25,000 rows for a page of 200, 63-70 ms of CPU a page
 * read (docs/performance.md).
 */
async function pageIds(assigneeId: string | null, after: { createdAt: Date; id: string } | null, take: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ id: string }[]>(deskPageIdsSql(assigneeId, after, take));
  return rows.map((r) => r.id);
}

/** pageIds's statement, for the test of its plan. */
export function deskPageIdsSql(assigneeId: string | null, after: { createdAt: Date; id: string } | null, take: number): Prisma.Sql {
  const assignee = assigneeId ? Prisma.sql`AND "assigneeId" = ${assigneeId}` : Prisma.empty;
  // A row value, so each status is read from the cursor on: given `a > x OR (a = x AND b > y)`,
  // SQLite walked the status from its first claim, or read both branches' rows through two
  // indexes and sorted them (about 70 ms for the bench's second page).
  const past = after ? Prisma.sql`AND ("createdAt", "id") > (${after.createdAt}, ${after.id})` : Prisma.empty;
  const perStatus = NEEDS_REVIEW.map(
    (status) => Prisma.sql`SELECT * FROM (
      SELECT "id", "createdAt" FROM "Claim" WHERE "status" = ${status} ${assignee} ${past}
      ORDER BY "createdAt", "id" LIMIT ${take}) AS "byStatus"`,
  );
  return Prisma.sql`${Prisma.join(perStatus, " UNION ALL ")} ORDER BY "createdAt", "id" LIMIT ${take}`;
}

/** Unverified and in-review claims, oldest first: the work waiting. */
export async function listNeedsReview(page: { after: Cursor | null; limit?: number }): Promise<DeskPage> {
  return deskPage(null, { after: page.after, limit: page.limit ?? DESK_PAGE_SIZE });
}

/** Claims assigned to a reviewer that still need review, oldest first. */
export async function listQueue(userId: string, page: { after: Cursor | null; limit?: number }): Promise<DeskPage> {
  return deskPage(userId, { after: page.after, limit: page.limit ?? DESK_PAGE_SIZE });
}

/** Any claim, draft or published, with everything the workspace shows. */
export async function getDeskClaim(id: string) {
  const row = await db.claim.findUnique({
    where: { id },
    select: {
      id: true,
      text: true,
      summary: true,
      status: true,
      statusReason: true,
      claimDate: true,
      claimDatePrecision: true,
      publishedAt: true,
      createdAt: true,
      updatedAt: true,
      version: true,
      claimantId: true,
      storyId: true,
      claimant: { select: { id: true, name: true } },
      story: { select: { id: true, title: true } },
      assignee: { select: { id: true, name: true } },
      sources: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          ...LINK_FIELDS,
          version: true,
          source: { select: { id: true, title: true, publisher: true, capturedText: true } },
        },
      },
      annotations: {
        where: { deletedAt: null },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true, body: true, isPublic: true, createdAt: true, version: true, author: { select: { id: true, name: true } } },
      },
      events: EVENTS,
      // ADR 030: the claim it repeats, and the claims that repeat it.
      duplicateOf: { select: { id: true, summary: true, status: true, publishedAt: true } },
      duplicates: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, summary: true } },
    },
  });
  return row
    ? {
        ...row,
        status: toClaimStatus(row.status),
        duplicateOf: row.duplicateOf ? { ...row.duplicateOf, status: toClaimStatus(row.duplicateOf.status) } : null,
      }
    : null;
}

export type DeskClaim = NonNullable<Awaited<ReturnType<typeof getDeskClaim>>>;

/** Every claimant, by name: the claim form's menu, and whom the finder matches speakers against (a person also by surname). */
export async function listAllClaimants(): Promise<{ id: string; name: string; kind: string }[]> {
  return db.claimant.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, name: true, kind: true } });
}

/** How many sources of each kind the claim workspace's "Link a source" menu offers at once. */
export const LINK_MENU_SOURCES = 50;

export interface SourcesToLink {
  /** The menu, by title. */
  options: { id: string; title: string }[];
  /** What the reviewer searched for, trimmed; "" when they did not. */
  query: string;
  /** How many sources match the search in all (the menu holds the newest of them), or null. */
  matched: number | null;
  /** Every source the desk holds. */
  total: number;
}

/**
 * The sources the workspace's "Link a source" menu offers. Searched for: the newest
 * LINK_MENU_SOURCES whose title or publisher holds the words as typed. Otherwise (or when none
 * match): the sources this story's claims cited most recently and the newest sources, as many
 * of each, and the source the address names (`chosenId`, as after "Add a new source"). The
 * menu once held every source: at the bench's 5,000, the page was 1 MB and 90 ms of CPU.
 * Both come from the address as typed: an id that is not one of ours is left out, and words no
 * stored title could hold (a NUL, which PostgreSQL refuses outright) match nothing.
 */
export async function listSourcesToLink(storyId: string, query: string, chosenId: string | null): Promise<SourcesToLink> {
  const needle = query.trim();
  const [found, total] = await Promise.all([needle ? findDeskSources(needle, LINK_MENU_SOURCES) : null, db.source.count()]);
  const ids = new Set(found?.rows.map((row) => row.id));
  if (ids.size === 0) {
    const [cited, newest] = await Promise.all([
      db.claimSource.findMany({
        where: { claim: { storyId } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { sourceId: true },
        // Links to one source repeat; enough of them to find LINK_MENU_SOURCES sources mostly.
        take: LINK_MENU_SOURCES * 4,
      }),
      db.source.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true }, take: LINK_MENU_SOURCES }),
    ]);
    for (const id of [...new Set(cited.map((link) => link.sourceId))].slice(0, LINK_MENU_SOURCES)) ids.add(id);
    for (const source of newest) ids.add(source.id);
    if (chosenId && isRecordId(chosenId)) ids.add(chosenId);
  }
  const options = await db.source.findMany({ where: { id: { in: [...ids] } }, orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true } });
  return { options, query: needle, matched: found ? found.total : null, total };
}

/** Every story, to file a claim under; an archived one says so after its title. */
export async function listAllStories(): Promise<{ id: string; title: string }[]> {
  const rows = await db.story.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true, slug: true, archivedAt: true } });
  return storyMenu(rows);
}

/**
 * A menu's stories: the title, with "(archived)" after an archived one's, and the address after
 * any title two stories share, so that a menu never offers two choices that read alike.
 */
export function storyMenu(rows: readonly { id: string; title: string; slug: string; archivedAt?: Date | null }[]): { id: string; title: string }[] {
  const uses = new Map<string, number>();
  for (const row of rows) uses.set(row.title, (uses.get(row.title) ?? 0) + 1);
  return rows.map(({ id, title, slug, archivedAt }) => {
    const named = (uses.get(title) ?? 0) > 1 ? `${title} (/stories/${slug})` : title;
    return { id, title: archivedAt ? `${named} (archived)` : named };
  });
}

/** Active colleagues a claim can be assigned to. */
export async function listAssignableUsers(): Promise<{ id: string; name: string; role: string }[]> {
  return db.user.findMany({
    where: ACTIVE_COLLEAGUE,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true, role: true },
  });
}

export async function getSourceForEdit(id: string) {
  return db.source.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      publisher: true,
      author: true,
      url: true,
      kind: true,
      publishedAt: true,
      publishedAtPrecision: true,
      archivedUrl: true,
      description: true,
      capturedText: true,
      version: true,
    },
  });
}

/** What the finder page shows of a source, and what says whether its kept candidates still stand (lib/finder/kept.ts). */
export async function getSourceFinderStamp(id: string) {
  return db.source.findUnique({ where: { id }, select: { id: true, title: true, version: true, updatedAt: true } });
}

/**
 * A stamp of the desk's claimants that changes when one is added or removed (the count; a newer
 * updatedAt) or renamed (every edit adds one to a claimant's version, whatever the clocks of the
 * processes say): the finder's kept answers name them (lib/finder/kept.ts).
 */
export async function claimantsStamp(): Promise<string> {
  const { _count, _sum, _max } = await db.claimant.aggregate({ _count: { _all: true }, _sum: { version: true }, _max: { updatedAt: true } });
  return `${_count._all}:${_sum.version ?? 0}:${_max.updatedAt?.getTime() ?? 0}`;
}

/**
 * The story a claim recorded from this source most likely belongs to: that of the claim most
 * recently linked to it, unless that story is archived (no claim is filed under one). Null when
 * no claim cites the source yet. The claim form starts on it; the reviewer can choose another.
 */
export async function guessStoryForSource(sourceId: string): Promise<string | null> {
  const link = await db.claimSource.findFirst({
    where: { sourceId, claim: { story: { archivedAt: null } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { claim: { select: { storyId: true } } },
  });
  return link?.claim.storyId ?? null;
}

/** What the claim finder reads of a source: its captured text and the date it was published. */
export async function getSourceForFinder(id: string) {
  return db.source.findUnique({
    where: { id },
    select: { id: true, title: true, capturedText: true, publishedAt: true, publishedAtPrecision: true },
  });
}

/** How many of a source's quoted links the finder reads to mark sentences already recorded. */
export const FINDER_RECORDED_LINKS = 500;

/**
 * The claims already quoting a source, with their quotes: the finder marks a sentence that holds
 * one as recorded, so a reviewer coming back does not record it twice. Read on each visit (the
 * finder's candidates are kept while the text stands; links change without it), newest first.
 */
export async function listSourceQuotes(sourceId: string): Promise<{ quote: string; claim: { id: string; summary: string } }[]> {
  return db.claimSource.findMany({
    where: { sourceId, quote: { not: "" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: FINDER_RECORDED_LINKS,
    select: { quote: true, claim: { select: { id: true, summary: true } } },
  });
}

export async function getLinkForEdit(id: string) {
  return db.claimSource.findUnique({
    where: { id },
    select: {
      id: true,
      claimId: true,
      relation: true,
      quote: true,
      quotePrefix: true,
      quoteSuffix: true,
      note: true,
      version: true,
      source: { select: { id: true, title: true } },
      claim: { select: { summary: true } },
    },
  });
}

export async function getAnnotationForEdit(id: string) {
  return db.annotation.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, claimId: true, body: true, isPublic: true, version: true, authorId: true, claim: { select: { summary: true } } },
  });
}

/** How many current stories, and how many archived ones, the desk's story list shows. */
export const DESK_STORIES_LIMIT = 50;

export interface DeskStoryRow {
  id: string;
  slug: string;
  title: string;
  archivedAt: Date | null;
  /** Its claims, drafts included. */
  claimCount: number;
  /** Its published claims: readers see the story's page only once there is one. */
  publishedCount: number;
}

export interface DeskStoryList {
  rows: DeskStoryRow[];
  /** How many match in all. */
  total: number;
}

/**
 * The desk's stories: the current ones newest first, the archived ones most recently archived
 * first, at most DESK_STORIES_LIMIT of each, optionally those whose title or address holds `q`
 * as typed (any case; `%` and `_` are plain characters), each with how many match in all. Every
 * story with a form of its own was once 519 kB and 76 ms of CPU a page at the bench's 200.
 */
export async function listDeskStories(q: string): Promise<{ current: DeskStoryList; archived: DeskStoryList }> {
  const needle = q.trim();
  const empty = { rows: [], total: 0 };
  // No title or address holds what cannot be stored; PostgreSQL would refuse the statement.
  if (!isStorableText(needle)) return { current: empty, archived: empty };
  const match = needle
    ? Prisma.sql`(${positionIgnoringCase(Prisma.sql`"title"`, needle)} > 0 OR ${positionIgnoringCase(Prisma.sql`"slug"`, needle)} > 0)`
    : Prisma.sql`1 = 1`;
  type Row = Omit<DeskStoryRow, "claimCount" | "publishedCount">;
  const [current, archived, totals] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT "id", "slug", "title", "archivedAt" FROM "Story" WHERE "archivedAt" IS NULL AND ${match}
      ORDER BY "createdAt" DESC, "id" DESC LIMIT ${DESK_STORIES_LIMIT}`,
    db.$queryRaw<Row[]>`
      SELECT "id", "slug", "title", "archivedAt" FROM "Story" WHERE "archivedAt" IS NOT NULL AND ${match}
      ORDER BY "archivedAt" DESC, "id" DESC LIMIT ${DESK_STORIES_LIMIT}`,
    db.$queryRaw<{ isArchived: boolean | number | bigint; total: number | bigint }[]>`
      SELECT ("archivedAt" IS NOT NULL) AS "isArchived", COUNT(*) AS "total" FROM "Story" WHERE ${match}
      GROUP BY ("archivedAt" IS NOT NULL)`,
  ]);
  const shown = [...current, ...archived];
  // Counted by the database for the stories shown only, along the Claim(storyId, …) indexes.
  const counts =
    shown.length === 0
      ? []
      : await db.$queryRaw<{ storyId: string; claims: number | bigint; published: number | bigint }[]>`
          SELECT "storyId", COUNT(*) AS "claims", COUNT("publishedAt") AS "published" FROM "Claim"
          WHERE "storyId" IN (${Prisma.join(shown.map((row) => row.id))}) GROUP BY "storyId"`;
  const claims = new Map(counts.map((row) => [row.storyId, { claimCount: Number(row.claims), publishedCount: Number(row.published) }]));
  const total = (isArchived: boolean) => Number(totals.find((row) => Boolean(Number(row.isArchived)) === isArchived)?.total ?? 0);
  const withCounts = (rows: Row[]) => rows.map((row) => ({ ...row, ...(claims.get(row.id) ?? { claimCount: 0, publishedCount: 0 }) }));
  return { current: { rows: withCounts(current), total: total(false) }, archived: { rows: withCounts(archived), total: total(true) } };
}

export async function getStoryForEdit(id: string) {
  return db.story.findUnique({
    where: { id },
    select: { id: true, slug: true, title: true, summary: true, version: true, archivedAt: true, oldSlugs: { orderBy: [{ createdAt: "desc" }, { slug: "asc" }], select: { slug: true } } },
  });
}

export async function getClaimantForEdit(id: string) {
  return db.claimant.findUnique({ where: { id }, select: { id: true, name: true, kind: true, description: true, url: true, version: true } });
}

export const DESK_SOURCES_LIMIT = 100;

export interface DeskSourceRow {
  id: string;
  title: string;
  publisher: string | null;
  kind: string;
  createdAt: Date;
  hasCapturedText: boolean;
  /** Distinct claims (drafts included) that link the source, whatever the relation. */
  claimCount: number;
}

/**
 * The desk's sources, newest first, optionally those whose title or publisher holds `q`; the
 * first DESK_SOURCES_LIMIT of them, with how many match in all.
 */
export async function listDeskSources(q: string): Promise<{ rows: DeskSourceRow[]; total: number }> {
  const { rows, total } = await findDeskSources(q.trim());
  // Counted by the database, one row a source: read as (source, claim) pairs, the newest 100
  // of the bench's sources came to 6,000 rows, most of the read's 52 ms of CPU.
  const counts =
    rows.length === 0
      ? []
      : await db.$queryRaw<{ sourceId: string; claims: number | bigint }[]>`
          SELECT "sourceId", COUNT(DISTINCT "claimId") AS "claims" FROM "ClaimSource"
          WHERE "sourceId" IN (${Prisma.join(rows.map((row) => row.id))}) GROUP BY "sourceId"`;
  const claims = new Map(counts.map((row) => [row.sourceId, Number(row.claims)]));
  return { rows: rows.map((row) => ({ ...row, claimCount: claims.get(row.id) ?? 0 })), total };
}

/**
 * The first `limit` sources, newest first, whose title or publisher holds `needle`
 * as typed, in any case (`%` and `_` are plain characters; Prisma's `contains` would pass them to
 * LIKE as wildcards), and how many match in all. An empty needle matches every source. Which of
 * them have captured text is read here, not the text itself (up to 500,000 characters each).
 */
async function findDeskSources(needle: string, limit = DESK_SOURCES_LIMIT): Promise<{ rows: Omit<DeskSourceRow, "claimCount">[]; total: number }> {
  // No title or publisher holds what cannot be stored; PostgreSQL would refuse the statement.
  if (!isStorableText(needle)) return { rows: [], total: 0 };
  const match = needle
    ? Prisma.sql`${positionIgnoringCase(Prisma.sql`"title"`, needle)} > 0 OR ("publisher" IS NOT NULL AND ${positionIgnoringCase(Prisma.sql`"publisher"`, needle)} > 0)`
    : Prisma.sql`1 = 1`;
  const [rows, counted] = await Promise.all([
    db.$queryRaw<(Omit<DeskSourceRow, "claimCount" | "hasCapturedText"> & { captured: boolean | number | bigint })[]>`
      SELECT "id", "title", "publisher", "kind", "createdAt", ("capturedText" IS NOT NULL) AS "captured" FROM "Source"
      WHERE ${match} ORDER BY "createdAt" DESC, "id" DESC LIMIT ${limit}`,
    db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS "total" FROM "Source" WHERE ${match}`,
  ]);
  return {
    rows: rows.map(({ captured, ...row }) => ({ ...row, hasCapturedText: Boolean(Number(captured)) })),
    total: Number(counted[0]?.total ?? 0),
  };
}

export interface SourceCaptureRow {
  id: string;
  requestedUrl: string;
  finalUrl: string;
  httpStatus: number;
  kind: string;
  bytes: number;
  sha256: string;
  fetchedAt: Date;
  capturedBy: { name: string } | null;
}

/** A source's captures, newest first: its capture history (the text itself is not read here). */
export async function listSourceCaptures(sourceId: string): Promise<SourceCaptureRow[]> {
  return db.sourceCapture.findMany({
    where: { sourceId },
    orderBy: [{ fetchedAt: "desc" }, { id: "desc" }],
    select: { id: true, requestedUrl: true, finalUrl: true, httpStatus: true, kind: true, bytes: true, sha256: true, fetchedAt: true, capturedBy: { select: { name: true } } },
  });
}
