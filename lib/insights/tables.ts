import type { Cell } from "@/lib/csv";
import type { Insights } from "@/lib/data/insights";
import { TIME_TO_VERDICT_BUCKETS } from "@/lib/insights/period";
import { CLAIM_STATUSES, STATUS_INFO } from "@/lib/domain/status";

/**
 * Each chart's numbers as one table: what the page shows under the chart and what its CSV
 * download holds, written once so the two never differ.
 */
export const INSIGHT_MEASURES = ["claims-by-story", "published-per-week", "time-to-verdict", "open-work", "quotes-not-found"] as const;

export type InsightMeasure = (typeof INSIGHT_MEASURES)[number];

export function isInsightMeasure(value: unknown): value is InsightMeasure {
  return typeof value === "string" && (INSIGHT_MEASURES as readonly string[]).includes(value);
}

export interface InsightTable {
  headers: string[];
  rows: Cell[][];
}

export const INSIGHT_TABLES: Record<InsightMeasure, (insights: Insights) => InsightTable> = {
  "claims-by-story": ({ byStory }) => ({
    headers: ["Story", ...CLAIM_STATUSES.map((status) => STATUS_INFO[status].label), "All claims"],
    rows: byStory.map((story) => [story.title, ...CLAIM_STATUSES.map((status) => story.counts[status]), story.total]),
  }),
  "published-per-week": ({ weeks }) => ({
    headers: ["Week beginning (Monday, UTC)", "Verdicts published", "Corrections published"],
    rows: weeks.map((week) => [week.week, week.verdicts, week.corrections]),
  }),
  "time-to-verdict": ({ timeToVerdict }) => ({
    headers: ["Time from capture to first verdict", "Claims"],
    rows: TIME_TO_VERDICT_BUCKETS.map((bucket, i) => [bucket.label, timeToVerdict.buckets[i] ?? 0]),
  }),
  "open-work": ({ reviewers }) => ({
    headers: ["Colleague", "Awaiting a verdict", "Rated, awaiting publication", "Open in all"],
    rows: reviewers.map((r) => [r.name, r.awaitingVerdict, r.awaitingPublication, r.total]),
  }),
  "quotes-not-found": ({ missingQuotes }) => ({
    headers: ["Claim", "Source", "Quote", "Claim id", "Source id"],
    rows: missingQuotes.map((q) => [q.claimSummary, q.sourceTitle, q.quote, q.claimId, q.sourceId]),
  }),
};
