import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

describe("note Markdown", () => {
  it("renders GitHub-flavoured tables, strikethrough and task lists", () => {
    const html = render(["| Figure | Source |", "| --- | ---: |", "| 3x | Guardian |", "", "~~1 PB~~ 2 PB", "", "- [x] asked ICE", "- [ ] asked Microsoft"].join("\n"));
    expect(html).toContain('<th scope="col"');
    expect(html).toMatch(/<td[^>]*>3x<\/td>/);
    expect(html).toMatch(/<td style="text-align:right"[^>]*>Guardian<\/td>/);
    expect(html).toMatch(/<del[^>]*>1 PB<\/del>/);
    expect(html).toContain('aria-label="done"');
    expect(html).toContain('aria-label="to do"');
    expect(html).not.toContain("<input");
  });

  it("still drops raw HTML and unsafe links, bare addresses included", () => {
    const html = render('Note: <script>alert(1)</script> <b onclick="x">b</b> [x](javascript:alert(1)) www.example.org/page https://example.org/a ![pixel](https://tracker.example/p.gif)');
    expect(html).not.toMatch(/<script|onclick|<b>|javascript:|<img/);
    expect(html).toContain('href="https://example.org/a"');
    expect(html).toContain('rel="noopener noreferrer nofollow ugc"');
    expect(html).toContain("pixel");
  });
});
