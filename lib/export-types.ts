import type { ClaimantKind } from "@/lib/domain/claimant-kind";
import type { Relation } from "@/lib/domain/relation";
import type { ClaimStatus } from "@/lib/domain/status";

/**
 * The plain shape every export format is written from (CSV, JSON, ClaimReview, report, feed).
 * lib/data/exports.ts reads it from the database page by page; the writers (lib/csv.ts,
 * lib/claimreview.ts, lib/report/*) know nothing of Prisma or Next.js.
 */

/** Who publishes the fact-checks: ClaimReview's author and the report's header. */
export interface Organisation {
  name: string;
  /** Absolute http(s) URL of the organisation's home page. */
  url: string;
}

export interface ExportSource {
  id: string;
  title: string;
  publisher: string | null;
  author: string | null;
  url: string | null;
  archivedUrl: string | null;
  /** ISO 8601 to the precision known: "2025-09-12", "2025-09", "2025"; null when unknown. */
  publishedAt: string | null;
  /** lib/domain/source-kind.ts */
  kind: string;
  description: string;
}

export interface ExportLink {
  id: string;
  relation: Relation;
  /** The exact quote; "" for context links, which need none. */
  quote: string;
  quotePrefix: string | null;
  quoteSuffix: string | null;
  note: string | null;
  source: ExportSource;
}

/** A dated correction: a published verdict changed, with the note readers see. */
export interface ExportCorrection {
  id: string;
  createdAt: Date;
  note: string;
  previousStatus: ClaimStatus;
  newStatus: ClaimStatus;
}

export interface ExportClaim {
  id: string;
  summary: string;
  text: string;
  status: ClaimStatus;
  statusReason: string;
  /** ISO 8601 to the precision known; null when no source says when. */
  claimDate: string | null;
  claimant: { id: string; name: string; kind: ClaimantKind; url: string | null };
  story: { id: string; slug: string; title: string };
  /** Null for a draft (only editor exports contain drafts). */
  publishedAt: Date | null;
  updatedAt: Date;
  /** Absolute URL of the public claim page. */
  url: string;
  /** Links in a stable order: appears-in first, then supports, disputes, context. */
  links: ExportLink[];
  /** Oldest first. */
  corrections: ExportCorrection[];
  /** Editor exports only; never present in open data. */
  internals?: ExportInternals;
}

/** What only editor exports carry: reviewers' notes and the full history, with names. */
export interface ExportInternals {
  /** Every note the desk has, internal and public: `public` says which readers see. */
  annotations: { id: string; body: string; public: boolean; author: string; createdAt: Date; updatedAt: Date }[];
  history: { id: string; kind: string; actor: string | null; reason: string | null; before: unknown; after: unknown; createdAt: Date }[];
}
