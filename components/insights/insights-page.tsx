import Link from "next/link";
import { BarChart, type ChartSeries } from "@/components/insights/bar-chart";
import { ChartLegend, InsightSection } from "@/components/insights/insight-section";
import { SelectField } from "@/components/forms/fields";
import { FocusOnProblem } from "@/components/forms/focus-on-problem";
import type { KeptInsights } from "@/lib/data/insights";
import type { ClaimStatus } from "@/lib/domain/status";
import { CLAIM_STATUSES } from "@/lib/domain/status";
import { INSIGHT_PERIODS, formatDuration } from "@/lib/insights/period";
import { INSIGHT_TABLES, type InsightMeasure, type InsightTable } from "@/lib/insights/tables";
import { insightsSearch, type InsightsQuery } from "@/lib/validation/insights-query";

/** The chart of claims by status groups the eight statuses in five, as the table does not. */
const STATUS_GROUPS: ChartSeries[] = [
  { key: "pending", label: "Awaiting a verdict" },
  { key: "accurate", label: "Accurate or mostly accurate" },
  { key: "mixed", label: "Misleading or unsupported" },
  { key: "false", label: "False" },
  { key: "not-checkable", label: "Not checkable" },
];

const STATUS_GROUP: Record<ClaimStatus, number> = {
  unverified: 0,
  "in-review": 0,
  accurate: 1,
  "mostly-accurate": 1,
  misleading: 2,
  unsupported: 2,
  false: 3,
  "not-checkable": 4,
};

const WEEK_SERIES: ChartSeries[] = [
  { key: "verdicts", label: "Verdicts published" },
  { key: "corrections", label: "Corrections published" },
];

const WORK_SERIES: ChartSeries[] = [
  { key: "verdict", label: "Awaiting a verdict" },
  { key: "publication", label: "Rated, awaiting publication" },
];

/** How many stories the status chart (and the page's table) shows; the CSV has them all. */
const CHARTED_STORIES = 15;

/** How many quotes not found the page lists; the CSV has them all. */
export const LISTED_MISSING_QUOTES = 50;

const counted = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function csvHref(measure: InsightMeasure, query: InsightsQuery): string {
  return `/api/insights/${measure}${insightsSearch(query)}`;
}

function FilterForm({ query, stories, problem }: { query: InsightsQuery; stories: { id: string; title: string }[]; problem: string | null }) {
  return (
    <form id="insights-filters" method="get" action="/desk/insights" aria-label="Filter insights" className="mb-6 grid gap-x-4 rounded border border-stone-300 bg-white p-4 sm:grid-cols-[minmax(0,20rem)_12rem_auto] sm:items-end">
      <SelectField name="story" label="Story" placeholder="All stories" defaultValue={query.storyId ?? ""} options={stories.map((story) => ({ value: story.id, label: story.title }))} />
      <SelectField name="weeks" label="Period" defaultValue={String(query.weeks)} options={[...INSIGHT_PERIODS].sort((a, b) => a - b).map((weeks) => ({ value: String(weeks), label: `Last ${weeks} weeks` }))} />
      <div className="mb-4">
        <button type="submit" className="rounded border border-blue-900 bg-blue-800 px-4 py-1.5 font-medium text-white hover:bg-blue-900">
          Show
        </button>
      </div>
      {problem ? (
        <p role="alert" tabIndex={-1} data-problem className="font-medium text-red-800 sm:col-span-3">
          {problem} Choose a story and a period from the menus.
          <FocusOnProblem formId="insights-filters" />
        </p>
      ) : null}
    </form>
  );
}

export function InsightsPage({ query, problem, stories, insights }: { query: InsightsQuery; problem: string | null; stories: { id: string; title: string }[]; insights: KeptInsights | null }) {
  const storyTitle = query.storyId ? (stories.find((s) => s.id === query.storyId)?.title ?? "the chosen story") : "all stories";
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Insights</h1>
      <p className="mb-4 max-w-prose text-stone-800">
        The state of the desk at a glance: drafts included, so these figures are for the newsroom, never for readers. Weeks run Monday to Sunday in UTC.
      </p>
      <FilterForm query={query} stories={stories} problem={problem} />
      {insights ? <Measures query={query} insights={insights} storyTitle={storyTitle} /> : null}
    </>
  );
}

function Measures({ query, insights, storyTitle }: { query: InsightsQuery; insights: KeptInsights; storyTitle: string }) {
  const period = `the last ${query.weeks} weeks`;
  const { timeToVerdict } = insights;
  const charted = insights.byStory.slice(0, CHARTED_STORIES);
  // The page's table holds the charted stories; the CSV holds every one (a newsroom may have
  // hundreds, and the page is read on every visit).
  // The same for quotes not found: after an edit that moved a source's text, it may be thousands.
  const listedQuotes = insights.missingQuotes.slice(0, LISTED_MISSING_QUOTES);
  const tables = Object.fromEntries(Object.entries(INSIGHT_TABLES).map(([measure, build]) => [measure, build({ ...insights, byStory: charted, missingQuotes: listedQuotes })])) as Record<InsightMeasure, InsightTable>;
  const moreStories = insights.byStory.length - charted.length;
  const moreQuotes = insights.missingQuotes.length - listedQuotes.length;
  return (
    <>
      <p className="mb-6 text-sm text-stone-800">
        Showing {storyTitle}, {period}. Counted {counted.format(new Date(insights.countedAt))} UTC; the figures are counted again at most once a minute.
      </p>

      <InsightSection
        id="claims-by-story"
        heading="Claims by status for each story"
        definition={
          <p>
            Every claim recorded in each story, published or draft, by its status now. The period does not apply: this is the desk as it stands.
            {moreStories > 0 ? ` The chart and table show the ${CHARTED_STORIES} stories with the most claims; the CSV has all ${insights.byStory.length.toLocaleString("en")}.` : null}
          </p>
        }
        table={tables["claims-by-story"]}
        tableCaption="Claims by status for each story"
        csvHref={csvHref("claims-by-story", query)}
      >
        <BarChart
          id="chart-claims-by-story"
          title={`Claims by status, ${storyTitle}`}
          description={`Stacked bars, one per story${moreStories > 0 ? `, the ${CHARTED_STORIES} stories with the most claims` : ""}, each divided into five groups of statuses and labelled with its number of claims. The numbers are in the table that follows.`}
          series={STATUS_GROUPS}
          layout="stacked"
          rows={charted.map((story) => {
            const values = STATUS_GROUPS.map(() => 0);
            for (const status of CLAIM_STATUSES) values[STATUS_GROUP[status]]! += story.counts[status];
            return { label: story.title, values };
          })}
        />
        <ChartLegend chartId="chart-claims-by-story" series={STATUS_GROUPS} />
      </InsightSection>

      <InsightSection
        id="published-per-week"
        heading="Verdicts and corrections published per week"
        definition={
          <p>
            A <strong>verdict published</strong> is a claim first published with a verdict (accurate to false; “not checkable” is not a verdict), or a published claim readers saw pending given its first verdict (an update). Republishing counts nothing. A <strong>correction</strong> is a
            correction note published on a claim, in the week it was written.
          </p>
        }
        table={tables["published-per-week"]}
        tableCaption={`Verdicts and corrections published per week, ${period}`}
        csvHref={csvHref("published-per-week", query)}
      >
        <BarChart
          id="chart-published-per-week"
          title={`Verdicts and corrections published per week, ${period}`}
          description="Pairs of bars, one pair per week named by its Monday, oldest first: verdicts published, then corrections, each labelled with its number. The numbers are in the table that follows."
          series={WEEK_SERIES}
          layout="grouped"
          rows={insights.weeks.map((week) => ({ label: `Week of ${week.week}`, values: [week.verdicts, week.corrections] }))}
        />
        <ChartLegend
          chartId="chart-published-per-week"
          series={WEEK_SERIES}
        />
      </InsightSection>

      <InsightSection
        id="time-to-verdict"
        heading="Time from capture to first verdict"
        definition={
          <>
            <p>
              From when a claim was recorded on the desk to the first status change that gave it a verdict, for the claims whose first verdict was given in {period}. Claims imported with their verdict are not counted. The median is the middle value, the 90th percentile the time nine in ten claims were rated within (both
              interpolated between the nearest claims).
            </p>
            <dl className="mt-3 grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1">
              <dt className="font-semibold">Claims rated</dt>
              <dd>{timeToVerdict.count.toLocaleString("en")}</dd>
              <dt className="font-semibold">Median</dt>
              <dd>{timeToVerdict.medianSeconds === null ? "None rated in the period" : formatDuration(timeToVerdict.medianSeconds)}</dd>
              <dt className="font-semibold">90th percentile</dt>
              <dd>{timeToVerdict.p90Seconds === null ? "None rated in the period" : formatDuration(timeToVerdict.p90Seconds)}</dd>
            </dl>
          </>
        }
        table={tables["time-to-verdict"]}
        tableCaption={`Claims by time from capture to first verdict, ${period}`}
        csvHref={csvHref("time-to-verdict", query)}
      >
        <BarChart
          id="chart-time-to-verdict"
          title={`Claims by time from capture to first verdict, ${period}`}
          description="One bar per span of time, shortest first, each labelled with its number of claims. The numbers are in the table that follows."
          series={[{ key: "claims", label: "Claims" }]}
          layout="stacked"
          rows={tables["time-to-verdict"].rows.map(([label, value]) => ({ label: String(label), values: [Number(value)] }))}
        />
      </InsightSection>

      <InsightSection
        id="open-work"
        heading="Open work per colleague"
        definition={<p>Claims not yet at a published rating, by who they are assigned to: awaiting a verdict (unverified or in review, published or not), or rated but still a draft. Everyone who can sign in is listed, with none open too.</p>}
        table={tables["open-work"]}
        tableCaption="Open work per colleague"
        csvHref={csvHref("open-work", query)}
      >
        <BarChart
          id="chart-open-work"
          title="Open work per colleague"
          description="Stacked bars, one per colleague and one for unassigned claims: awaiting a verdict, then rated and awaiting publication, each bar labelled with its total. The numbers are in the table that follows."
          series={WORK_SERIES}
          layout="stacked"
          rows={insights.reviewers.map((r) => ({ label: r.name, values: [r.awaitingVerdict, r.awaitingPublication] }))}
        />
        <ChartLegend
          chartId="chart-open-work"
          series={WORK_SERIES}
        />
      </InsightSection>

      <InsightSection
        id="quotes-not-found"
        heading={`Quotes not found in their source (${insights.missingQuotes.length.toLocaleString("en")})`}
        definition={
          <p>
            Links whose quote is not in the source’s captured text, by the same rules as the claim page’s check (spacing, quote marks and dashes forgiven). Sources with no captured text are not checked. Open the claim to correct the quote.
            {moreQuotes > 0 ? ` The list shows the first ${LISTED_MISSING_QUOTES} by source title; the CSV has all ${insights.missingQuotes.length.toLocaleString("en")}.` : null}
          </p>
        }
        table={tables["quotes-not-found"]}
        tableCaption="Quotes not found in their source"
        csvHref={csvHref("quotes-not-found", query)}
        tableOpen
        cells={(row, column) => {
          const quote = listedQuotes[row]!;
          if (column === 0) return <Link href={`/desk/claims/${quote.claimId}`} className="text-blue-800 underline">{quote.claimSummary}</Link>;
          if (column === 1) return <Link href={`/desk/sources/${quote.sourceId}/edit`} className="text-blue-800 underline">{quote.sourceTitle}</Link>;
          return undefined;
        }}
      />
    </>
  );
}
