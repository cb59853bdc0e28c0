import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimTablePage, deskPageTitle } from "@/components/desk/claim-table";
import type { DeskClaimRow, DeskPage } from "@/lib/data/desk";

// The browser tests' desk holds a few dozen claims, never a second page of 200, so the pager's
// states are checked here, as rendered HTML (lib/data/desk.test.ts pages through real rows).
function row(i: number): DeskClaimRow {
  return { id: `c${i}`, summary: `Claim ${i}`, status: "unverified", createdAt: new Date("2026-03-01T09:00:00Z"), publishedAt: null, claimant: { name: "Microsoft" }, assignee: null };
}

function pageOf(page: Partial<DeskPage>): DeskPage {
  return { rows: [row(1), row(2)], total: 2, before: 0, next: null, ...page };
}

function render(page: Partial<DeskPage>): string {
  return renderToStaticMarkup(createElement(ClaimTablePage, { page: pageOf(page), caption: "Claims that need review", path: "/desk" }));
}

describe("a desk list, a page at a time", () => {
  it("says how many claims there are when they all fit, with no pager", () => {
    const html = render({});
    expect(html).toContain("2 claims.");
    expect(html).toContain("<caption class=\"sr-only\">Claims that need review: 2 claims</caption>");
    expect(html).not.toContain("Pages of this list");
  });

  it("says which claims of how many a first page shows, in its text and its table's caption, and links on", () => {
    const html = render({ total: 1234, next: "abc" });
    expect(html).toContain("Claims 1–2 of 1,234.");
    expect(html).toContain("Claims that need review: claims 1–2 of 1,234</caption>");
    expect(html).toContain('<nav aria-label="Pages of this list"');
    expect(html).toMatch(/<a [^>]*rel="next" href="\/desk\?cursor=abc">Next page: newer claims<\/a>/);
    expect(html).not.toContain("First page");
  });

  it("links back to the oldest from a later page, and on only when there is more", () => {
    const middle = render({ total: 1234, before: 200, next: "def" });
    expect(middle).toContain("Claims 201–202 of 1,234.");
    expect(middle).toMatch(/href="\/desk">First page: oldest claims<\/a>/);
    expect(middle).toContain("Next page: newer claims");
    // A last page holding every claim left is still "201–202 of 202", not "202 claims".
    const last = render({ total: 202, before: 200 });
    expect(last).toContain("Claims 201–202 of 202.");
    expect(last).toContain("First page: oldest claims");
    expect(last).not.toContain("Next page");
  });

  it("says all is caught up only when nothing waits", () => {
    const html = render({ rows: [], total: 0 });
    expect(html).toContain("Nothing here: all caught up.");
    expect(html).not.toContain("claims.");
  });

  it("past the last claim, says how many still wait and links to the oldest", () => {
    const html = render({ rows: [], total: 25_001, before: 0 });
    expect(html).not.toContain("all caught up");
    expect(html).toContain("No claims past this point; 25,001 wait, from the oldest.");
    expect(html).toMatch(/href="\/desk">First page: oldest claims<\/a>/);
  });

  it("puts where a page is in the list into its title, so a screen reader hears the page change", () => {
    expect(deskPageTitle("Needs review", pageOf({}))).toBe("Needs review");
    expect(deskPageTitle("Needs review", pageOf({ total: 1234, before: 200, next: "x" }))).toBe("Needs review: claims 201–202 of 1,234");
    expect(deskPageTitle("Needs review", null)).toBe("Needs review");
  });
});
