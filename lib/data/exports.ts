import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { countExportClaims, readExportPage, type ExportKey } from "@/lib/data/export-sql";
import { storyMenu } from "@/lib/data/desk";
export { countExportClaims } from "@/lib/data/export-sql";
import { CORRECTIONS, EVENTS, LINK_FIELDS, SOURCE_FIELDS } from "@/lib/data/selects";
import { isClaimantKind } from "@/lib/domain/claimant-kind";
import { isoPartialDate } from "@/lib/domain/partial-date";
import { RELATIONS, isRelation } from "@/lib/domain/relation";
import { STATUS_INFO, isVerdict, toClaimStatus } from "@/lib/domain/status";
import { parseStoredJson } from "@/lib/history";
import type { ExportReferences } from "@/lib/export-json";
import type { ExportClaim, ExportInternals, ExportSource } from "@/lib/export-types";
import { firstVerdictShownAt, VERDICT_SHOWN_EVENT_KINDS } from "@/lib/public-record";
import type { ExportFilters } from "@/lib/validation/export-query";

/**
 * Reads for exports, open data, reports and ClaimReview. Claims come page by page in a stable
 * order (when recorded, then id) so an export of any size is written as it is read, never
 * held whole in memory.
 */
export const EXPORT_PAGE_SIZE = 500;


/** What every export reads of a claim; the public claim page reads the same through getClaim. */
export const EXPORT_CLAIM_SELECT = {
  id: true,
  summary: true,
  text: true,
  status: true,
  statusReason: true,
  claimDate: true,
  claimDatePrecision: true,
  publishedAt: true,
  createdAt: true,
  updatedAt: true,
  claimant: { select: { id: true, name: true, kind: true, url: true } },
  story: { select: { id: true, slug: true, title: true } },
  sources: { orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }], select: { ...LINK_FIELDS, source: { select: SOURCE_FIELDS } } },
  corrections: CORRECTIONS,
} satisfies Prisma.ClaimSelect;

const INTERNAL_SELECT = {
  annotations: {
    where: { deletedAt: null },
    orderBy: [{ createdAt: "asc" as const }, { id: "asc" as const }],
    select: { id: true, body: true, isPublic: true, createdAt: true, updatedAt: true, author: { select: { name: true } } },
  },
  events: EVENTS,
} satisfies Prisma.ClaimSelect;

type ExportRow = Prisma.ClaimGetPayload<{ select: typeof EXPORT_CLAIM_SELECT }>;
type InternalRow = Prisma.ClaimGetPayload<{ select: typeof INTERNAL_SELECT }>;

/** The shape of a claim row that can be exported (the public claim page's read is one). */
export type ExportableRow = Pick<
  ExportRow,
  "id" | "summary" | "text" | "status" | "statusReason" | "claimDate" | "claimDatePrecision" | "publishedAt" | "updatedAt" | "claimant" | "story" | "sources" | "corrections"
>;

const RELATION_ORDER = new Map(RELATIONS.map((r, i) => [r, i]));

export function claimUrl(origin: string, id: string): string {
  return new URL(`/claims/${encodeURIComponent(id)}`, origin).toString();
}

export function toExportClaim(row: ExportableRow, origin: string): ExportClaim {
  const links = row.sources
    .map((link) => ({
      id: link.id,
      relation: isRelation(link.relation) ? link.relation : "context",
      quote: link.quote,
      quotePrefix: link.quotePrefix,
      quoteSuffix: link.quoteSuffix,
      note: link.note,
      source: toExportSource(link.source),
    }))
    // Stable: appears-in first (ClaimReview's firstAppearance), then by when linked.
    .sort((a, b) => (RELATION_ORDER.get(a.relation) ?? 0) - (RELATION_ORDER.get(b.relation) ?? 0));
  return {
    id: row.id,
    summary: row.summary,
    text: row.text,
    status: toClaimStatus(row.status),
    statusReason: row.statusReason,
    claimDate: isoPartialDate(row.claimDate, row.claimDatePrecision),
    claimant: {
      id: row.claimant.id,
      name: row.claimant.name,
      kind: isClaimantKind(row.claimant.kind) ? row.claimant.kind : "organization",
      url: row.claimant.url,
    },
    story: row.story,
    publishedAt: row.publishedAt,
    updatedAt: row.updatedAt,
    url: claimUrl(origin, row.id),
    links,
    corrections: row.corrections.map((c) => ({
      id: c.id,
      createdAt: c.createdAt,
      note: c.note,
      previousStatus: toClaimStatus(c.previousStatus),
      newStatus: toClaimStatus(c.newStatus),
    })),
  };
}

function toInternals(row: InternalRow): ExportInternals {
  return {
    annotations: row.annotations.map((a) => ({ id: a.id, body: a.body, public: a.isPublic, author: a.author.name, createdAt: a.createdAt, updatedAt: a.updatedAt })),
    history: row.events.map((e) => ({ id: e.id, kind: e.kind, actor: e.actor?.name ?? null, reason: e.reason, before: parseStoredJson(e.before), after: parseStoredJson(e.after), createdAt: e.createdAt })),
  };
}

/**
 * When readers first saw a verdict on each of these claims (firstVerdictShownAt): ClaimReview's
 * datePublished. One read of their publishing and rating events, along ClaimEvent's (claimId,
 * createdAt) index; a claim whose events never show one is left out, and its first
 * publication stands in.
 */
export async function firstVerdictDates(claimIds: readonly string[]): Promise<Map<string, Date>> {
  const events = await db.claimEvent.findMany({
    where: { claimId: { in: [...claimIds] }, kind: { in: [...VERDICT_SHOWN_EVENT_KINDS] } },
    orderBy: [{ claimId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { claimId: true, kind: true, after: true, createdAt: true },
  });
  const byClaim = new Map<string, typeof events>();
  for (const event of events) {
    const list = byClaim.get(event.claimId);
    if (list) list.push(event);
    else byClaim.set(event.claimId, [event]);
  }
  const dates = new Map<string, Date>();
  for (const [claimId, list] of byClaim) {
    const shown = firstVerdictShownAt(list);
    if (shown) dates.set(claimId, shown);
  }
  return dates;
}

/**
 * The claims matching the filters, a page at a time, oldest recorded first. `internals` adds
 * annotations and history (editor exports only; open data never asks for them).
 */
export async function* exportClaimPages(
  filters: ExportFilters,
  options: { origin: string; internals?: boolean; pageSize?: number },
): AsyncGenerator<ExportClaim[]> {
  const take = options.pageSize ?? EXPORT_PAGE_SIZE;
  let after: ExportKey | null = null;
  for (;;) {
    const { rows, last } = await readExportPage(filters, after, take);
    if (rows.length === 0 || !last) return;
    const claims = rows.map((row) => toExportClaim(row, options.origin));
    if (options.internals) {
      const extra = await db.claim.findMany({ where: { id: { in: rows.map((r) => r.id) } }, select: { id: true, ...INTERNAL_SELECT } });
      const byId = new Map(extra.map((r) => [r.id, toInternals(r)]));
      for (const claim of claims) claim.internals = byId.get(claim.id) ?? { annotations: [], history: [] };
    }
    yield claims;
    if (rows.length < take) return;
    after = last;
  }
}

function toExportSource(source: Prisma.SourceGetPayload<{ select: typeof SOURCE_FIELDS }>): ExportSource {
  return {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    author: source.author,
    url: source.url,
    archivedUrl: source.archivedUrl,
    publishedAt: isoPartialDate(source.publishedAt, source.publishedAtPrecision),
    kind: source.kind,
    description: source.description,
  };
}

/** The claimants, sources and stories a JSON export lists after its claims, read by id. */
export function exportReferences(origin: string): ExportReferences {
  return {
    claimants: async (ids) =>
      (await db.claimant.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, kind: true, url: true } })).map((c) => ({
        ...c,
        kind: isClaimantKind(c.kind) ? c.kind : "organization",
      })),
    sources: async (ids) => (await db.source.findMany({ where: { id: { in: ids } }, select: SOURCE_FIELDS })).map(toExportSource),
    stories: async (ids) =>
      (await db.story.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, title: true } })).map((s) => ({
        ...s,
        url: new URL(`/stories/${encodeURIComponent(s.slug)}`, origin).toString(),
      })),
  };
}

/** The choices the export form offers. */
export async function getExportOptions() {
  const [stories, claimants] = await Promise.all([
    db.story.findMany({ orderBy: [{ title: "asc" }, { id: "asc" }], select: { id: true, title: true, slug: true, archivedAt: true } }).then(storyMenu),
    db.claimant.findMany({ where: { claims: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { stories, claimants };
}

/** Names for describing filters in a report ("Story: …, Claimant: …"). */
/** A claim the ClaimReview export leaves out, and why, in the desk's words. */
export interface LeftOutClaim {
  id: string;
  summary: string;
  reason: string;
}

/**
 * Why a ClaimReview export of these filters would hold nothing: null when it would hold at least
 * one review; otherwise how many claims match and, for the first `sample` of them, why each is
 * left out (ClaimReview is for published verdicts only: lib/claimreview.ts).
 */
export async function explainEmptyClaimReview(filters: ExportFilters, sample = 20): Promise<{ matched: number; claims: LeftOutClaim[] } | null> {
  if ((await countExportClaims({ ...filters, reviewsOnly: true })) > 0) return null;
  const matched = await countExportClaims(filters);
  const claims: LeftOutClaim[] = [];
  for await (const page of exportClaimPages(filters, { origin: "http://localhost", pageSize: sample })) {
    for (const claim of page) {
      const label = STATUS_INFO[claim.status].label;
      claims.push({
        id: claim.id,
        summary: claim.summary,
        reason:
          claim.publishedAt === null
            ? "a draft: ClaimReview is for published claims only"
            : isVerdict(claim.status)
              ? "a duplicate of a published claim: its readers are sent to the original, whose review is the one published"
              : `rated ${label}, which is not a verdict: there is no rating to review yet`,
      });
    }
    break;
  }
  return { matched, claims };
}

/** A story's address (its slug), which names export files; null when there is no such story. */
export async function getStorySlug(id: string): Promise<string | null> {
  return (await db.story.findUnique({ where: { id }, select: { slug: true } }))?.slug ?? null;
}

export async function getFilterNames(filters: ExportFilters): Promise<{ story: string | null; claimant: string | null }> {
  const [story, claimant] = await Promise.all([
    filters.story ? db.story.findUnique({ where: { id: filters.story }, select: { title: true } }) : null,
    filters.claimant ? db.claimant.findUnique({ where: { id: filters.claimant }, select: { name: true } }) : null,
  ]);
  return { story: story?.title ?? null, claimant: claimant?.name ?? null };
}
