import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReportView } from "@/components/report/report-view";
import type { ExportClaim, ExportLink, ExportSource } from "@/lib/export-types";
import { formatIsoPartialDate, sourceHref, statusCounts, type Report } from "@/lib/report/model";
import { renderReportPdf, toPdfText, UNSUPPORTED_MARK, urlLines } from "@/lib/report/pdf";

// pdf.js needs the metrics of the 14 built-in fonts it does not embed; read them from the
// package on disk (it never fetches them) so it lays out text without warnings.
const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;

interface ParsedPdf {
  pageCount: number;
  /** Every page's text, items joined and whitespace collapsed. */
  text: string;
  info: Record<string, unknown>;
  links: { url?: string; dest?: unknown }[];
  /** Named places in the document that internal links can go to. */
  destinations: string[];
}

async function parsePdf(bytes: Buffer): Promise<ParsedPdf> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise;
  try {
    const parts: string[] = [];
    const links: ParsedPdf["links"] = [];
    for (let number = 1; number <= pdf.numPages; number += 1) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      // Pieces of one line (a URL set as several boxes) join as they are; a line end is a space.
      for (const item of content.items) if ("str" in item) parts.push(item.str, item.hasEOL ? " " : "");
      parts.push(" ");
      for (const annotation of (await page.getAnnotations()) as { subtype: string; url?: string; dest?: unknown }[]) {
        if (annotation.subtype === "Link") links.push({ url: annotation.url, dest: annotation.dest });
      }
    }
    const info: Record<string, unknown> = { ...(await pdf.getMetadata()).info };
    const destinations = Object.keys(await pdf.getDestinations());
    return { pageCount: pdf.numPages, text: parts.join("").replace(/\s+/g, " "), info, links, destinations };
  } finally {
    await pdf.destroy();
  }
}

function link(
  overrides: Partial<Omit<ExportLink, "source">> & Pick<ExportLink, "id" | "relation"> & { source?: Partial<ExportSource> },
): ExportLink {
  return {
    quote: "",
    quotePrefix: null,
    quoteSuffix: null,
    note: null,
    ...overrides,
    source: {
      id: `source-${overrides.id}`,
      title: "A source",
      publisher: null,
      author: null,
      url: null,
      archivedUrl: null,
      publishedAt: null,
      kind: "news",
      description: "",
      ...overrides.source,
    },
  };
}

function claim(overrides: Partial<ExportClaim> & Pick<ExportClaim, "id" | "summary" | "text" | "status">): ExportClaim {
  return {
    statusReason: "",
    claimDate: null,
    claimant: { id: "claimant-1", name: "Microsoft", kind: "organization", url: null },
    story: { id: "story-1", slug: "microsoft-ice", title: "Microsoft and ICE" },
    publishedAt: new Date("2026-01-10T09:00:00Z"),
    updatedAt: new Date("2026-02-01T09:00:00Z"),
    url: `https://factline.example/claims/${overrides.id}`,
    links: [],
    corrections: [],
    ...overrides,
  };
}

const corrected = claim({
  id: "c1",
  summary: "Microsoft <script>alert(1)</script> & ICE ended their contract",
  text: "We ended the contract — full stop, it’s over… ‘for good’",
  status: "misleading",
  statusReason: "The contract was renewed under another name – see the filing.",
  claimDate: "2025-04-12",
  corrections: [
    {
      id: "k1",
      createdAt: new Date("2026-01-20T15:00:00Z"),
      note: "A second filing came to light.",
      previousStatus: "accurate",
      newStatus: "misleading",
    },
  ],
  links: [
    link({
      id: "l1",
      relation: "appears-in",
      quote: "the contract is over",
      source: {
        title: "Company blog post",
        publisher: "Microsoft",
        url: "https://blogs.example.com/2025/04/12/an-update-on-our-work-with-public-sector-customers?utm=one&two=2",
        archivedUrl: "https://web.archive.org/web/2025/https://blogs.example.com/2025/04/12/",
        publishedAt: "2025-04",
      },
    }),
    link({
      id: "l2",
      relation: "disputes",
      quote: "renewed for two years",
      note: "Page 4 of the filing.",
      // A bad address typed long ago: shown as the text it is, never made a link.
      source: { title: "Procurement filing", url: "javascript:alert(1)" },
    }),
  ],
});

const contextOnly = claim({
  id: "c2",
  summary: "ICE has no cloud contracts left",
  text: "There are no cloud contracts left at ICE",
  status: "false",
  claimant: { id: "claimant-2", name: "Jane Doe", kind: "person", url: null },
  publishedAt: null,
  links: [link({ id: "l3", relation: "context", source: { title: "Procurement explainer" } })],
});

const report: Report = {
  organisation: { name: "Factline Desk", url: "https://factline.example" },
  title: "Microsoft–ICE: “the record”",
  scope: "Statuses: False, Misleading · Claimant: Microsoft",
  generatedAt: new Date("2026-11-29T10:00:00Z"),
  claims: [corrected, contextOnly],
};

/** What both renderers must say about the report above, word for word. */
const REPORT_SENTENCES = [
  "Factline Desk",
  report.title,
  report.scope,
  "Generated 29 November 2026",
  "2 claims in this report.",
  corrected.summary,
  contextOnly.summary,
  "Our rating: Misleading",
  "Our rating: False",
  `“${corrected.text}”`,
  `“${contextOnly.text}”`,
  "Said by Microsoft, 12 April 2025.",
  "Said by Jane Doe; our sources do not say when.",
  "Draft, not published",
  "20 January 2026: We changed our rating from Accurate to Misleading.",
  "A second filing came to light.",
  "Appears in",
  "“the contract is over”",
  "Microsoft · April 2025",
  "Disputed by",
  "Note: Page 4 of the filing.",
  "Context",
  "Procurement explainer",
  "Archived copy:",
  "javascript:alert(1)",
];

describe("renderReportPdf", () => {
  it("writes a PDF whose text says what the report says", async () => {
    const bytes = await renderReportPdf(report);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const pdf = await parsePdf(bytes);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(1);
    expect(pdf.info).toMatchObject({ Title: report.title, Author: "Factline Desk", Creator: "Factline" });

    for (const expected of [...REPORT_SENTENCES, `Page 1 of ${pdf.pageCount}`]) {
      expect(pdf.text).toContain(expected);
    }
    // A long URL is broken into lines (never hyphenated); read back without the breaks, it is whole.
    expect(pdf.text.replaceAll(" ", "")).toContain(corrected.links[0]!.source.url);
    expect(pdf.text).not.toMatch(/blogs\.example\.com\S*-\s/);
    // Counts per status, in the scale's order, present statuses only.
    expect(pdf.text).toMatch(/Misleading ?1 ?False ?1/);
    expect(pdf.text).not.toMatch(/Accurate ?0|Unverified/);
    // A context link has no quote, and no empty quotation marks stand in for one.
    expect(pdf.text).not.toContain("“”");
  });

  it("keeps typographic marks as themselves", async () => {
    const pdf = await parsePdf(await renderReportPdf(report));
    for (const mark of ["“", "”", "‘", "’", "—", "–", "…"]) expect(pdf.text).toContain(mark);
    expect(pdf.text).toContain("renewed under another name – see the filing.");
    expect(pdf.text).not.toContain(UNSUPPORTED_MARK);
  });

  it("links the source's address and each summary row to its claim", async () => {
    const pdf = await parsePdf(await renderReportPdf(report));
    const urls = pdf.links.flatMap((l) => (l.url ? [l.url] : []));
    expect(urls).toContain(corrected.links[0]!.source.url);
    expect(urls).toContain(corrected.links[0]!.source.archivedUrl);
    expect(urls.every((url) => url.startsWith("https://"))).toBe(true);
    expect(pdf.links.map((l) => l.dest)).toEqual(expect.arrayContaining(["claim-c1", "claim-c2"]));
    expect(pdf.destinations).toEqual(expect.arrayContaining(["claim-c1", "claim-c2"]));
  });

  it("numbers every page of a long report", async () => {
    const claims = Array.from({ length: 30 }, (_, i) => ({ ...corrected, id: `many-${i}`, summary: `Claim number ${i + 1}` }));
    const pdf = await parsePdf(await renderReportPdf({ ...report, claims }));
    expect(pdf.pageCount).toBeGreaterThan(2);
    for (let page = 1; page <= pdf.pageCount; page += 1) expect(pdf.text).toContain(`Page ${page} of ${pdf.pageCount}`);
    for (const { summary } of claims) expect(pdf.text).toContain(`${summary} `);
  });

  it("marks text the built-in fonts cannot show instead of printing other letters", async () => {
    const bytes = await renderReportPdf({
      ...report,
      claims: [
        claim({
          id: "c3",
          summary: "Rise of −3% claimed by the 5′ 11″ minister of Łódź",
          text: "قال الوزير إن العقد انتهى and then 合同已经结束 ended 😀 here",
          status: "unverified",
          claimant: { id: "claimant-3", name: "وزير", kind: "person", url: null },
        }),
      ],
    });
    const pdf = await parsePdf(bytes);
    expect(pdf.text).toContain("Rise of -3% claimed by the 5' 11\" minister of Lódz");
    expect(pdf.text).toContain(`“${UNSUPPORTED_MARK} and then ${UNSUPPORTED_MARK} ended ${UNSUPPORTED_MARK} here”`);
    expect(pdf.text).toContain(`Said by ${UNSUPPORTED_MARK}`);
    expect(pdf.text).toContain("Some text is in a script this PDF cannot show");
  });
});

describe("toPdfText", () => {
  it.each([
    ["“Quoted” — ‘said’ … 5 € – ok", "“Quoted” — ‘said’ … 5 € – ok"],
    ["Café, naïve, Søren, Ærø", "Café, naïve, Søren, Ærø"],
    ["Cafe\u0301", "Café"],
    ["5′ and 6″", "5' and 6\""],
    ["−3%", "-3%"],
    ["Wałęsa, Erdoğan, Ceaușescu, Đoković", "Walesa, Erdogan, Ceausescu, Dokovic"],
    ["zero\u200bwidth\u00adsoft", "zerowidthsoft"],
    ["thin\u2009space", "thin space"],
    ["tab\there\r\nline", "tab here\nline"],
    ["bell\u0007nul\u0000c1\u0093", "bellnulc1"],
    ["مرحبا بالعالم!", `${UNSUPPORTED_MARK}!`],
    ["你好，世界", `${UNSUPPORTED_MARK},${UNSUPPORTED_MARK}`],
    ["lone \ud800 surrogate", `lone ${UNSUPPORTED_MARK} surrogate`],
    ["ﬁnal", "final"],
  ])("prints %j as %j", (input, expected) => {
    expect(toPdfText(input)).toBe(expected);
  });
});

describe("urlLines", () => {
  it("breaks a long URL after its slashes into lines that fit, losing nothing", () => {
    const url = "https://example.com/" + "a-long-path-segment/".repeat(8) + "end?utm_source=x&y=z";
    const lines = urlLines(url);
    expect(lines.join("")).toBe(url);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    for (const line of lines.slice(0, -1)) expect(line).toMatch(/\/$/);
  });

  it("keeps a short URL on one line and cuts a token with no slash", () => {
    expect(urlLines("https://example.com/a")).toEqual(["https://example.com/a"]);
    const token = "x".repeat(120);
    expect(urlLines(token)).toEqual(["x".repeat(50), "x".repeat(50), "x".repeat(20)]);
  });
});

/** The visible text of server-rendered markup, as a reader sees it. */
function htmlText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(lt|gt|quot|amp|#x27|#39|nbsp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', amp: "&", "#x27": "'", "#39": "'", nbsp: " " })[name] ?? "")
    .replace(/\s+/g, " ");
}

describe("ReportView (the same report as HTML)", () => {
  const html = renderToStaticMarkup(createElement(ReportView, { report }));
  // Tags are replaced by spaces, so inline pieces ("Our rating: " + label) may gain one.
  const text = htmlText(html).replace(/ ([.,:;])/g, "$1");

  it("says what the PDF says", () => {
    for (const expected of REPORT_SENTENCES) expect(text).toContain(expected);
    expect(text).toMatch(/Misleading 1 False 1/);
  });

  it("escapes markup in stored text and sets no inline style", () => {
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ICE");
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it("has one h1 and headings that never skip a level", () => {
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    for (let i = 1; i < levels.length; i += 1) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);
  });

  it("tabulates the claims and links each row to its article", () => {
    expect(html).toMatch(/<table[^>]*><caption[^>]*>[^<]+<\/caption>/);
    expect([...html.matchAll(/<th scope="col"[^>]*>(\w+)<\/th>/g)].map((m) => m[1])).toEqual(["Claim", "Claimant", "Status"]);
    for (const claim of report.claims) {
      expect(html).toContain(`href="#claim-${claim.id}"`);
      expect(html).toMatch(new RegExp(`<article id="claim-${claim.id}"`));
    }
    expect(html).toContain(`href="https://blogs.example.com/2025/04/12/an-update-on-our-work-with-public-sector-customers?utm=one&amp;two=2"`);
    expect(html).toMatch(/<time dateTime="2026-11-29T10:00:00.000Z">29 November 2026<\/time>/i);
  });
});

describe("report model", () => {
  it("counts claims per status in the scale's order, leaving out statuses no claim has", () => {
    const claims = [contextOnly, corrected, { ...contextOnly, id: "c9" }, { ...corrected, id: "c8", status: "unverified" as const }];
    expect(statusCounts(claims)).toEqual([
      { status: "unverified", label: "Unverified", count: 1 },
      { status: "misleading", label: "Misleading", count: 1 },
      { status: "false", label: "False", count: 2 },
    ]);
    expect(statusCounts([])).toEqual([]);
  });

  it.each([
    ["2025", "2025"],
    ["2025-09", "September 2025"],
    ["2025-09-12", "12 September 2025"],
    ["2025-09-12T23:30:00Z", "12 September 2025"],
    // Not a real day: shown as stored rather than rolled over to 2 March.
    ["2025-02-30", "2025-02-30"],
    ["sometime in May", "sometime in May"],
    ["", null],
    [null, null],
  ])("words the partial date %j as %j", (iso, expected) => {
    expect(formatIsoPartialDate(iso)).toBe(expected);
  });

  it.each([
    ["https://example.com/a?b=1", "https://example.com/a?b=1"],
    ["HTTP://EXAMPLE.COM", "http://example.com/"],
    ["javascript:alert(1)", null],
    ["mailto:desk@example.org", null],
    ["/claims/abc", null],
    ["https://trusted.example@evil.example/", null],
    [null, null],
  ])("links the source address %j as %j", (url, expected) => {
    expect(sourceHref(url)).toBe(expected);
  });
});
