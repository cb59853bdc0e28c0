import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, storedDate } from "@/lib/db";
import type { ExportableRow } from "@/lib/data/exports";
import { CLAIM_STATUSES, verdictStatuses } from "@/lib/domain/status";
import type { ExportFilters } from "@/lib/validation/export-query";

/**
 * The export's page reads in SQL: the one module that knows how they run. Prisma's relation
 * reads build each row in JavaScript at about 90 µs a claim here (measured on the benchmark's
 * data set, docs/performance.md); three plain queries a page (claims with claimant and story,
 * their links with sources, their corrections) read the same rows about ten times faster, which
 * is what lets a full export of 100,000 claims stream in seconds.
 */


export function exportConditions(filters: ExportFilters): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (filters.publication === "published") where.push(Prisma.sql`c."publishedAt" IS NOT NULL`);
  if (filters.publication === "drafts") where.push(Prisma.sql`c."publishedAt" IS NULL`);
  if (filters.story) where.push(Prisma.sql`c."storyId" = ${filters.story}`);
  if (filters.claimant) where.push(Prisma.sql`c."claimantId" = ${filters.claimant}`);
  // Every known status selected is no filter at all.
  if (filters.statuses.length > 0 && filters.statuses.length < CLAIM_STATUSES.length) {
    where.push(Prisma.sql`c."status" IN (${Prisma.join(filters.statuses)})`);
  }
  // A claim's date is a day, a month or a year (stored as its first day), and it matches when
  // that span meets the range (docs/decisions/038-date-filters-overlap.md): a claim dated "2025"
  // is in a range from 1 June 2025, as it is in one up to 1 January 2025.
  if (filters.from) {
    const { day, month, year } = spanStarts(filters.from);
    // Each comparison is the column against a parameter, so PostgreSQL types the parameter as
    // the column (a CASE of parameters would be text there).
    where.push(
      Prisma.sql`(c."claimDate" >= ${storedDate(day)} OR (c."claimDatePrecision" = 'month' AND c."claimDate" >= ${storedDate(month)}) OR (c."claimDatePrecision" = 'year' AND c."claimDate" >= ${storedDate(year)}))`,
    );
  }
  if (filters.to) where.push(Prisma.sql`c."claimDate" < ${storedDate(new Date(filters.to.getTime() + 86_400_000))}`);
  if (filters.reviewsOnly) {
    where.push(Prisma.sql`c."publishedAt" IS NOT NULL`);
    where.push(Prisma.sql`c."status" IN (${Prisma.join(verdictStatuses())})`);
    // A duplicate's readers are sent to its published original, whose review is the one to read.
    where.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Claim" o WHERE o."id" = c."duplicateOfId" AND o."publishedAt" IS NOT NULL)`);
  }
  return where;
}

/** The first day of the day, month and year holding `from` (UTC): a claim's date at each precision. */
function spanStarts(from: Date): { day: Date; month: Date; year: Date } {
  return {
    day: from,
    month: new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)),
    year: new Date(Date.UTC(from.getUTCFullYear(), 0, 1)),
  };
}

interface ClaimRow {
  id: string;
  summary: string;
  text: string;
  status: string;
  statusReason: string;
  claimDate: Date | null;
  claimDatePrecision: string;
  publishedAt: Date | null;
  updatedAt: Date;
  createdAtKey: string;
  claimantId: string;
  claimantName: string;
  claimantKind: string;
  claimantUrl: string | null;
  storyId: string;
  storySlug: string;
  storyTitle: string;
}

interface LinkRow {
  id: string;
  claimId: string;
  relation: string;
  quote: string;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  note: string | null;
  sourceId: string;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  archivedUrl: string | null;
  kind: string;
  description: string;
  publishedAt: Date | null;
  publishedAtPrecision: string;
}

interface CorrectionRow {
  id: string;
  claimId: string;
  createdAt: Date;
  note: string;
  previousStatus: string;
  newStatus: string;
}

/** The position after the last claim of a page: its stored recording time and id. */
export interface ExportKey {
  createdAt: string;
  id: string;
}

/**
 * The claims of one page after `after`, with their claimant and story. The claims come first in
 * the join, always: `CROSS JOIN` is how SQLite is told the order (PostgreSQL reads it as the
 * inner join it is, and plans as it likes). Left to choose, SQLite given full statistics (after
 * an ANALYZE) started from the stories and sorted each one's remaining claims for every page:
 * 573 ms a page at 100,000 claims against 2 ms; a CSV export took 35 s, now under 10.
 */
export function exportPageSql(filters: ExportFilters, after: ExportKey | null, take: number): Prisma.Sql {
  const where = exportConditions(filters);
  // A row-value comparison, which SQLite answers by walking the (createdAt, id) index in order;
  // the equivalent OR makes it sort every remaining claim for each page.
  if (after) where.push(Prisma.sql`(c."createdAt", c.id) > (${after.createdAt}, ${after.id})`);
  return Prisma.sql`
    SELECT c.id, c.summary, c.text, c.status, c."statusReason", c."claimDate", c."claimDatePrecision", c."publishedAt", c."updatedAt",
           CAST(c."createdAt" AS TEXT) AS "createdAtKey",
           m.id AS "claimantId", m.name AS "claimantName", m.kind AS "claimantKind", m.url AS "claimantUrl",
           s.id AS "storyId", s.slug AS "storySlug", s.title AS "storyTitle"
    FROM "Claim" c
    CROSS JOIN "Claimant" m
    CROSS JOIN "Story" s
    WHERE m.id = c."claimantId" AND s.id = c."storyId" AND ${Prisma.join(where, " AND ")}
    ORDER BY c."createdAt", c.id
    LIMIT ${take}`;
}

/** One page of claims after `after`, oldest recorded first, with their links and corrections. */
export async function readExportPage(filters: ExportFilters, after: ExportKey | null, take: number): Promise<{ rows: ExportableRow[]; last: ExportKey | null }> {
  const claims = await db.$queryRaw<ClaimRow[]>(exportPageSql(filters, after, take));
  if (claims.length === 0) return { rows: [], last: null };
  const ids = Prisma.join(claims.map((c) => c.id));
  const [links, corrections] = await Promise.all([
    db.$queryRaw<LinkRow[]>(Prisma.sql`
      SELECT l.id, l."claimId", l.relation, l.quote, l."quotePrefix", l."quoteSuffix", l.note,
             src.id AS "sourceId", src.title, src.publisher, src.author, src.url, src."archivedUrl", src.kind, src.description,
             src."publishedAt", src."publishedAtPrecision"
      FROM "ClaimSource" l JOIN "Source" src ON src.id = l."sourceId"
      WHERE l."claimId" IN (${ids})
      ORDER BY l."createdAt", l.id`),
    db.$queryRaw<CorrectionRow[]>(Prisma.sql`
      SELECT id, "claimId", "createdAt", note, "previousStatus", "newStatus" FROM "Correction"
      WHERE "claimId" IN (${ids})
      ORDER BY "createdAt", id`),
  ]);
  const linksOf = new Map<string, ExportableRow["sources"]>();
  for (const l of links) {
    const list = linksOf.get(l.claimId) ?? [];
    list.push({
      id: l.id,
      relation: l.relation,
      quote: l.quote,
      quotePrefix: l.quotePrefix,
      quoteSuffix: l.quoteSuffix,
      note: l.note,
      source: { id: l.sourceId, title: l.title, publisher: l.publisher, author: l.author, url: l.url, archivedUrl: l.archivedUrl, kind: l.kind, description: l.description, publishedAt: l.publishedAt, publishedAtPrecision: l.publishedAtPrecision },
    });
    linksOf.set(l.claimId, list);
  }
  const correctionsOf = new Map<string, ExportableRow["corrections"]>();
  for (const k of corrections) {
    const list = correctionsOf.get(k.claimId) ?? [];
    list.push({ id: k.id, createdAt: k.createdAt, note: k.note, previousStatus: k.previousStatus, newStatus: k.newStatus });
    correctionsOf.set(k.claimId, list);
  }
  const rows: ExportableRow[] = claims.map((c) => ({
    id: c.id,
    summary: c.summary,
    text: c.text,
    status: c.status,
    statusReason: c.statusReason,
    claimDate: c.claimDate,
    claimDatePrecision: c.claimDatePrecision,
    publishedAt: c.publishedAt,
    updatedAt: c.updatedAt,
    claimant: { id: c.claimantId, name: c.claimantName, kind: c.claimantKind, url: c.claimantUrl },
    story: { id: c.storyId, slug: c.storySlug, title: c.storyTitle },
    sources: linksOf.get(c.id) ?? [],
    corrections: correctionsOf.get(c.id) ?? [],
  }));
  const last = claims.at(-1)!;
  return { rows, last: { createdAt: last.createdAtKey, id: last.id } };
}

/** How many claims match: a report checks this before it reads them. */
export async function countExportClaims(filters: ExportFilters): Promise<number> {
  const [row] = await db.$queryRaw<{ n: bigint | number }[]>(Prisma.sql`SELECT COUNT(*) AS n FROM "Claim" c WHERE ${Prisma.join(exportConditions(filters), " AND ")}`);
  return Number(row?.n ?? 0);
}
