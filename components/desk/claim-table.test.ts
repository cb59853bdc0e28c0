import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimTablePage } from "@/components/desk/claim-table";
import type { DeskClaimRow, DeskPage } from "@/lib/data/desk";

// The browser tests' desk holds a few dozen claims, never a second page of 200, so the pager's
// states are checked here, as rendered HTML (lib/data/desk.test.ts pages through real rows).
function row(i: number): DeskClaimRow {
  return { id: `c${i}`, summary: `Claim ${i}`, status: "unverified", createdAt: new Date("2026-03-01T09:00:00Z"), publishedAt: null, claimant: { name: "Microsoft" }, assignee: null };
}

function render(page: Partial<DeskPage>): string {
  return renderToStaticMarkup(
    createElement(ClaimTablePage, { page: { rows: [row(1), row(2)], total: 2, before: 0, next: null, ...page }, caption: "Claims that need review", path: "/desk" }),
  );
}

describe("a desk list, a page at a time", () => {
  it("says how many claims there are when they all fit, with no pager", () => {
    const html = render({});
    expect(html).toContain("2 claims.");
    expect(html).not.toContain("Pages of this list");
  });

  it("says which claims of how many a first page shows, and links on to the next", () => {
    const html = render({ total: 1234, next: "abc" });
    expect(html).toContain("Claims 1–2 of 1,234.");
    expect(html).toContain('<nav aria-label="Pages of this list"');
    expect(html).toMatch(/<a [^>]*rel="next" href="\/desk\?cursor=abc">Next claims<\/a>/);
    expect(html).not.toContain("Back to the oldest");
  });

  it("links back to the oldest from a later page, and on only when there is more", () => {
    const middle = render({ total: 1234, before: 200, next: "def" });
    expect(middle).toContain("Claims 201–202 of 1,234.");
    expect(middle).toMatch(/href="\/desk">Back to the oldest<\/a>/);
    expect(middle).toContain("Next claims");
    const last = render({ total: 202, before: 200 });
    expect(last).toContain("Claims 201–202 of 202.");
    expect(last).toContain("Back to the oldest");
    expect(last).not.toContain("Next claims");
  });

  it("says all is caught up when the list is empty", () => {
    const html = render({ rows: [], total: 0 });
    expect(html).toContain("Nothing here: all caught up.");
    expect(html).not.toContain("claims.");
  });
});
