import { z } from "zod";
import { CLAIM_STATUSES } from "@/lib/domain/status";
import { decodeCursor, type Cursor } from "@/lib/cursor";
import { recordIdSchema } from "@/lib/validation/record-id";

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const MAX_QUERY_LENGTH = 200;

const id = recordIdSchema;

/**
 * The claims filters as they arrive in a URL: `/claims?status=&claimant=&story=&source=&q=`
 * and `/api/claims?...&limit=&cursor=`. One schema for the reader page and the API, so a
 * link copied from one works in the other.
 */
export const claimQuerySchema = z.strictObject({
  status: z
    .enum(CLAIM_STATUSES, {
      error: `must be one of: ${CLAIM_STATUSES.join(", ")}`,
    })
    .optional(),
  claimant: id.optional(),
  story: id.optional(),
  source: id.optional(),
  q: z
    .string()
    .max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`)
    .transform((s) => s.trim())
    .optional(),
  limit: z
    .string()
    .regex(/^\d+$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
    .transform(Number)
    .pipe(
      // A number past 2^53 fails int()'s own range check first: it gets our sentence too.
      z
        .int({ error: `must be a whole number from 1 to ${MAX_PAGE_SIZE}` })
        .min(1, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
        .max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`),
    )
    .optional(),
  cursor: z
    .string()
    .transform((text, ctx): Cursor => {
      const cursor = decodeCursor(text);
      if (!cursor) {
        ctx.addIssue({ code: "custom", message: "is not a cursor this API gave out" });
        return z.NEVER;
      }
      return cursor;
    })
    .optional(),
});

export type ClaimQuery = z.output<typeof claimQuerySchema>;

export interface ClaimFilters {
  status?: ClaimQuery["status"];
  claimant?: string;
  story?: string;
  source?: string;
  q?: string;
}

export type ParsedClaimQuery =
  | { ok: true; filters: ClaimFilters; limit: number; cursor: Cursor | null }
  | { ok: false; message: string; field: string };

const KNOWN_PARAMETERS: ReadonlySet<string> = new Set(Object.keys(claimQuerySchema.shape));

/**
 * Parses URL search params. A parameter given twice or an invalid value is an error naming the
 * parameter: the API answers 400 with it, the page shows it. An unknown parameter is refused too,
 * empty or not, unless `unknown: "ignore"`: the reader page takes links shared with tracking
 * parameters (`utm_source`, `fbclid`) that were never meant for it, and shows what it knows.
 */
export function parseClaimQuery(params: URLSearchParams, options: { unknown?: "refuse" | "ignore" } = {}): ParsedClaimQuery {
  const raw: [string, string | undefined][] = [];
  for (const key of new Set(params.keys())) {
    if (options.unknown === "ignore" && !KNOWN_PARAMETERS.has(key)) continue;
    const values = params.getAll(key);
    if (values.length > 1) {
      return { ok: false, field: key, message: `Parameter ${shownParameter(key)} was given more than once.` };
    }
    // An empty value is "no filter" (an untouched select in the filter form sends one); the key
    // stays, so an unknown one is still refused.
    raw.push([key, values[0] === "" ? undefined : values[0]]);
  }
  // fromEntries, not assignment: `raw["__proto__"] = …` would set no key, and so pass unrefused.
  const parsed = claimQuerySchema.safeParse(Object.fromEntries(raw));
  if (!parsed.success) return { ok: false, ...describeQueryError(parsed.error) };
  const { limit, cursor, q, ...rest } = parsed.data;
  return {
    ok: true,
    filters: { ...rest, ...(q ? { q } : {}) },
    limit: limit ?? DEFAULT_PAGE_SIZE,
    cursor: cursor ?? null,
  };
}

const SHOWN_NAME_LENGTH = 40;
const SHOWN_UNKNOWN_NAMES = 5;

/**
 * A parameter's name as a message may show it. The name is whatever the visitor sent, so
 * characters that cannot be seen or that reorder the line (NUL, a right-to-left override) show
 * as "�", and a long one is cut: the message names the parameter, it does not echo a page.
 */
function visibleName(name: string): string {
  const chars = [...name.replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/gu, "\uFFFD")];
  return chars.length > SHOWN_NAME_LENGTH ? `${chars.slice(0, SHOWN_NAME_LENGTH).join("")}…` : chars.join("");
}

/** `"name"`, for "Parameter "name" …" messages. */
export function shownParameter(name: string): string {
  return `"${visibleName(name)}"`;
}

function unknownParameters(keys: string[]): string {
  const shown = keys.slice(0, SHOWN_UNKNOWN_NAMES).map((key) => (key === "" ? "(no name)" : visibleName(key)));
  const more = keys.length - shown.length;
  return `Unknown parameter${keys.length > 1 ? "s" : ""}: ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}.`;
}

/** A URL query's first problem, naming the parameter: what the API's 400 and the page's message say. */
export function describeQueryError(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  const field = issue?.path[0] !== undefined ? String(issue.path[0]) : "query";
  const message =
    issue?.code === "unrecognized_keys"
      ? unknownParameters(issue.keys)
      : `Parameter ${shownParameter(field)} ${issue?.message ?? "is invalid"}.`;
  return { field, message };
}

/** The URL query for a set of filters (and optional cursor), in a stable order for sharing. */
export function claimQueryString(filters: ClaimFilters, extra: { cursor?: string; limit?: number } = {}): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  if (filters.story) params.set("story", filters.story);
  if (filters.claimant) params.set("claimant", filters.claimant);
  if (filters.source) params.set("source", filters.source);
  if (extra.limit !== undefined && extra.limit !== DEFAULT_PAGE_SIZE) params.set("limit", String(extra.limit));
  if (extra.cursor) params.set("cursor", extra.cursor);
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** A page's `searchParams` object as URLSearchParams, keeping repeated keys. */
export function toSearchParams(record: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(record)) {
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else if (value !== undefined) params.append(key, value);
  }
  return params;
}
