import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimFilters, optionsMarkup, type ClaimFiltersProps } from "@/components/claims/claim-filters";

// The seed is too small for the "too many for a menu" state to appear in the browser tests,
// so the filter form's three states are checked here, as rendered HTML.
function render(props: Partial<ClaimFiltersProps>): string {
  return renderToStaticMarkup(
    createElement(ClaimFilters, {
      filters: {},
      stories: [{ id: "s1", label: "Story one" }],
      claimants: [{ id: "c1", label: "Microsoft" }],
      sources: [{ id: "src1", label: "The Guardian" }],
      activeClaimant: null,
      activeSource: null,
      ...props,
    }),
  );
}

describe("ClaimFilters", () => {
  it("offers a labelled menu when there are few enough to choose from", () => {
    const html = render({ filters: { source: "src1" } });
    expect(html).toContain('<label for="filter-source"');
    expect(html).toMatch(/<select id="filter-source" name="source"[^>]*>[\s\S]*The Guardian/);
  });

  it("names the active filter in a labelled group, keeps it in the form and offers to remove it", () => {
    const html = render({ sources: null, filters: { source: "src1", status: "false" }, activeSource: { id: "src1", label: "The Guardian" } });
    expect(html).not.toContain('id="filter-source"');
    expect(html).toMatch(/<fieldset><legend[^>]*>Source<\/legend><input type="hidden" name="source" value="src1"\/>/);
    expect(html).toContain("The Guardian");
    // Removing it keeps the other filters.
    expect(html).toMatch(/<a [^>]*href="\/claims\?status=false"[^>]*>Remove the source filter<\/a>/);
  });

  it("points to where the filter starts when there is no menu and no active filter", () => {
    const html = render({ claimants: null });
    expect(html).not.toContain('id="filter-claimant"');
    expect(html).toMatch(/<a [^>]*href="\/claimants"[^>]*>claimants list<\/a>/);
  });

  it("marks the chosen story and source in the menus, and only that one", () => {
    const html = render({ filters: { story: "s2", source: "src1" }, stories: [{ id: "s1", label: "Story one" }, { id: "s2", label: "Story two" }] });
    expect(html).toMatch(/<select id="filter-story" name="story"[^>]*><option value="">Any story<\/option><option value="s1">Story one<\/option><option value="s2" selected>Story two<\/option><\/select>/);
    expect(html).toMatch(/<option value="src1" selected>The Guardian<\/option>/);
    // Story, source, and the untouched status and claimant menus: one choice each.
    expect(html.match(/ selected/g)).toHaveLength(4);
    expect(render({}).match(/<option value="" selected>/g)).toHaveLength(3);
  });

  it("escapes what the menus show as React would, so a title cannot add markup", () => {
    const markup = optionsMarkup("Any story", [{ id: 'a"b', label: "<script>alert('x')</script> & co" }], 'a"b');
    expect(markup).toBe('<option value="">Any story</option><option value="a&quot;b" selected>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; co</option>');
    const parsed = renderToStaticMarkup(createElement("select", { dangerouslySetInnerHTML: { __html: markup } }));
    expect(parsed).not.toContain("<script>");
  });
});
