import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/components/ui/markdown";
import { EXTERNAL_LINK_REL, isExternalUrl, safeMarkdownUrl } from "./markdown";

function render(text: string): string {
  return renderToStaticMarkup(createElement(Markdown, { text }));
}

/** Every href the markup would follow. */
function hrefs(html: string): string[] {
  return [...html.matchAll(/\shref="([^"]*)"/g)].map((match) => match[1]!);
}

describe("safeMarkdownUrl", () => {
  it.each([
    ["https://example.com/report?id=7#para-2", "https://example.com/report?id=7#para-2"],
    ["http://example.com", "http://example.com/"],
    ["HTTPS://EXAMPLE.COM/Path", "https://example.com/Path"],
    ["mailto:desk@example.org", "mailto:desk@example.org"],
    ["mailto:desk@example.org?subject=Claim%207", "mailto:desk@example.org?subject=Claim%207"],
    ["https://example.com/a%20b", "https://example.com/a%20b"],
  ])("keeps %s as %s", (url, expected) => {
    expect(safeMarkdownUrl(url)).toBe(expected);
  });

  it.each([
    ["javascript:alert(1)"],
    ["JaVaScRiPt:alert(1)"],
    [" javascript:alert(1)"],
    [" JAVASCRIPT:alert(1)"],
    ["java\tscript:alert(1)"],
    ["java\nscript:alert(1)"],
    ["java\rscript:alert(1)"],
    ["\u0000javascript:alert(1)"],
    ["javascript\u0000:alert(1)"],
    ["\u0001javascript:alert(1)"],
    ["javascript:alert(1)\n"],
    ["java\u200bscript:alert(1)"],
    ["\ufeffjavascript:alert(1)"],
    ["javascript://example.com/%0aalert(1)"],
    ["data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="],
    ["DATA:text/html,<script>alert(1)</script>"],
    ["vbscript:msgbox(1)"],
    ["file:///etc/passwd"],
    ["ftp://example.com/file"],
    ["blob:https://example.com/5a1c"],
    ["about:blank"],
    ["//evil.example/path"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["/claims/42"],
    ["#top"],
    ["?q=1"],
    ["evil.example"],
    [""],
    ["https:"],
    ["mailto:"],
    ["https://trusted.example@evil.example/"],
    ["https://user:secret@example.com/"],
    ["https://exa\u202emple.com"],
    [" https://example.com"],
    ["https://example.com/a b"],
  ])("refuses %j", (url) => {
    expect(safeMarkdownUrl(url)).toBeNull();
  });

  it("tells a web link from an email link", () => {
    expect(isExternalUrl("https://example.com/")).toBe(true);
    expect(isExternalUrl("http://example.com/")).toBe(true);
    expect(isExternalUrl("mailto:desk@example.org")).toBe(false);
  });
});

describe("Markdown", () => {
  it("renders emphasis, paragraphs and code", () => {
    const html = render("**bold** and _soft_\n\nNext `x < y`");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>soft</em>");
    expect(html).toContain("<p>Next <code");
    expect(html).toContain("x &lt; y</code>");
  });

  it("drops a script block instead of rendering or showing it", () => {
    const html = render("Before\n\n<script>alert(1)</script>\n\nAfter");
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain("&lt;script");
    expect(html).not.toContain("alert(1)");
    expect(html).toContain("<p>Before</p>");
    expect(html).toContain("<p>After</p>");
  });

  it("drops script tags inside a paragraph, leaving their words as inert text", () => {
    // Inside a paragraph, CommonMark sees two separate tags; the words between are plain text.
    const html = render("Note <script>alert(1)</script> end");
    expect(html).toBe('<div class="space-y-2"><p>Note alert(1) end</p></div>');
  });

  it("drops inline HTML tags and keeps the words between them", () => {
    const html = render('Say <b onclick="x()">hello</b> <iframe src="https://evil.example"></iframe>');
    expect(html).not.toMatch(/<b[\s>]|<iframe/i);
    expect(html).not.toContain("onclick");
    expect(html).not.toContain("&lt;");
    expect(html).toContain("hello");
  });

  it("drops an HTML image with an onerror handler", () => {
    const html = render("Look <img src=x onerror=alert(1)> here\n\n<img src=x onerror=alert(1)>");
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("onerror");
    expect(html).toContain("Look");
  });

  it("turns a javascript: link into inert text", () => {
    const html = render("[x](javascript:alert(1))");
    expect(html).toBe('<div class="space-y-2"><p><span>x</span></p></div>');
  });

  it.each([
    ["[a](JaVaScRiPt:alert(1))"],
    ["[a](javascript&colon;alert(1))"],
    ["[a](&#106;avascript:alert(1))"],
    ["[a](<java\tscript:alert(1)>)"],
    ["[a](data:text/html;base64,PHNjcmlwdD4=)"],
    ["[a](vbscript:msgbox(1))"],
    ["[a](//evil.example)"],
    ["<javascript:alert(1)>"],
    ["[a][ref]\n\n[ref]: javascript:alert(1)"],
  ])("neutralises %j", (text) => {
    const html = render(text);
    expect(html).not.toContain("<a");
    expect(hrefs(html)).toEqual([]);
    expect(html).toMatch(/<span>[^<]*<\/span>/);
  });

  it("keeps a web link, marked as untrusted and external", () => {
    const html = render('[the report](https://example.com/report "Reuters")');
    expect(html).toContain(
      `<a href="https://example.com/report" title="Reuters" rel="${EXTERNAL_LINK_REL}" class="text-blue-800 underline">the report</a>`,
    );
  });

  it("keeps a mailto link, without the external rel", () => {
    const html = render("[write to the desk](mailto:desk@example.org)");
    expect(html).toContain('<a href="mailto:desk@example.org" class="text-blue-800 underline">write to the desk</a>');
  });

  it("links CommonMark autolinks, web and email", () => {
    const html = render("See <https://example.com/a?b=1&c=2> or <desk@example.org>.");
    expect(hrefs(html)).toEqual(["https://example.com/a?b=1&amp;c=2", "mailto:desk@example.org"]);
    expect(html).toContain(`rel="${EXTERNAL_LINK_REL}"`);
  });

  it("links a bare web address (GitHub-flavoured), through the same link check", () => {
    expect(hrefs(render("See https://example.com/x"))).toEqual(["https://example.com/x"]);
    expect(hrefs(render("See javascript:alert(1) and www.example.com"))).toEqual(["http://www.example.com/"]);
  });

  it("shows an image's alt text and no image", () => {
    const html = render("![Chart of ICE storage](https://example.com/chart.png) and ![](https://example.com/pixel.gif)");
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("chart.png");
    expect(html).not.toContain("pixel.gif");
    expect(html).toContain("<span>Chart of ICE storage</span>");
  });

  it("refuses a data: image", () => {
    const html = render("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)");
    expect(html).not.toContain("data:");
    expect(html).not.toMatch(/<img/i);
  });

  it("demotes every heading level to a bold paragraph", () => {
    const html = render("# One\n\n## Two\n\n### Three\n\n#### Four\n\n##### Five\n\n###### Six\n\nSetext\n===");
    expect(html).not.toMatch(/<h[1-6]/);
    for (const word of ["One", "Two", "Three", "Four", "Five", "Six", "Setext"]) {
      expect(html).toContain(`<p class="font-semibold">${word}</p>`);
    }
  });

  it("styles bullet and numbered lists, keeping a list's start number", () => {
    const html = render("- one\n- two\n\n3. three\n4. four");
    expect(html).toContain('<ul class="list-disc space-y-1 pl-6">');
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<ol start="3" class="list-decimal space-y-1 pl-6">');
    expect(html).toContain("<li>four</li>");
  });

  it("escapes text that looks like markup once HTML is gone", () => {
    const html = render('A & B "quoted" 3 > 2');
    expect(html).toContain("A &amp; B &quot;quoted&quot; 3 &gt; 2");
  });
});
