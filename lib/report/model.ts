import type { DatePrecision } from "@/lib/domain/partial-date";
import { RELATION_INFO, type Relation } from "@/lib/domain/relation";
import { CLAIM_STATUSES, STATUS_INFO, correctionSentence, type ClaimStatus } from "@/lib/domain/status";
import type { ExportClaim, ExportCorrection, ExportSource, Organisation } from "@/lib/export-types";
import { isExternalUrl, safeMarkdownUrl } from "@/lib/markdown";

/**
 * A fact-check report: the claims a set of filters selects, as one document for printing or
 * sending. The HTML view (components/report/report-view.tsx) and the PDF (lib/report/pdf.tsx)
 * both render it, and take every sentence they show from the helpers below, so the two formats
 * never say different things about the same claim.
 */
export interface Report {
  organisation: Organisation;
  /** The story's title, or "All stories". */
  title: string;
  /** The filters in plain words: "Statuses: False, Misleading · Claimant: Microsoft". */
  scope: string;
  generatedAt: Date;
  claims: ExportClaim[];
}

/**
 * A report is read on paper: past a few hundred claims it stops being a report and becomes an
 * export. The route refuses more than this and asks for narrower filters; the CSV and JSON
 * exports are there for everything.
 */
export const REPORT_MAX_CLAIMS = 500;

/**
 * The PDF is laid out whole in memory by react-pdf: on two cores 100 claims take about 2.6 s,
 * 500 took 13-16 s and 0.8-1.1 GB. The PDF holds fewer claims than the printable page.
 */
export const PDF_MAX_CLAIMS = 100;

export interface StatusCount {
  status: ClaimStatus;
  label: string;
  count: number;
}

/** Claims per status, in the scale's own order, leaving out statuses no claim has. */
export function statusCounts(claims: readonly ExportClaim[]): StatusCount[] {
  const counts = new Map<ClaimStatus, number>();
  for (const claim of claims) counts.set(claim.status, (counts.get(claim.status) ?? 0) + 1);
  return CLAIM_STATUSES.flatMap((status) => {
    const count = counts.get(status) ?? 0;
    return count > 0 ? [{ status, label: STATUS_INFO[status].label, count }] : [];
  });
}

export function claimCountLabel(count: number): string {
  return count === 1 ? "1 claim" : `${count} claims`;
}

export function statusLabel(status: ClaimStatus): string {
  return STATUS_INFO[status].label;
}

export function relationLabel(relation: Relation): string {
  return RELATION_INFO[relation].label;
}

const longDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** "29 November 2026": the day in UTC, so a report reads the same wherever it is made. */
export function formatReportDate(date: Date): string {
  return longDate.format(date);
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

// The same wording as formatPartialDate in lib/domain/partial-date.ts, with the formatters built
// once: that function builds one per call, which costs more than the rest of a claim's layout
// in a report of hundreds of claims.
const PARTIAL_DATE_FORMAT: Record<DatePrecision, Intl.DateTimeFormat> = {
  day: new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "long", timeZone: "UTC" }),
  year: new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "UTC" }),
};

/**
 * An ISO date to the precision the source gives ("2025", "2025-09", "2025-09-12", or a full
 * timestamp) in words: "2025", "September 2025", "12 September 2025". A value that is not such
 * a date (a bad import, "2025-02-30") is shown as stored rather than dropped or rolled over to
 * another day: a report must not invent a date, nor lose one.
 */
export function formatIsoPartialDate(iso: string | null): string | null {
  const value = iso?.trim();
  if (!value) return null;
  const match = PARTIAL_DATE.exec(value);
  if (!match) return value;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return value;
  const precision: DatePrecision = match[3] !== undefined ? "day" : match[2] !== undefined ? "month" : "year";
  return PARTIAL_DATE_FORMAT[precision].format(date);
}

/** "Said by Jane Doe, 12 April 2025", or a plain statement that no source says when. */
export function saidByLine(claim: Pick<ExportClaim, "claimant" | "claimDate">): string {
  const date = formatIsoPartialDate(claim.claimDate);
  return date ? `Said by ${claim.claimant.name}, ${date}` : `Said by ${claim.claimant.name}; our sources do not say when`;
}

/** Drafts appear only in editors' reports, and must never pass for published verdicts. */
export function publicationLine(claim: Pick<ExportClaim, "publishedAt" | "updatedAt">): string {
  const updated = formatReportDate(claim.updatedAt);
  return claim.publishedAt
    ? `Published ${formatReportDate(claim.publishedAt)}; last updated ${updated}`
    : `Draft, not published; last updated ${updated}`;
}

export function statusReasonText(claim: Pick<ExportClaim, "statusReason">): string {
  return claim.statusReason.trim() || "No reason has been recorded yet.";
}

/** "Previously Misleading": what the verdict was before this correction changed it. */
export function correctionLabel(correction: ExportCorrection): string {
  return correctionSentence(correction.previousStatus, correction.newStatus);
}

/** "Reuters · by Jane Doe · 12 April 2025", leaving out what the source does not say. */
export function sourceMetaLine(source: Pick<ExportSource, "publisher" | "author" | "publishedAt">): string {
  return [source.publisher, source.author ? `by ${source.author}` : null, formatIsoPartialDate(source.publishedAt)]
    .filter((part): part is string => Boolean(part))
    .join(" · ");
}

/**
 * The address a report may link to: an absolute http(s) URL, normalised as a browser reads it.
 * Anything else (javascript:, a relative path, a URL with hidden characters) is shown as text
 * only, never made clickable, in both the HTML and the PDF.
 */
export function sourceHref(url: string | null): string | null {
  if (!url) return null;
  const safe = safeMarkdownUrl(url);
  return safe && isExternalUrl(safe) ? safe : null;
}

/** The anchor each claim's section carries, for the summary table's links. */
export function claimAnchor(claim: Pick<ExportClaim, "id">): string {
  return `claim-${claim.id}`;
}
