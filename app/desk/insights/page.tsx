import type { Metadata } from "next";
import { InsightsView } from "@/components/insights/insights-view";
import { requirePageUser } from "@/lib/session";
import { toSearchParams } from "@/lib/validation/claim-query";
import { parseInsightsQuery } from "@/lib/validation/insights-query";

export const metadata: Metadata = { title: "Insights" };

/** The editors' view of the desk's work (docs/decisions/031-insights.md). Filters are a GET form; often from a person's copy (ADR 041). */
export default async function DeskInsightsPage({ searchParams }: PageProps<"/desk/insights">) {
  await requirePageUser("insights:view", "/desk/insights");
  const parsed = parseInsightsQuery(toSearchParams(await searchParams));
  return <InsightsView query={parsed.ok ? parsed.query : { storyId: null, weeks: 12 }} problem={parsed.ok ? null : parsed.message} />;
}
