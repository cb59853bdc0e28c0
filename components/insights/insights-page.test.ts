import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InsightsPage, LISTED_MISSING_QUOTES } from "@/components/insights/insights-page";
import type { KeptInsights, MissingQuote } from "@/lib/data/insights";

// The insights page as rendered HTML, for what the browser tests' small desk never holds: more
// quotes not found than the page lists (e2e/desk-insights.spec.ts reads the page itself).
function quote(i: number): MissingQuote {
  const n = String(i).padStart(3, "0");
  return { linkId: `l${n}`, claimId: `c${n}`, claimSummary: `Claim ${n}`, sourceId: `s${n}`, sourceTitle: `Source ${n}`, quote: `quote ${n}` };
}

function render(missing: number): string {
  const insights: KeptInsights = {
    countedAt: "2026-12-05T09:00:00.000Z",
    byStory: [],
    weeks: [],
    timeToVerdict: { count: 0, medianSeconds: null, p90Seconds: null, buckets: [0, 0, 0, 0, 0, 0] },
    reviewers: [],
    missingQuotes: Array.from({ length: missing }, (_, i) => quote(i + 1)),
  };
  return renderToStaticMarkup(createElement(InsightsPage, { query: { storyId: null, weeks: 12 }, problem: null, stories: [], insights }));
}

const listedClaims = (html: string) => [...html.matchAll(/href="\/desk\/claims\/(c\d+)"/g)].map((m) => m[1]);

describe("quotes not found on the insights page", () => {
  it("lists every one when they are few, and says how many", () => {
    const html = render(3);
    expect(html).toContain("Quotes not found in their source (3)");
    expect(listedClaims(html)).toEqual(["c001", "c002", "c003"]);
    expect(html).not.toContain("the CSV has all");
  });

  it("lists the first ones and sends the reader to the CSV for the rest, with the count of all", () => {
    const html = render(LISTED_MISSING_QUOTES + 1_200);
    expect(html).toContain(`Quotes not found in their source (${(LISTED_MISSING_QUOTES + 1_200).toLocaleString("en")})`);
    expect(listedClaims(html)).toEqual(Array.from({ length: LISTED_MISSING_QUOTES }, (_, i) => quote(i + 1).claimId));
    expect(html).toContain(`The list shows the first ${LISTED_MISSING_QUOTES} by source title; the CSV has all ${(LISTED_MISSING_QUOTES + 1_200).toLocaleString("en")}.`);
    expect(html).toContain(`Numbers behind this list (${LISTED_MISSING_QUOTES} rows)`);
  });
});
