import type { Metadata } from "next";
import { InsightsPage } from "@/components/insights/insights-page";
import { getKeptInsights } from "@/lib/data/insights";
import { listAllStories } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";
import { toSearchParams } from "@/lib/validation/claim-query";
import { parseInsightsQuery } from "@/lib/validation/insights-query";

export const metadata: Metadata = { title: "Insights" };

/** The editors' view of the desk's work (docs/decisions/031-insights.md). Filters are a GET form. */
export default async function DeskInsightsPage({ searchParams }: PageProps<"/desk/insights">) {
  await requirePageUser("insights:view", "/desk/insights");
  const parsed = parseInsightsQuery(toSearchParams(await searchParams));
  const query = parsed.ok ? parsed.query : { storyId: null, weeks: 12 as const };
  const [stories, insights] = await Promise.all([listAllStories(), parsed.ok ? getKeptInsights(query.storyId, query.weeks) : null]);
  return <InsightsPage query={query} problem={parsed.ok ? null : parsed.message} stories={stories} insights={insights} />;
}
