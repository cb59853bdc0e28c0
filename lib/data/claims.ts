import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { CORRECTIONS, EVENTS, LINK_FIELDS, PUBLISHED_CLAIM, SOURCE_FIELDS } from "@/lib/data/selects";
import { encodeCursor, type Cursor } from "@/lib/cursor";
import { toClaimStatus, type ClaimStatus } from "@/lib/domain/status";
import { checkQuote, type QuoteCheck } from "@/lib/quote-check";
import { publicNames } from "@/lib/env";
import { firstVerdictShownAt, linkedSourceIds, publicHistory, type PublicEvent, type RecordedEvent } from "@/lib/public-record";
import { searchClaimIds, searchTerms } from "@/lib/search";
import { buildSnippet, type Snippet } from "@/lib/search/snippet";
import type { ClaimFilters } from "@/lib/validation/claim-query";

/** Only published claims reach readers; drafts never leave lib/data. */
const PUBLISHED = PUBLISHED_CLAIM satisfies Prisma.ClaimWhereInput;

const listSelect = {
  id: true,
  summary: true,
  text: true,
  status: true,
  claimDate: true,
  claimDatePrecision: true,
  publishedAt: true,
  claimant: { select: { id: true, name: true } },
  story: { select: { id: true, title: true, slug: true } },
  sources: { select: { sourceId: true } },
} satisfies Prisma.ClaimSelect;

type ListRow = Prisma.ClaimGetPayload<{ select: typeof listSelect }>;

export interface ClaimListItem {
  id: string;
  summary: string;
  text: string;
  status: ClaimStatus;
  claimDate: Date | null;
  claimDatePrecision: string;
  publishedAt: Date;
  claimant: { id: string; name: string };
  story: { id: string; title: string; slug: string };
  /** Distinct sources linked to the claim, whatever the relation. */
  sourceCount: number;
  /** For a search: where its words are in the claim, to highlight. */
  snippet?: Snippet | null;
}

function toListItem(row: ListRow): ClaimListItem {
  return {
    id: row.id,
    summary: row.summary,
    text: row.text,
    status: toClaimStatus(row.status),
    claimDate: row.claimDate,
    claimDatePrecision: row.claimDatePrecision,
    // PUBLISHED guarantees it; the fallback only satisfies the type.
    publishedAt: row.publishedAt ?? new Date(0),
    claimant: row.claimant,
    story: row.story,
    sourceCount: new Set(row.sources.map((s) => s.sourceId)).size,
  };
}

function filterWhere(filters: ClaimFilters): Prisma.ClaimWhereInput {
  return {
    ...PUBLISHED,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.claimant ? { claimantId: filters.claimant } : {}),
    ...(filters.story ? { storyId: filters.story } : {}),
    ...(filters.source ? { sources: { some: { sourceId: filters.source } } } : {}),
  };
}

/** A search's list also reads the quotes, to show where the words matched. */
const searchListSelect = {
  ...listSelect,
  sources: { select: { sourceId: true, quote: true } },
} satisfies Prisma.ClaimSelect;

export interface ClaimPage {
  items: ClaimListItem[];
  /** How many claims match; when totalIsCapped, more than this many do. */
  total: number;
  /** A search counts its matches up to a cap (lib/search COUNT_CAP), then says "more than". */
  totalIsCapped: boolean;
  /** How many matching claims come before this page. */
  offset: number;
  /**
   * False when the page's link came from another list (other filters): it still reads on from
   * the claim it names, but `offset` counts that list's claims, not these.
   */
  offsetKnown?: boolean;
  /** The page size asked for. */
  limit: number;
  nextCursor: string | null;
}

/**
 * Published claims matching the filters: newest publication first, or best match first when
 * there is a text query. Pages are read by keyset (publishedAt, id), not by offset.
 *
 * `search` finds the ids for a text query: searchClaimIds by default; readers' requests pass
 * keptSearchClaimIds, which keeps the answer in Next.js's data cache (lib/search).
 */
export async function listClaims(
  filters: ClaimFilters,
  page: { limit: number; cursor: Cursor | null },
  search: typeof searchClaimIds = searchClaimIds,
): Promise<ClaimPage> {
  const offset = page.cursor?.n ?? 0;

  if (filters.q) {
    const found = await search(filters.q, filters, { offset, limit: page.limit });
    // Published again here: a kept answer may name a claim unpublished a moment ago.
    const rows = await db.claim.findMany({ where: { id: { in: found.ids }, ...PUBLISHED }, select: searchListSelect });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const terms = searchTerms(filters.q);
    const items = found.ids.flatMap((id) => {
      const row = byId.get(id);
      if (!row) return [];
      const quotes = row.sources.map((s) => s.quote).filter(Boolean);
      return [{ ...toListItem(row), snippet: buildSnippet(terms, { summary: row.summary, claimant: row.claimant.name, text: row.text, quotes }) }];
    });
    // Past every id the search gave, shown or not, so no page repeats or skips one.
    const seen = offset + found.ids.length;
    // A capped total is past this page (lib/search counts beyond the page asked for), so more follow.
    const hasMore = (seen < found.total || found.totalIsCapped) && found.ids.length > 0;
    return {
      items,
      total: found.total,
      totalIsCapped: found.totalIsCapped,
      offset,
      limit: page.limit,
      nextCursor: hasMore ? encodeCursor({ n: seen }) : null,
    };
  }

  const where = filterWhere(filters);
  const after = page.cursor?.p && page.cursor.id ? { p: new Date(page.cursor.p), id: page.cursor.id } : null;
  const [rows, total] = await Promise.all([
    db.claim.findMany({
      where: after
        ? {
            AND: [
              where,
              {
                OR: [
                  { publishedAt: { lt: after.p } },
                  { publishedAt: after.p, id: { lt: after.id } },
                ],
              },
            ],
          }
        : where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: page.limit + 1,
      select: listSelect,
    }),
    db.claim.count({ where }),
  ]);
  const hasMore = rows.length > page.limit;
  const items = rows.slice(0, page.limit).map(toListItem);
  const last = items.at(-1);
  const f = listFingerprint(filters);
  // A cursor without a list's name is an older link of this list's kind: taken at its word.
  // A page read from the start (no keyset in its link) is the first, whatever its link counted.
  const before = after ? offset : 0;
  const offsetKnown = after === null || page.cursor?.f === undefined || page.cursor.f === f;
  return {
    items,
    total,
    totalIsCapped: false,
    offset: before,
    offsetKnown,
    limit: page.limit,
    // A page whose place is not known passes that on: its next page is not numbered either.
    nextCursor:
      hasMore && last
        ? encodeCursor({ n: before + items.length, p: last.publishedAt.toISOString(), id: last.id, f: offsetKnown ? f : UNKNOWN_PLACE })
        : null,
  };
}

/** Carried by a cursor whose count came from another list: matches no list's fingerprint. */
const UNKNOWN_PLACE = "unknown";

/** A short name for a list's filters, carried in its cursors (Cursor.f). */
export function listFingerprint(filters: ClaimFilters): string {
  const named = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== "")
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash("sha256").update(JSON.stringify(named)).digest("base64url").slice(0, 10);
}

const detailSelect = {
  ...listSelect,
  statusReason: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  claimant: { select: { id: true, name: true, kind: true, description: true, url: true } },
  story: { select: { id: true, title: true, slug: true } },
  sources: {
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      ...LINK_FIELDS,
      source: {
        select: {
          ...SOURCE_FIELDS,
          // Read to check quotes against, never sent to the page.
          capturedText: true,
        },
      },
    },
  },
  // Only notes their authors chose to show readers; the desk's notes never leave the desk.
  annotations: {
    where: { deletedAt: null, isPublic: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, body: true, createdAt: true, updatedAt: true, author: { select: { name: true } } },
  },
  // The full history, read to derive the public one (lib/public-record.ts); never sent whole.
  events: EVENTS,
  corrections: CORRECTIONS,
  // Read to send readers on (ADR 030); only a published original's id leaves lib/data.
  duplicateOf: { select: { id: true, publishedAt: true } },
} satisfies Prisma.ClaimSelect;

type DetailRow = Prisma.ClaimGetPayload<{ select: typeof detailSelect }>;
type DetailLink = DetailRow["sources"][number];

/** A public note: its author named only when the organisation names its people (FACTLINE_PUBLIC_NAMES). */
export interface PublicNote {
  id: string;
  body: string;
  createdAt: Date;
  updatedAt: Date;
  author: { name: string } | null;
}

export type ClaimDetail = Omit<DetailRow, "status" | "publishedAt" | "sources" | "annotations" | "events" | "duplicateOf"> & {
  status: ClaimStatus;
  /** The published claim this one repeats (readers are sent there); null otherwise, a draft original included. */
  duplicateOfId: string | null;
  /** Marked as a duplicate at all: its page waits on the original's publication. */
  isDuplicate: boolean;
  publishedAt: Date;
  sourceCount: number;
  sources: (Omit<DetailLink, "source"> & { source: Omit<DetailLink["source"], "capturedText">; quoteCheck: QuoteCheck })[];
  annotations: PublicNote[];
  /** The public history (lib/public-record.ts), not the desk's. */
  events: PublicEvent[];
  /** When readers first saw a verdict on it (firstVerdictShownAt): its ClaimReview's date. */
  verdictShownAt: Date | null;
};

/** The claim's public history, with the sources its link entries name by title. */
async function readersHistory(events: RecordedEvent[], showNames: boolean): Promise<PublicEvent[]> {
  const history = publicHistory(events, { showNames });
  if (!history.some((e) => e.kind === "linked" || e.kind === "unlinked" || e.kind === "link-edited")) return history;
  const sources = await db.source.findMany({ where: { id: { in: linkedSourceIds(events) } }, select: { id: true, title: true } });
  return publicHistory(events, { showNames, sourceTitles: new Map(sources.map((s) => [s.id, s.title])) });
}

/** A published claim with its sources, public notes and public history; null when unknown or a draft. */
export async function getClaim(id: string): Promise<ClaimDetail | null> {
  const row = await db.claim.findFirst({ where: { id, ...PUBLISHED }, select: detailSelect });
  if (!row || !row.publishedAt) return null;
  const showNames = publicNames();
  const { duplicateOf, ...fields } = row;
  return {
    ...fields,
    duplicateOfId: duplicateOf?.publishedAt ? duplicateOf.id : null,
    isDuplicate: duplicateOf !== null,
    status: toClaimStatus(row.status),
    publishedAt: row.publishedAt,
    sourceCount: new Set(row.sources.map((s) => s.source.id)).size,
    sources: row.sources.map(({ source: { capturedText, ...source }, ...link }) => ({
      ...link,
      source,
      quoteCheck: checkQuote(link.quote, capturedText),
    })),
    annotations: row.annotations.map(({ author, ...note }) => ({ ...note, author: showNames ? { name: author.name } : null })),
    events: await readersHistory(row.events, showNames),
    verdictShownAt: firstVerdictShownAt(row.events),
  };
}

/**
 * Where readers of claim `id` are sent (ADR 030): its original, when it is marked as a duplicate,
 * the original is published, and readers could have had the duplicate's address: it is published
 * or was once (a "published" event). A duplicate never published is a draft like any other, "not
 * found": sending its address on would tell a stranger that the draft exists and what it repeats.
 * `originalId` names the original whatever its state, for the page to wait on (never shown): its
 * publication starts the redirect.
 */
export async function getDuplicateTarget(id: string): Promise<{ originalId: string; redirectTo: string | null } | null> {
  const row = await db.claim.findUnique({
    where: { id },
    select: { publishedAt: true, duplicateOf: { select: { id: true, publishedAt: true } }, events: { where: { kind: "published" }, select: { id: true }, take: 1 } },
  });
  if (!row?.duplicateOf) return null;
  const readersHadIt = row.publishedAt !== null || row.events.length > 0;
  return { originalId: row.duplicateOf.id, redirectTo: row.duplicateOf.publishedAt && readersHadIt ? row.duplicateOf.id : null };
}

/** The address readers of claim `id` are sent to, or null when they see its own page (or none). */
export async function getClaimRedirect(id: string): Promise<string | null> {
  return (await getDuplicateTarget(id))?.redirectTo ?? null;
}
