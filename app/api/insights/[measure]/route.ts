import type { NextRequest } from "next/server";
import { handleApi, jsonError } from "@/lib/api/responses";
import { CSV_BOM, csvTable } from "@/lib/csv";
import { getKeptInsights, unknownStoryProblem } from "@/lib/data/insights";
import { INSIGHT_MEASURES, INSIGHT_TABLES, isInsightMeasure } from "@/lib/insights/tables";
import { authorize } from "@/lib/session";
import { parseInsightsQuery } from "@/lib/validation/insights-query";

// The numbers behind each insights chart, as CSV: the desk's figures (drafts counted), so the
// role is checked here, not only on the page.
export async function GET(request: NextRequest, { params }: RouteContext<"/api/insights/[measure]">): Promise<Response> {
  return handleApi(async () => {
    await authorize("insights:view");
    const { measure } = await params;
    if (!isInsightMeasure(measure)) return jsonError("not_found", `No such figures; one of: ${INSIGHT_MEASURES.join(", ")}.`);
    const parsed = parseInsightsQuery(request.nextUrl.searchParams);
    if (!parsed.ok) return jsonError("bad_request", parsed.message);
    const unknownStory = await unknownStoryProblem(parsed.query.storyId);
    if (unknownStory) return jsonError("not_found", unknownStory);
    const insights = await getKeptInsights(parsed.query.storyId, parsed.query.weeks);
    const table = INSIGHT_TABLES[measure](insights);
    const day = insights.countedAt.slice(0, 10);
    const scope = `${parsed.query.storyId ? `story-${parsed.query.storyId}-` : ""}${parsed.query.weeks}-weeks`;
    return new Response(CSV_BOM + csvTable(table.headers, table.rows), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="insights-${measure}-${scope}-${day}.csv"`,
        "cache-control": "private, no-store",
      },
    });
  });
}
