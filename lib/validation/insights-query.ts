import { z } from "zod";
import { DEFAULT_PERIOD, INSIGHT_PERIODS, type InsightPeriod } from "@/lib/insights/period";
import { recordIdSchema } from "@/lib/validation/record-id";

/**
 * The insights filters as they arrive in a URL (the page's GET form and its CSV links):
 * `story` (a story id; empty means every story) and `weeks` (one of INSIGHT_PERIODS).
 */
export interface InsightsQuery {
  storyId: string | null;
  weeks: InsightPeriod;
}

// Written as the menu sends them: "4", not "4.0", "+4" or "0x4", which Number() would accept.
/** In the order the menu lists them, shortest first. */
const PERIOD_VALUES: readonly string[] = [...INSIGHT_PERIODS].sort((a, b) => a - b).map(String);
const weeksSchema = z
  .string()
  .refine((value) => PERIOD_VALUES.includes(value), `must be one of ${PERIOD_VALUES.join(", ")}`)
  .transform((value) => Number(value) as InsightPeriod);

/** An empty value is no filter, as an unchosen menu submits it. */
const emptyIsAbsent = z
  .string()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

const insightsQuerySchema = z.object({
  story: emptyIsAbsent.pipe(recordIdSchema.optional()),
  weeks: emptyIsAbsent.pipe(weeksSchema.optional()),
});

function single(params: URLSearchParams, name: string): string | undefined | null {
  const values = params.getAll(name);
  if (values.length > 1) return null;
  return values[0];
}

/** The filters, or a sentence saying which parameter is wrong. Unknown parameters are ignored. */
export function parseInsightsQuery(params: URLSearchParams): { ok: true; query: InsightsQuery } | { ok: false; message: string } {
  const raw: Record<string, string | undefined> = {};
  for (const name of ["story", "weeks"]) {
    const value = single(params, name);
    if (value === null) return { ok: false, message: `Parameter "${name}" may be given once.` };
    raw[name] = value;
  }
  const parsed = insightsQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `Parameter "${String(issue.path[0])}" ${issue.message}.` };
  }
  const { story, weeks } = parsed.data;
  return { ok: true, query: { storyId: story ?? null, weeks: weeks ?? DEFAULT_PERIOD } };
}

/** The page and CSV query string of a set of filters; defaults are left out. */
export function insightsSearch(query: InsightsQuery): string {
  const params = new URLSearchParams();
  if (query.storyId) params.set("story", query.storyId);
  if (query.weeks !== DEFAULT_PERIOD) params.set("weeks", String(query.weeks));
  const text = params.toString();
  return text ? `?${text}` : "";
}
