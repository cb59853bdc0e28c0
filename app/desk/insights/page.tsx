import type { Metadata } from "next";
import { InsightsPage } from "@/components/insights/insights-page";
import { getKeptInsights, unknownStoryProblem } from "@/lib/data/insights";
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
  // A story named in the address is looked up before anything is counted: an address with a
  // deleted story's id says so, rather than showing a story with no claims, and a made-up id
  // never becomes a kept answer of its own.
  const problem = parsed.ok ? await unknownStoryProblem(query.storyId) : parsed.message;
  const [stories, insights] = await Promise.all([listAllStories(), problem === null ? getKeptInsights(query.storyId, query.weeks) : null]);
  return <InsightsPage query={query} problem={problem} stories={stories} insights={insights} />;
}
