import "server-only";
import { createHash } from "node:crypto";
import { tag } from "@/lib/cache/tags";
import { getPublishedVersion } from "@/lib/cache/version";
import { currentEdgePurgeConfig, readerCacheControl } from "@/lib/edge/purge";
import { SITE_KEY, SURROGATE_KEY_HEADER } from "@/lib/edge/surrogate-keys.mjs";
import { downloadHeaders, textStream } from "@/lib/api/stream";
import { countExportClaims, exportClaimPages, exportReferences, firstVerdictDates, getFilterNames, getStorySlug } from "@/lib/data/exports";
import { appOrigin, organisation } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { exportJsonChunks } from "@/lib/export-json";
import { claimReviewChunks, csvChunks } from "@/lib/export-streams";
import type { ExportClaim } from "@/lib/export-types";
import { PDF_MAX_CLAIMS, REPORT_MAX_CLAIMS, type Report } from "@/lib/report/model";
import { describeExportFilters, exportFiltersJson } from "@/lib/report/scope";
import type { ExportFormat, ExportQuery } from "@/lib/validation/export-query";
import { unseenFilterTarget } from "@/lib/data/filter-targets";
import { jsonError } from "@/lib/api/responses";

export type ExportScope = "editor" | "open-data";

// Laying out a PDF holds the whole document in memory for seconds: one at a time per process,
// so a burst of requests queues instead of multiplying the peak; past a few waiting, say so.
const PDF_QUEUE_LIMIT = 4;
let pdfQueue: Promise<unknown> = Promise.resolve();
let pdfWaiting = 0;
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  if (pdfWaiting >= PDF_QUEUE_LIMIT) {
    throw new AppError("unavailable", "Several PDF reports are being made right now; try again in a minute, or use the printable report.");
  }
  pdfWaiting++;
  const run = pdfQueue.then(task, task).finally(() => pdfWaiting--);
  pdfQueue = run.catch(() => undefined);
  return run;
}

/**
 * A file name people recognise: the story's address (its slug, not its id), what beyond the
 * published claims it holds, whether other filters narrowed it, and the day. A file of drafts
 * once had the name of the published file made the same day, and could be sent to a partner in
 * its place.
 */
export async function baseName(query: ExportQuery, now: Date): Promise<string> {
  const { story, publication, statuses, claimant, from, to } = query.filters;
  const slug = story ? ((await getStorySlug(story)) ?? "unknown-story") : "all-stories";
  const scope = publication === "drafts" ? "-drafts" : publication === "all" ? "-with-drafts" : "";
  const narrowed = statuses.length > 0 || claimant !== undefined || from !== undefined || to !== undefined ? "-filtered" : "";
  return `factline-claims-${slug}${scope}${narrowed}-${now.toISOString().slice(0, 10)}`;
}

/** Why a report of `count` claims cannot be made, or null when it can. */
export function reportRefusal(count: number, kind: "pdf" | "page"): string | null {
  const max = kind === "pdf" ? PDF_MAX_CLAIMS : REPORT_MAX_CLAIMS;
  if (count === 0) return "No claim matches these filters, so there is nothing to report. Widen the filters.";
  if (count <= max) return null;
  return `These filters match ${count.toLocaleString("en")} claims; a ${kind === "pdf" ? "PDF report" : "report"} holds at most ${max}. Narrow the filters, or download CSV or JSON.`;
}

/**
 * The claims a report shows, read whole (a report is bounded): refused with a 400 that says
 * what to do when the filters match more than a report holds.
 */
export async function loadReport(query: ExportQuery, kind: "pdf" | "page"): Promise<Report> {
  const refusal = reportRefusal(await countExportClaims(query.filters), kind);
  if (refusal) throw new AppError("bad_request", refusal);
  const claims: ExportClaim[] = [];
  for await (const page of exportClaimPages(query.filters, { origin: appOrigin() })) claims.push(...page);
  const names = await getFilterNames(query.filters);
  return {
    organisation: organisation(),
    title: names.story ?? "All stories",
    scope: describeExportFilters(query.filters, names),
    generatedAt: new Date(),
    claims,
  };
}

/** The open-data file's entity tag: its version of the published data, format, filters and day. */
async function openDataEtag(format: ExportFormat, query: ExportQuery, now: Date): Promise<string> {
  const identity = [await getPublishedVersion(), format, JSON.stringify(query), now.toISOString().slice(0, 10)].join("\n");
  // Weak: two downloads of one version are the same data, not byte for byte (the JSON's generatedAt).
  return `W/"${createHash("sha256").update(identity).digest("base64url").slice(0, 32)}"`;
}

/**
 * Browsers ask again before each use (max-age=0, with the ETag); a shared cache in front of the
 * app may keep a copy as long as a reader page, under the one surrogate key every published
 * change purges (lib/edge/purge.ts, docs/decisions/022-edge-cache.md).
 */
function openDataCacheHeaders(etag: string): Record<string, string> {
  return { ETag: etag, "Cache-Control": readerCacheControl(currentEdgePurgeConfig()), [SURROGATE_KEY_HEADER]: `${SITE_KEY} ${tag.published()}` };
}

/**
 * An open-data file, or 304 Not Modified when the client's copy is current (If-None-Match): the
 * version check reads Next.js's cache, never the database, so polling a file costs nothing.
 */
export async function openDataResponse(format: Exclude<ExportFormat, "pdf">, query: ExportQuery, ifNoneMatch: string | null): Promise<Response> {
  const now = new Date();
  const etag = await openDataEtag(format, query, now);
  const held = (ifNoneMatch ?? "").split(",").map((value) => value.trim());
  if (held.includes(etag) || held.includes("*")) return new Response(null, { status: 304, headers: openDataCacheHeaders(etag) });
  // A mistyped story or claimant is said, not answered with an empty file. After the version
  // check: a copy held was a 200 for a filter readers saw, and an unpublishing changes the version.
  const unseen = await unseenFilterTarget({ story: query.filters.story, claimant: query.filters.claimant });
  if (unseen) return jsonError("bad_request", unseen.message);
  const response = await exportResponse(format, query, "open-data");
  for (const [name, value] of Object.entries(openDataCacheHeaders(etag))) response.headers.set(name, value);
  return response;
}

/**
 * One export as a download. CSV, JSON and ClaimReview stream page by page; the PDF report is
 * rendered whole, which its claim limit keeps small. Open data never carries annotations or
 * history, and its filters are always "published" (parseExportQuery sees to that).
 */
export async function exportResponse(format: ExportFormat, query: ExportQuery, scope: ExportScope): Promise<Response> {
  const now = new Date();
  const name = await baseName(query, now);
  const cache = scope === "editor" ? "private" : "public";
  const pages = () => exportClaimPages(query.filters, { origin: appOrigin(), internals: scope === "editor" });

  switch (format) {
    case "csv":
      return new Response(textStream(csvChunks(pages(), query.layout, query.bom)), {
        headers: downloadHeaders("text/csv; charset=utf-8", `${name}${query.layout === "links" ? "-links" : ""}.csv`, cache),
      });
    case "json":
      return new Response(
        textStream(
          exportJsonChunks(pages(), {
            generatedAt: now,
            scope,
            organisation: organisation(),
            filters: exportFiltersJson(query.filters),
            references: exportReferences(appOrigin()),
          }),
        ),
        { headers: downloadHeaders("application/json; charset=utf-8", `${name}.json`, cache) },
      );
    case "claimreview":
      return new Response(textStream(claimReviewChunks(exportClaimPages({ ...query.filters, reviewsOnly: true }, { origin: appOrigin() }), organisation(), firstVerdictDates)), {
        headers: downloadHeaders("application/ld+json; charset=utf-8", `${name}-claimreview.jsonld`, cache),
      });
    case "pdf": {
      // Imported here so the PDF renderer loads only when someone asks for a PDF.
      const { renderReportPdf } = await import("@/lib/report/pdf");
      const report = await loadReport(query, "pdf");
      const pdf = await oneAtATime(() => renderReportPdf(report));
      return new Response(new Uint8Array(pdf), { headers: downloadHeaders("application/pdf", `${name}-report.pdf`, cache) });
    }
  }
}
