import { buildClaimReview, JSONLD_GRAPH_CLOSE, JSONLD_GRAPH_OPEN, jsonLdGraphItems } from "@/lib/claimreview";
import { CSV_BOM, csvHeader, csvRows, type CsvLayout } from "@/lib/csv";
import { isVerdict } from "@/lib/domain/status";
import type { ExportClaim, Organisation } from "@/lib/export-types";

/**
 * Each streamed export format as text chunks, one (or a few) per page of claims: the routes
 * pipe these to the response, so memory holds one page whatever the export's size.
 */
export async function* csvChunks(pages: AsyncIterable<ExportClaim[]>, layout: CsvLayout, bom: boolean): AsyncGenerator<string> {
  yield (bom ? CSV_BOM : "") + csvHeader(layout);
  for await (const page of pages) {
    const rows = csvRows(page, layout);
    if (rows) yield rows;
  }
}

/**
 * One JSON-LD document whose @graph holds a ClaimReview per published verdict. `verdictDates`
 * answers, for a page's claims with a published verdict, when readers first saw one
 * (lib/data/exports.ts firstVerdictDates): each review's datePublished.
 */
export async function* claimReviewChunks(
  pages: AsyncIterable<ExportClaim[]>,
  organisation: Organisation,
  verdictDates: (claimIds: string[]) => Promise<ReadonlyMap<string, Date>>,
): AsyncGenerator<string> {
  yield JSONLD_GRAPH_OPEN;
  let written = false;
  for await (const page of pages) {
    // The export reads reviewable claims only (ExportFilters.reviewsOnly); a draft or a
    // status with no rating would have no review anyway.
    const reviewed = page.filter((claim) => claim.publishedAt !== null && isVerdict(claim.status));
    const dates = reviewed.length > 0 ? await verdictDates(reviewed.map((claim) => claim.id)) : new Map<string, Date>();
    const reviews = reviewed.flatMap((claim) => buildClaimReview(claim, organisation, dates.get(claim.id) ?? null) ?? []);
    const chunk = jsonLdGraphItems(reviews, written);
    if (chunk) yield chunk;
    written ||= reviews.length > 0;
  }
  yield `${JSONLD_GRAPH_CLOSE}\n`;
}
