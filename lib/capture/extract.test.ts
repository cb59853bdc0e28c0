import { describe, expect, it, vi } from "vitest";
import { CAPTURE_MAX_ELEMENTS, CAPTURE_MAX_NODES, extractPage, isoDay } from "@/lib/capture/extract";

// linkedom as it is, with the documents it builds counted: a page refused for its size must be
// refused before one is built.
const built = vi.hoisted(() => ({ documents: 0 }));
vi.mock("linkedom", async (importOriginal) => {
  const linkedom = await importOriginal<typeof import("linkedom")>();
  return {
    ...linkedom,
    parseHTML: (...args: Parameters<typeof linkedom.parseHTML>) => {
      built.documents++;
      return linkedom.parseHTML(...args);
    },
  };
});

function html(body: string): { contentType: string; body: Buffer } {
  return { contentType: "text/html; charset=utf-8", body: Buffer.from(`<!doctype html><html><head><title>A page</title></head><body>${body}</body></html>`) };
}

describe("HTML", () => {
  it("writes out a page of many paragraphs in seconds, one paragraph per block", async () => {
    // linkedom builds an element's list of children anew each time it is read: read once per
    // paragraph, 20,000 paragraphs under one element took minutes of the server's thread.
    const started = Date.now();
    const page = await extractPage(html(Array.from({ length: 20_000 }, (_, i) => `<p>Paragraph ${i}.</p>`).join("")));
    expect(Date.now() - started).toBeLessThan(15_000);
    const paragraphs = page.text.split("\n\n");
    expect(paragraphs).toHaveLength(20_000);
    expect(paragraphs.at(-1)).toBe("Paragraph 19999.");
  });

  it("refuses a page of more elements than Readability may read, as too complex, not as an error of ours", async () => {
    // html, head, title and body, and one more paragraph than the limit leaves room for.
    const page = html("<p>Word.</p>".repeat(CAPTURE_MAX_ELEMENTS - 3));
    // A short string if read: the page's 30,000 lines of text would fill the failure's diff.
    const outcome = await extractPage(page).then(
      (read) => `read, ${read.text.length} characters`,
      (error: unknown) => error,
    );
    expect(outcome).toMatchObject({
      name: "CaptureError",
      refusal: "too-large",
      message: "The page is too complex to read (more than 30,000 HTML elements); nothing was captured.",
    });
  });

  it("refuses 5 MB of tiny elements before building the page: building it held the server's thread for seconds", async () => {
    const before = built.documents;
    const page = html("<b>x</b>".repeat((5 * 1024 * 1024) / 8));
    await expect(extractPage(page)).rejects.toMatchObject({ refusal: "too-large", message: "The page is too complex to read (more than 30,000 HTML elements); nothing was captured." });
    expect(built.documents - before).toBe(0);
  });

  it.each([
    ["runs of text, each ended by an entity", "x&amp;".repeat(CAPTURE_MAX_NODES)],
    ["comments", "<!---->".repeat(CAPTURE_MAX_NODES)],
  ])("refuses a page of few elements but more nodes than the limit (%s) before building it", async (_, body) => {
    const before = built.documents;
    await expect(extractPage(html(`<p>${body}</p>`))).rejects.toMatchObject({
      refusal: "too-large",
      message: "The page is too complex to read (more than 150,000 pieces of text and markup); nothing was captured.",
    });
    expect(built.documents - before).toBe(0);
  });

  it("counts elements as linkedom builds them: tags in a script or a style are text, not elements", async () => {
    // Each script holds the markup of more elements than the limit, as a page's inline
    // templates or JSON can; the page itself has a handful, and is read.
    const before = built.documents;
    const inScript = `<script>var t = "${"<p>x</p>".repeat(CAPTURE_MAX_ELEMENTS)}";</script><style>/* ${"<b>".repeat(CAPTURE_MAX_ELEMENTS)} */</style>`;
    const read = await extractPage(html(`${inScript}<article><p>${"The council approved a budget of $48.2 million for the harbour bridge. ".repeat(8)}</p></article>`));
    expect(read.text).toContain("approved a budget of $48.2 million");
    // The count of documents built is the one the refusals above rely on: it moves when one is.
    expect(built.documents - before).toBeGreaterThan(0);
  });

  it("reads an article with an entity in every sentence: thousands of runs of text, well under the limit", async () => {
    const sentence = "<p>The council&rsquo;s budget of &pound;48.2&nbsp;million was approved, said the mayor &mdash; &ldquo;a record&rdquo;.</p>";
    const read = await extractPage(html(`<article>${sentence.repeat(3000)}</article>`));
    expect(read.text.split("\n\n")).toHaveLength(3000);
  });
});

describe("a page's date", () => {
  // A source's date is a calendar date (lib/domain/partial-date.ts): the day the page says, in
  // the zone it says it in, not the day it then was in Greenwich.
  it.each([
    ["17 Mar 2025 23:30 -0500", "2025-03-17"],
    ["Mon, 17 Mar 2025 23:30:00 -0500", "2025-03-17"],
    ["Tue, 18 Mar 2025 01:00:00 +0200", "2025-03-18"],
    ["Mon Mar 17 2025 23:30:00 GMT-0500 (Eastern Standard Time)", "2025-03-17"],
    ["March 17, 2025 11:30 PM EST", "2025-03-17"],
    ["17 Mar 2025 23:30 Z", "2025-03-17"],
    ["Tue, 18 Mar 2025 04:30:00 GMT", "2025-03-18"],
    ["2025-03-17T23:30:00-05:00", "2025-03-17"],
    ["2025-03-18T01:00:00+02:00", "2025-03-18"],
    ["2025-03-17T23:30:00Z", "2025-03-17"],
    ["D:20250317233000-05'00'", "2025-03-17"],
  ])("reads %s as %s, the day as written", (written, day) => {
    expect(isoDay(written)).toBe(day);
  });

  it("reads the day as written whatever the server's own zone, the page's date with a zone or without", () => {
    for (const zone of ["America/New_York", "Pacific/Auckland"]) {
      vi.stubEnv("TZ", zone);
      try {
        expect(isoDay("17 Mar 2025 23:30"), zone).toBe("2025-03-17");
        expect(isoDay("March 17, 2025"), zone).toBe("2025-03-17");
        expect(isoDay("17 Mar 2025 GMT"), zone).toBe("2025-03-17");
        expect(isoDay("17 Mar 2025 23:30 -0500"), zone).toBe("2025-03-17");
      } finally {
        vi.unstubAllEnvs();
      }
    }
  });

  it("takes the day as written from the page's metadata", async () => {
    const page = await extractPage(html('<meta property="article:published_time" content="Mon, 17 Mar 2025 23:30:00 -0500"><p>Text.</p>'));
    expect(page.publishedAt).toBe("2025-03-17");
  });

  it("leaves out what is not a date", () => {
    expect(isoDay("last Tuesday")).toBeNull();
    expect(isoDay("")).toBeNull();
  });

  it("reads a date spread over many spaces, and gives up on a value longer than any date at once", async () => {
    expect(isoDay("17   Mar\n2025\t23:30   -0500")).toBe("2025-03-17");
    // Each of these made the zone patterns work through the value over and over (minutes for a
    // value a 5 MB page can hold); now they are not read at all.
    expect(isoDay(`1:00${" ".repeat(400_000)}x`)).toBeNull();
    expect(isoDay(`${"1:00 +01 (".repeat(100_000)}x`)).toBeNull();
    const page = await extractPage(html(`<meta property="article:published_time" content="${"1:00 +01 (".repeat(50_000)}x"><p>Text.</p>`));
    expect(page.publishedAt).toBeNull();
  });
});

describe("the headline", () => {
  it("opens the captured text, so a claim made in it can be quoted and found", async () => {
    const body = `<header><h1>Harbour council defends £40m flood barrier as costs soar</h1><p class="byline">By Ann Lee</p></header><article>${"<p>The council approved a budget of £40 million for the barrier in 2024, and the cost has risen since, said the mayor.</p>".repeat(6)}</article>`;
    const read = await extractPage(html(body));
    expect(read.text.startsWith("Harbour council defends £40m flood barrier as costs soar\n\n")).toBe(true);
    expect(read.text).toContain("approved a budget of £40 million");
  });

  it("is the article's own, not the first h1 of the page (a logo's)", async () => {
    const body = `<header><h1>Harbour Gazette</h1></header><article><h1>Rents rose 9% in a year</h1>${"<p>Rents in the city rose by 9% in the year to March, according to the housing office, the fastest rise on record.</p>".repeat(6)}</article>`;
    const read = await extractPage(html(body));
    expect(read.text.startsWith("Rents rose 9% in a year\n\n")).toBe(true);
    expect(read.text).not.toContain("Harbour Gazette");
  });

  it("is not written twice when the article's text holds it already", async () => {
    const body = `<article><h1>Rents rose 9% in a year</h1>${"<p>Rents in the city rose by 9% in the year to March, according to the housing office, the fastest rise on record.</p>".repeat(6)}<p>Rents rose 9% in a year</p></article>`;
    const read = await extractPage(html(body));
    expect(read.text.split("Rents rose 9% in a year").length - 1).toBe(1);
  });
});
