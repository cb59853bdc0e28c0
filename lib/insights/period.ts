/**
 * The insights page's periods and figures, in plain functions (docs/decisions/031-insights.md).
 * Weeks run Monday to Sunday in UTC and are named by their Monday (YYYY-MM-DD), which reads the
 * same on both sides of a new year, unlike ISO week numbers.
 */

/** The periods an editor can choose, in weeks; the first is the default. */
export const INSIGHT_PERIODS = [12, 4, 26, 52] as const;

export type InsightPeriod = (typeof INSIGHT_PERIODS)[number];

export const DEFAULT_PERIOD: InsightPeriod = 12;

const DAY_MS = 86_400_000;

/** The Monday, 00:00 UTC, of the week `at` falls in. */
export function weekStartOf(at: Date): Date {
  const day = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS);
}

/** A week's name: its Monday as YYYY-MM-DD. */
export function weekKey(monday: Date): string {
  return monday.toISOString().slice(0, 10);
}

/** The first moment of a period of `weeks` whole weeks that ends with the week of `now`. */
export function periodStart(now: Date, weeks: number): Date {
  return new Date(weekStartOf(now).getTime() - (weeks - 1) * 7 * DAY_MS);
}

/** Every week of the period, oldest first, by name. */
export function periodWeeks(now: Date, weeks: number): string[] {
  const first = periodStart(now, weeks).getTime();
  return Array.from({ length: weeks }, (_, i) => weekKey(new Date(first + i * 7 * DAY_MS)));
}

/**
 * The ranks (from 0, in ascending order) whose values a percentile of `count` values is read
 * from: the two around p·(count − 1), as the lower and upper of the interpolation below. Written
 * in whole numbers, as the SQL that picks those rows computes them.
 */
export function percentileRanks(count: number, percent: number): [number, number] {
  const scaled = percent * (count - 1);
  return [Math.floor(scaled / 100), Math.ceil(scaled / 100)];
}

/**
 * The p-th percentile by linear interpolation between the closest ranks (what PostgreSQL's
 * percentile_cont and spreadsheets' PERCENTILE.INC compute): the median of 1, 2, 3, 10 is 2.5.
 * `valueAt` gives the value at a rank of the ascending order. Null when there are no values.
 */
export function interpolatedPercentile(count: number, percent: number, valueAt: (rank: number) => number): number | null {
  if (count === 0) return null;
  const [lower, upper] = percentileRanks(count, percent);
  const fraction = (percent * (count - 1)) / 100 - lower;
  return valueAt(lower) + fraction * (valueAt(upper) - valueAt(lower));
}

/**
 * A duration in seconds as people say it: "3 h 20 min", "2 d 4 h", "45 s", rounded to the
 * nearest of its last unit (a median of 2.98 minutes is "3 min", not "2 min").
 */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  }
  const hours = Math.round(s / 3600);
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** The spans the time from capture to first verdict is counted in, shortest first. */
export const TIME_TO_VERDICT_BUCKETS = [
  { label: "Under 1 day", upToSeconds: 86_400 },
  { label: "1 to 3 days", upToSeconds: 3 * 86_400 },
  { label: "3 to 7 days", upToSeconds: 7 * 86_400 },
  { label: "1 to 2 weeks", upToSeconds: 14 * 86_400 },
  { label: "2 to 4 weeks", upToSeconds: 28 * 86_400 },
  { label: "4 weeks or more", upToSeconds: null },
] as const;
