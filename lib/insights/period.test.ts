import { describe, expect, it } from "vitest";
import { formatDuration, interpolatedPercentile, percentileRanks, periodStart, periodWeeks, weekStartOf } from "./period";
import { parseInsightsQuery, insightsSearch } from "@/lib/validation/insights-query";

describe("insight periods", () => {
  it("names a week by its Monday in UTC, a Sunday night included", () => {
    expect(weekStartOf(new Date("2026-01-04T23:59:59.999Z")).toISOString()).toBe("2025-12-29T00:00:00.000Z");
    expect(weekStartOf(new Date("2026-01-05T00:00:00.000Z")).toISOString()).toBe("2026-01-05T00:00:00.000Z");
  });

  it("lists whole weeks up to the current one, across a new year", () => {
    const now = new Date("2026-01-14T12:00:00.000Z");
    expect(periodStart(now, 4).toISOString()).toBe("2025-12-22T00:00:00.000Z");
    expect(periodWeeks(now, 4)).toEqual(["2025-12-22", "2025-12-29", "2026-01-05", "2026-01-12"]);
  });

  it("interpolates percentiles between the closest ranks", () => {
    const values = [1, 2, 3, 10];
    expect(percentileRanks(4, 50)).toEqual([1, 2]);
    expect(interpolatedPercentile(4, 50, (r) => values[r]!)).toBe(2.5);
    expect(interpolatedPercentile(1, 90, () => 7)).toBe(7);
    expect(interpolatedPercentile(0, 50, () => 1)).toBeNull();
  });

  it("says durations as people do", () => {
    expect([45, 600, 3600 + 1200, 86_400 * 2 + 3600 * 4, 86_400].map(formatDuration)).toEqual(["45 s", "10 min", "1 h 20 min", "2 d 4 h", "1 d"]);
    // Rounded to the nearest of the last unit shown, never down: 2.98 minutes is about 3.
    expect([178.8, 59.6, 3599, 3600 + 1190, 86_400 - 20, 86_400 + 3600 * 5.6].map(formatDuration)).toEqual(["3 min", "1 min", "1 h", "1 h 20 min", "1 d", "1 d 6 h"]);
  });
});

describe("insights query", () => {
  it("defaults to every story over 12 weeks, and treats empty values as no filter", () => {
    expect(parseInsightsQuery(new URLSearchParams(""))).toEqual({ ok: true, query: { storyId: null, weeks: 12 } });
    expect(parseInsightsQuery(new URLSearchParams("story=&weeks="))).toEqual({ ok: true, query: { storyId: null, weeks: 12 } });
    expect(parseInsightsQuery(new URLSearchParams("story=abc_1&weeks=52&utm=x"))).toEqual({ ok: true, query: { storyId: "abc_1", weeks: 52 } });
  });

  it("refuses a period not offered, a malformed story and a repeated parameter, saying which", () => {
    expect(parseInsightsQuery(new URLSearchParams("weeks=13"))).toEqual({ ok: false, message: 'Parameter "weeks" must be one of 4, 12, 26, 52.' });
    expect(parseInsightsQuery(new URLSearchParams("story=a%20b"))).toMatchObject({ ok: false, message: expect.stringContaining('"story"') });
    expect(parseInsightsQuery(new URLSearchParams("weeks=4&weeks=12"))).toEqual({ ok: false, message: 'Parameter "weeks" may be given once.' });
  });

  it("writes the filters back as a query string, leaving defaults out", () => {
    expect(insightsSearch({ storyId: null, weeks: 12 })).toBe("");
    expect(insightsSearch({ storyId: "s1", weeks: 4 })).toBe("?story=s1&weeks=4");
  });
});
