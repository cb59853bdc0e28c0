import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimList } from "@/components/claims/claim-list";
import type { ClaimListItem, ClaimPage } from "@/lib/data/claims";
import { buildSnippet } from "@/lib/search/snippet";

// The browser tests' seed has a dozen claims, never a search past the count's cap, and its text
// has no markup: the capped total and the marked snippet are checked here, as rendered HTML.
function item(i: number, snippet: ClaimListItem["snippet"] = undefined): ClaimListItem {
  return {
    id: `c${i}`,
    summary: `Claim ${i}`,
    text: "",
    status: "unverified",
    claimDate: null,
    claimDatePrecision: "day",
    publishedAt: new Date("2026-03-01T09:00:00Z"),
    claimant: { id: "p", name: "Person" },
    story: { id: "s", title: "Story", slug: "story" },
    sourceCount: 1,
    snippet,
  };
}

function render(page: Partial<ClaimPage>, q = "budget"): string {
  const full: ClaimPage = { items: [item(1), item(2)], total: 2, totalIsCapped: false, offset: 0, limit: 20, nextCursor: null, ...page };
  return renderToStaticMarkup(createElement(ClaimList, { page: full, filters: { q } }));
}

describe("a page of search results", () => {
  it("says more than the cap when the count stopped there", () => {
    expect(render({ total: 1000, totalIsCapped: true, nextCursor: "abc" })).toContain("Claims 1–2 of more than 1,000, best match first");
    expect(render({ total: 2 })).toContain("Claims 1–2 of 2, best match first");
  });

  it("keeps the count's heading a heading, announcing it from a live region inside", () => {
    const html = render({ total: 2 });
    expect(html).toMatch(/<h2 id="results-heading" class="[^"]*"><span role="status">Claims 1–2 of 2, best match first<\/span><\/h2>/);
  });

  it("does not number a page placed past the end by an edited link", () => {
    // A keyset cursor carried over from a longer list says 200 claims came before this page.
    const html = render({ total: 12, offset: 200 }, "");
    expect(html).toContain("2 claims on this page, of 12, newest first");
    expect(html).not.toContain("Claims 201");
    expect(render({ total: 202, offset: 200 }, "")).toContain("Claims 201–202 of 202, newest first");
    expect(render({ items: [item(1)], total: 3, offset: 5 }, "")).toContain("1 claim on this page, of 3");
    // A link from a list with other filters: its count is that list's, whatever it says.
    expect(render({ total: 19, offset: 1, offsetKnown: false }, "")).toContain("2 claims on this page, of 19");
  });

  it("marks the matched words in each result, escaping the claim's own markup", () => {
    const snippet = buildSnippet(["budget"], { summary: "x", claimant: "y", text: "<b>Budget</b> & <script>alert(1)</script> budget", quotes: [] });
    const html = render({ items: [item(1, snippet)] });
    expect(html).toContain("In the claim: </span>&lt;b&gt;<mark");
    expect(html).toContain(">Budget</mark>&lt;/b&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt; <mark");
    expect(html).not.toContain("<script>");
    expect(html.match(/<mark/g)).toHaveLength(2);
  });

  it("marks a summary that matched in the heading's link, with no second copy of it", () => {
    const snippet = buildSnippet(["claim"], { summary: "Claim 1", claimant: "", text: "", quotes: [] });
    const html = render({ items: [item(1, snippet)] });
    expect(html).toContain('<mark class="rounded-sm bg-yellow-200 px-0.5 text-stone-950">Claim</mark> 1</a>');
    expect(html).not.toContain("In the summary");
  });
});
