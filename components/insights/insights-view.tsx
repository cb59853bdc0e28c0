import { InsightsPage } from "@/components/insights/insights-page";
import { getKeptInsights, unknownStoryProblem } from "@/lib/data/insights";
import { listAllStories } from "@/lib/data/desk";
import type { InsightsQuery } from "@/lib/validation/insights-query";

/**
 * The insights for a set of filters, or `problem` (a parameter that is wrong) with none. The
 * desk's page draws it for each request, and its copy (ADR 041) once per person and state.
 */
export async function InsightsView({ query, problem }: { query: InsightsQuery; problem: string | null }) {
  // A story named in the address is looked up before anything is counted: an address with a
  // deleted story's id says so, rather than showing a story with no claims, and a made-up id
  // never becomes a kept answer of its own.
  const found = problem ?? (await unknownStoryProblem(query.storyId));
  const [stories, insights] = await Promise.all([listAllStories(), found === null ? getKeptInsights(query.storyId, query.weeks) : null]);
  return <InsightsPage query={query} problem={found} stories={stories} insights={insights} />;
}
