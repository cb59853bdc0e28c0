/**
 * Dates as sources give them: "September 2025" is a month, not the 1st of September.
 * Stored as a UTC date plus a precision, shown only to the precision known.
 */
/**
 * The years a claim's date, a date filter or a list position may fall in. Both engines store
 * far more (PostgreSQL from 4713 BC, but no year 0 and no five-digit year in the form the
 * driver writes); no newsroom needs it, and a bound both engines hold alike keeps a hostile
 * "0000-01-01" a 400 on either.
 */
export const EARLIEST_YEAR = 1000;
export const LATEST_YEAR = 2999;

/** Whether `date` falls within the years EARLIEST_YEAR to LATEST_YEAR. */
export function isWithinDateRange(date: Date): boolean {
  const year = date.getUTCFullYear();
  return !Number.isNaN(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}

export const DATE_PRECISIONS = ["day", "month", "year"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

const MONTH_FORMAT: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" },
  month: { year: "numeric", month: "long", timeZone: "UTC" },
  year: { year: "numeric", timeZone: "UTC" },
};

export function isDatePrecision(value: unknown): value is DatePrecision {
  return typeof value === "string" && (DATE_PRECISIONS as readonly string[]).includes(value);
}

/** "12 April 2025", "September 2025", "2025"; null when there is no date. */
export function formatPartialDate(date: Date | null, precision: string = "day"): string | null {
  if (!date) return null;
  const p = isDatePrecision(precision) ? precision : "day";
  return new Intl.DateTimeFormat("en-GB", MONTH_FORMAT[p]).format(date);
}

/** ISO 8601 to the known precision: 2025-04-12, 2025-09, 2025. */
export function isoPartialDate(date: Date | null, precision: string = "day"): string | null {
  if (!date) return null;
  const iso = date.toISOString();
  if (precision === "year") return iso.slice(0, 4);
  if (precision === "month") return iso.slice(0, 7);
  return iso.slice(0, 10);
}
