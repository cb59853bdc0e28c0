import { z } from "zod";
import { EARLIEST_YEAR, LATEST_YEAR, isWithinDateRange } from "@/lib/domain/partial-date";
import { CLAIM_STATUSES, type ClaimStatus } from "@/lib/domain/status";
import { CSV_LAYOUTS, type CsvLayout } from "@/lib/csv";
import { describeQueryError, shownParameter } from "@/lib/validation/claim-query";
import { recordIdSchema } from "@/lib/validation/record-id";

/**
 * The export filters as they arrive in a URL, shared by the editor's export form, the editor
 * download route and the public open-data routes, so a filtered link copied from one works in
 * the others: `story`, `status` (repeatable), `claimant`, `from` and `to` (claim dates,
 * YYYY-MM-DD, inclusive).
 */
export const EXPORT_FORMATS = ["csv", "json", "claimreview", "pdf"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Which claims an editor export holds; open data is always "published". */
export const PUBLICATION_SCOPES = ["all", "published", "drafts"] as const;
export type PublicationScope = (typeof PUBLICATION_SCOPES)[number];

export const PUBLICATION_LABEL: Record<PublicationScope, string> = {
  all: "Published claims and drafts",
  published: "Published claims only",
  drafts: "Drafts only",
};

export interface ExportFilters {
  story?: string;
  statuses: ClaimStatus[];
  claimant?: string;
  /** Claim dates from this day (UTC midnight)… */
  from?: Date;
  /** …up to and including this day. */
  to?: Date;
  publication: PublicationScope;
  /**
   * Only claims with a ClaimReview: published verdicts readers see on their own page (not a
   * duplicate whose readers are sent to its published original). Set by the ClaimReview export,
   * never by a query.
   */
  reviewsOnly?: boolean;
}

export interface ExportQuery {
  filters: ExportFilters;
  format?: ExportFormat;
  layout: CsvLayout;
  bom: boolean;
}

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
  .transform((text, ctx) => {
    const date = new Date(`${text}T00:00:00.000Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: "custom", message: "is not a real date" });
      return z.NEVER;
    }
    if (!isWithinDateRange(date)) {
      ctx.addIssue({ code: "custom", message: `must be a day in the years ${EARLIEST_YEAR} to ${LATEST_YEAR}` });
      return z.NEVER;
    }
    return date;
  });

const filterShape = {
  story: recordIdSchema.optional(),
  status: z.array(z.enum(CLAIM_STATUSES, { error: `must be one of: ${CLAIM_STATUSES.join(", ")}` })).optional(),
  claimant: recordIdSchema.optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
};

const csvShape = {
  layout: z.enum(CSV_LAYOUTS, { error: `must be one of: ${CSV_LAYOUTS.join(", ")}` }).optional(),
  bom: z.enum(["0", "1"], { error: 'must be "1" (add a byte-order mark) or "0"' }).optional(),
};

/** Which parameters each entry point takes: anything else is refused, not silently ignored. */
export const EXPORT_QUERY_KINDS = {
  /** The editor's download route and report pages. */
  editor: z.strictObject({
    ...filterShape,
    ...csvShape,
    publication: z.enum(PUBLICATION_SCOPES, { error: `must be one of: ${PUBLICATION_SCOPES.join(", ")}` }).optional(),
    format: z.enum(EXPORT_FORMATS, { error: `must be one of: ${EXPORT_FORMATS.join(", ")}` }).optional(),
  }),
  "open-csv": z.strictObject({ ...filterShape, ...csvShape }),
  "open-json": z.strictObject(filterShape),
} as const;

export type ExportQueryKind = keyof typeof EXPORT_QUERY_KINDS;

export type ParsedExportQuery =
  | { ok: true; query: ExportQuery }
  /** `formMessage`: the sentence for the desk's form, where a parameter's name means nothing. */
  | { ok: false; field: string; message: string; formMessage?: string };

/**
 * Parses URL search params for one entry point. `status` may repeat (several statuses); any other
 * parameter given twice, an unknown one or a bad value is an error naming it. An empty value is
 * "no filter", as an untouched select sends.
 */
export function parseExportQuery(params: URLSearchParams, kind: ExportQueryKind): ParsedExportQuery {
  const raw: [string, string | string[]][] = [];
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key).filter((v) => v !== "");
    if (key === "status") {
      if (values.length > 0) raw.push(["status", values]);
      continue;
    }
    if (values.length > 1) return { ok: false, field: key, message: `Parameter ${shownParameter(key)} was given more than once.` };
    if (values.length === 1) raw.push([key, values[0] ?? ""]);
    // hasOwn, not `in`: "constructor" or "toString" is in every object, and is no parameter of ours.
    else if (!Object.hasOwn(EXPORT_QUERY_KINDS[kind].shape, key)) raw.push([key, ""]);
  }
  // fromEntries, not assignment: `raw["__proto__"] = …` would set no key, and so pass unrefused.
  const parsed = EXPORT_QUERY_KINDS[kind].safeParse(Object.fromEntries(raw));
  if (!parsed.success) return { ok: false, ...describeQueryError(parsed.error) };
  const data: z.output<(typeof EXPORT_QUERY_KINDS)["editor"]> = parsed.data;
  if (data.from && data.to && data.from > data.to) {
    return {
      ok: false,
      field: "to",
      message: 'Parameter "to" must not be before "from".',
      formMessage: `The end date is before the start date (${data.from.toISOString().slice(0, 10)}): choose a day on or after it.`,
    };
  }
  return {
    ok: true,
    query: {
      filters: {
        ...(data.story ? { story: data.story } : {}),
        statuses: [...new Set(data.status ?? [])],
        ...(data.claimant ? { claimant: data.claimant } : {}),
        ...(data.from ? { from: data.from } : {}),
        ...(data.to ? { to: data.to } : {}),
        publication: kind === "editor" ? (data.publication ?? "all") : "published",
      },
      ...(data.format ? { format: data.format } : {}),
      layout: data.layout ?? "claims",
      bom: data.bom === "1",
    },
  };
}

/** The filters as URL parameters, in a stable order (links in the page, the report's URL). */
export function exportQueryString(filters: ExportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filters.story) params.set("story", filters.story);
  for (const status of filters.statuses) params.append("status", status);
  if (filters.claimant) params.set("claimant", filters.claimant);
  if (filters.from) params.set("from", filters.from.toISOString().slice(0, 10));
  if (filters.to) params.set("to", filters.to.toISOString().slice(0, 10));
  // Editor links only (open data takes no "publication"), and always written: its default differs.
  params.set("publication", filters.publication);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : "";
}
