import { describe, expect, it } from "vitest";
import { buildSnippet, findHighlights } from "./snippet";

const marked = (text: string, highlights: { start: number; end: number }[]) => highlights.map((h) => text.slice(h.start, h.end));

describe("highlights", () => {
  it("mark whole words that start with a term, case and accents folded", () => {
    const text = "Café owners in ZÜRICH say the cafes tripled; a café-bar too";
    const { highlights, matched } = findHighlights(text, ["cafe", "zurich"]);
    expect(marked(text, highlights)).toEqual(["Café", "ZÜRICH", "cafes", "café"]);
    expect([...matched]).toEqual(["cafe", "zurich"]);
    expect(findHighlights("Microsoft services", ["ice"]).highlights).toEqual([]);
  });

  it("mark a phrase of pieces, a whole apostrophe suffix, and a number however it is written", () => {
    const text = "ICE's six-month contract: $139.3M, then 1,400 and 1.400 and 1400 and 21,400";
    expect(marked(text, findHighlights(text, ["six-month"]).highlights)).toEqual(["six-month"]);
    expect(marked(text, findHighlights(text, ["$139.3m"]).highlights)).toEqual(["139.3M"]);
    expect(marked(text, findHighlights(text, ["ice's"]).highlights)).toEqual(["ICE's"]);
    expect(marked(text, findHighlights(text, ["1400"]).highlights)).toEqual(["1,400", "1.400", "1400"]);
  });

  it("merge overlapping marks", () => {
    const text = "tripled";
    expect(findHighlights(text, ["tri", "tripled"]).highlights).toEqual([{ start: 0, end: 7 }]);
  });
});

describe("a snippet", () => {
  const fields = { summary: "Budget rose", claimant: "Ottoline Quist", text: "The budget rose by a third in the year to March.", quotes: ["budget for rail rose sharply"] };

  it("shows the field holding most of the words, the summary first on a tie", () => {
    expect(buildSnippet(["budget"], fields)?.field).toBe("summary");
    expect(buildSnippet(["budget", "march"], fields)?.field).toBe("text");
    expect(buildSnippet(["rail"], fields)).toMatchObject({ field: "quote", text: "budget for rail rose sharply", highlights: [{ start: 11, end: 15 }] });
    expect(buildSnippet(["quist"], fields)?.field).toBe("claimant");
    expect(buildSnippet(["nothing"], fields)).toBeNull();
  });

  it("cuts a long text around the first match, at spaces, with the marks moved along", () => {
    const long = `${"word ".repeat(100)}the zephyrine ledger ${"more ".repeat(100)}`.trim();
    const snippet = buildSnippet(["zephyrine"], { ...fields, text: long })!;
    expect(snippet.text.startsWith("…")).toBe(true);
    expect(snippet.text.endsWith("…")).toBe(true);
    expect(snippet.text.length).toBeLessThan(240);
    expect(marked(snippet.text, snippet.highlights)).toEqual(["zephyrine"]);
  });
});
