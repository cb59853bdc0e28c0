import { afterEach, beforeEach, describe, expect, it } from "vitest";
// How Next.js matches a rewrite's source and `has` conditions (server/lib/router-utils/resolve-routes.js).
import { matchHas } from "next/dist/shared/lib/router/utils/prepare-destination";
import { getPathMatch } from "next/dist/shared/lib/router/utils/path-match";
import { DESK_COPY_HEADER, deskCopyKey, deskCopyPage, deskCopyRewrites, readDeskCopyKey, type DeskCopy } from "@/lib/cache/desk-copies";
import { CACHED_PREFIX, isCachedTreePath } from "@/lib/cache/reader-routes";
import { INSIGHT_PERIODS } from "@/lib/insights/period";
import { parseInsightsQuery } from "@/lib/validation/insights-query";

const none = new Headers();
const page = (path: string, headers: Headers = none, method = "GET") => {
  const url = new URL(path, "http://x");
  return deskCopyPage(method, url.pathname, url.searchParams, headers);
};

describe("which desk requests a copy answers", () => {
  beforeEach(() => {
    process.env.FACTLINE_DESK_COPIES = "1";
  });
  afterEach(() => {
    delete process.env.FACTLINE_DESK_COPIES;
  });

  it("the insights with their filters, and a finder page, read", () => {
    expect(page("/desk/insights")).toEqual({ kind: "insights", storyId: null, weeks: 12 });
    expect(page("/desk/insights?story=&weeks=")).toEqual({ kind: "insights", storyId: null, weeks: 12 });
    expect(page("/desk/insights?weeks=52&story=microsoft-ice-surveillance")).toEqual({ kind: "insights", storyId: "microsoft-ice-surveillance", weeks: 52 });
    expect(page("/desk/insights", none, "HEAD")).not.toBeNull();
    expect(page("/desk/sources/microsoft-ice-article/finder")).toEqual({ kind: "finder", sourceId: "microsoft-ice-article", page: 1 });
    expect(page("/desk/sources/microsoft-ice-article/finder?page=3")).toEqual({ kind: "finder", sourceId: "microsoft-ice-article", page: 3 });
  });

  it("not what the page itself must answer in words, nor a notice, a post or a router payload", () => {
    for (const path of [
      "/desk/insights?weeks=5",
      "/desk/insights?weeks=12&weeks=4",
      "/desk/insights?story=a/b",
      "/desk/insights?done=saved",
      "/desk/insights?utm_source=x",
      "/desk/sources/a%20b/finder",
      "/desk/sources/x/finder?page=0",
      "/desk/sources/x/finder?page=abc",
      "/desk/sources/x/finder?page=1&page=2",
      "/desk/sources/x/finder?done=recorded",
      "/desk/sources/x/finder/",
      "/desk/sources/x/edit",
      "/desk",
      "/Desk/insights",
    ]) {
      expect(page(path), path).toBeNull();
    }
    expect(page("/desk/insights", none, "POST")).toBeNull();
    expect(page("/desk/insights", new Headers({ "next-action": "abc" }))).toBeNull();
    expect(page("/desk/insights", new Headers({ rsc: "1" }))).toBeNull();
  });

  it("takes the insights filters exactly as the page's own parser does (this file may not import it: next.config.ts loads it)", () => {
    const stories = ["", "microsoft-ice-surveillance", "cmxbkmq4000098b7dqcvw6v37", "a".repeat(64), "a".repeat(65), "x y", "../x", "é", "%00"];
    const weeks = ["", ...INSIGHT_PERIODS.map(String), "0", "4.0", "+4", "0x4", "1e1", " 4", "53", "-4"];
    for (const story of stories) {
      for (const week of weeks) {
        const params = new URLSearchParams({ story, weeks: week });
        const parsed = parseInsightsQuery(params);
        const copy = deskCopyPage("GET", "/desk/insights", params, none);
        expect(copy, `story=${story}&weeks=${week}`).toEqual(parsed.ok ? { kind: "insights", ...parsed.query } : null);
      }
    }
  });

  it("none at all without the server that puts each response's nonce in place of the copy's", () => {
    delete process.env.FACTLINE_DESK_COPIES;
    expect(page("/desk/insights")).toBeNull();
    expect(page("/desk/sources/microsoft-ice-article/finder")).toBeNull();
  });
});

const editor = { id: "user-editor", name: "Ed “the desk” O'Neil / ü", role: "editor" };

describe("a desk copy's key", () => {
  const copies: DeskCopy[] = [
    { kind: "insights", storyId: null, weeks: 12, person: editor, stamp: "3:7:1764000000000" },
    { kind: "insights", storyId: "microsoft-ice-surveillance", weeks: 52, person: editor, stamp: "1:1:0" },
    { kind: "finder", sourceId: "microsoft-ice-article", page: 2, person: { ...editor, name: "x".repeat(200) }, stamp: "2:1/3:4:5/6:7:8/9:10" },
  ];

  it("reads back as the copy it names, only as its own kind", () => {
    for (const copy of copies) {
      const key = deskCopyKey(copy);
      expect(key).toMatch(/^[a-z]+\.[A-Za-z0-9_-]+$/);
      expect(readDeskCopyKey(key, copy.kind)).toEqual(copy);
      expect(readDeskCopyKey(key, copy.kind === "insights" ? "finder" : "insights")).toBeNull();
    }
  });

  it("differs for another person, role, name, page, filter or state", () => {
    const [base] = copies;
    const keys = [
      base!,
      { ...base!, person: { ...editor, id: "user-other" } },
      { ...base!, person: { ...editor, role: "admin" } },
      { ...base!, person: { ...editor, name: "Ed" } },
      { ...base!, weeks: 4 },
      { ...base!, storyId: "s" },
      { ...base!, stamp: "4:7:1764000000000" },
    ].map((copy) => deskCopyKey(copy as DeskCopy));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("never reads back a key the proxy could not have made", () => {
    const encode = (fields: unknown) => Buffer.from(JSON.stringify(fields)).toString("base64url");
    for (const key of [
      "",
      "insights",
      "insights.",
      "insights.!!",
      `insights.${encode([null, 12, "u", "n", "editor"])}`,
      `insights.${encode([null, 5, "u", "n", "editor", "s"])}`,
      `insights.${encode(["a/b", 12, "u", "n", "editor", "s"])}`,
      `insights.${encode([null, 12, "../u", "n", "editor", "s"])}`,
      `finder.${encode([null, 1, "u", "n", "editor", "s"])}`,
      `finder.${encode(["x", 0, "u", "n", "editor", "s"])}`,
      `finder.${encode(["x", 1.5, "u", "n", "editor", "s"])}`,
      `finder.${Buffer.from("not json").toString("base64url")}`,
    ]) {
      expect(readDeskCopyKey(key, "insights") ?? readDeskCopyKey(key, "finder"), key).toBeNull();
    }
  });

  it("is what Next.js's rewrites match: the page's own address and a key of its kind in the proxy's header", () => {
    const [insights, finder] = deskCopyRewrites();
    expect(insights!.destination).toBe(`${CACHED_PREFIX}/desk-insights/:key`);
    expect(finder!.destination).toBe(`${CACHED_PREFIX}/desk-finder/:key`);
    for (const rewrite of [insights!, finder!]) expect(isCachedTreePath(rewrite.destination)).toBe(true);
    const request = (headers: Record<string, string>) => ({ headers }) as never;
    const insightsKey = deskCopyKey(copies[0]!);
    const finderKey = deskCopyKey(copies[2]!);
    expect(matchHas(request({ [DESK_COPY_HEADER]: insightsKey }), {}, insights!.has, [])).toEqual({ key: insightsKey });
    expect(matchHas(request({ [DESK_COPY_HEADER]: finderKey }), {}, finder!.has, [])).toEqual({ key: finderKey });
    // A key of the other kind, or none, is not rewritten: the page is rendered per request.
    expect(matchHas(request({ [DESK_COPY_HEADER]: finderKey }), {}, insights!.has, [])).toBe(false);
    expect(matchHas(request({ [DESK_COPY_HEADER]: insightsKey }), {}, finder!.has, [])).toBe(false);
    expect(matchHas(request({}), {}, insights!.has, [])).toBe(false);
    const matches = (source: string) => getPathMatch(source, { strict: true, removeUnnamedParams: true, sensitive: false });
    expect(matches(insights!.source)("/desk/insights")).not.toBe(false);
    expect(matches(finder!.source)("/desk/sources/microsoft-ice-article/finder")).toEqual({ id: "microsoft-ice-article" });
    expect(matches(finder!.source)("/desk/sources/microsoft-ice-article/edit")).toBe(false);
  });
});
