import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ARTICLE_FILE, claims, sources } from "@/prisma/seed-data/microsoft-ice";
import { checkQuote, normalizeForQuoteMatch, type QuoteCheck } from "./quote-check";

const article = readFileSync(path.join(import.meta.dirname, "..", "prisma", "seed-data", ARTICLE_FILE), "utf8");

/** The matched span, or a message that makes a failed expectation readable. */
function matched(captured: string, result: QuoteCheck): string {
  return result.status === "found" ? captured.slice(result.start, result.end) : `(${result.status})`;
}

/** Found, and the span it points at reads as the quote once both are normalised. */
function expectFoundFaithfully(quote: string, captured: string): { start: number; end: number } {
  const result = checkQuote(quote, captured);
  expect(result.status, `quote ${JSON.stringify(quote)}`).toBe("found");
  if (result.status !== "found") throw new Error("unreachable");
  expect(normalizeForQuoteMatch(captured.slice(result.start, result.end))).toBe(normalizeForQuoteMatch(quote));
  return result;
}

describe("normalizeForQuoteMatch", () => {
  it("collapses every kind of whitespace run to one space and trims the ends", () => {
    expect(normalizeForQuoteMatch("  a \t\n\r\n b\u00a0c\u2009d\u202fe\u3000f\u2028g\u0085h \n")).toBe("a b c d e f g h");
  });

  it("makes curly, low, prime, angle and accent single marks a straight apostrophe", () => {
    expect(normalizeForQuoteMatch("' \u2018 \u2019 \u201a \u201b \u2032 \u2039 \u203a ` \u00b4 \u02bc")).toBe(
      "' ' ' ' ' ' ' ' ' ' '",
    );
  });

  it("makes curly, low, prime and guillemet double marks a straight double quote", () => {
    expect(normalizeForQuoteMatch('" \u201c \u201d \u201e \u201f \u2033 \u00ab \u00bb')).toBe('" " " " " " " "');
  });

  it("keeps single and double quote marks apart", () => {
    expect(normalizeForQuoteMatch("\u2018no\u2019")).toBe("'no'");
    expect(normalizeForQuoteMatch("\u201cno\u201d")).toBe('"no"');
  });

  it("makes every dash a hyphen-minus and drops the spaces around it", () => {
    expect(normalizeForQuoteMatch("a-b a\u2010b a\u2011b a\u2012b a\u2013b a\u2014b a\u2015b a\u2212b")).toBe(
      "a-b a-b a-b a-b a-b a-b a-b a-b",
    );
    expect(normalizeForQuoteMatch("tools \u2014 and")).toBe("tools-and");
    expect(normalizeForQuoteMatch("tools\u2014and")).toBe("tools-and");
    expect(normalizeForQuoteMatch("tools -\n and")).toBe("tools-and");
  });

  it("spells an ellipsis as three full stops", () => {
    expect(normalizeForQuoteMatch("wait\u2026 what")).toBe("wait... what");
  });

  it("composes decomposed letters (NFC)", () => {
    expect(normalizeForQuoteMatch("cafe\u0301")).toBe("caf\u00e9");
    expect(normalizeForQuoteMatch("\u1112\u1161\u11ab")).toBe("\ud55c");
  });

  it("drops zero-width characters, the byte order mark and soft hyphens", () => {
    expect(normalizeForQuoteMatch("\ufeffsur\u00adveil\u200blance\u200c of\u200d\u2060 civilians")).toBe(
      "surveillance of civilians",
    );
  });

  it("keeps case, accents and other punctuation", () => {
    expect(normalizeForQuoteMatch("Caf\u00e9, (ICE)!")).toBe("Caf\u00e9, (ICE)!");
  });
});

describe("checkQuote on the seed article", () => {
  const articleSourceIds = new Set(sources.filter((source) => source.capturesArticle).map((source) => source.id));
  const links = claims.flatMap((claim) => claim.links).filter((link) => link.quote !== "");

  it("has seed quotes to check", () => {
    expect(links.length).toBeGreaterThanOrEqual(10);
  });

  it.each(links.map((link) => [link.quote.slice(0, 50), link] as const))("finds %s", (_, link) => {
    const result = checkQuote(link.quote, article);
    // Every seed quote, relayed ones included, is the article's exact wording.
    expect(matched(article, result)).toBe(link.quote);
    if (result.status !== "found" || !articleSourceIds.has(link.sourceId)) return;
    if (link.quotePrefix !== null) {
      expect(article.slice(result.start - link.quotePrefix.length, result.start)).toBe(link.quotePrefix);
    }
    if (link.quoteSuffix !== null) {
      expect(article.slice(result.end, result.end + link.quoteSuffix.length)).toBe(link.quoteSuffix);
    }
  });

  it("finds a quote typed with straight marks in the article's straight-quoted text and with curly ones", () => {
    const typed = "\u201cAs we\u2019ve previously stated, Microsoft provides cloud-based productivity";
    const result = expectFoundFaithfully(typed, article);
    expect(article.slice(result.start, result.end)).toBe(
      '"As we\'ve previously stated, Microsoft provides cloud-based productivity',
    );
  });

  it("finds a quote whose line breaks differ from the article's", () => {
    const quote = "The spokesperson further\nelaborated:\n\n   \"Microsoft policies and terms\tof service";
    const result = expectFoundFaithfully(quote, article);
    expect(article.slice(result.start, result.end)).toBe(
      'The spokesperson further elaborated: "Microsoft policies and terms of service',
    );
  });

  it("finds a quote that spans the article's paragraph break", () => {
    const quote = "regarding surveillance practices. ICE's Response and Technology Contract Landscape";
    const result = expectFoundFaithfully(quote, article);
    expect(article.slice(result.start, result.end)).toContain("\n\nICE's Response");
  });

  it("does not find a quote with one word changed", () => {
    const changed = "Microsoft policies and terms of service do not permit our technology to be used";
    expect(checkQuote(changed, article)).toEqual({ status: "not-found" });
  });

  it("is case-sensitive", () => {
    expect(checkQuote("microsoft policies and terms of service", article)).toEqual({ status: "not-found" });
    expect(checkQuote("MICROSOFT POLICIES", article)).toEqual({ status: "not-found" });
  });

  it("does not find a quote longer than the text", () => {
    expect(checkQuote(`${article} And more.`, article)).toEqual({ status: "not-found" });
  });

  it("finds the whole text, trimmed, as a quote of itself", () => {
    const result = checkQuote(article, article);
    expect(result).toEqual({ status: "found", start: 0, end: article.trimEnd().length });
  });
});

describe("checkQuote", () => {
  it("reports a missing quote before anything else", () => {
    expect(checkQuote("", "text")).toEqual({ status: "no-quote" });
    expect(checkQuote(" \n\t\u00a0", "text")).toEqual({ status: "no-quote" });
    expect(checkQuote("\u200b\ufeff", "text")).toEqual({ status: "no-quote" });
    expect(checkQuote("", null)).toEqual({ status: "no-quote" });
  });

  it("reports missing captured text", () => {
    expect(checkQuote("words", null)).toEqual({ status: "no-captured-text" });
    expect(checkQuote("words", "")).toEqual({ status: "no-captured-text" });
    expect(checkQuote("words", "  \n\u200b ")).toEqual({ status: "no-captured-text" });
  });

  it("returns offsets into the original text, first occurrence first", () => {
    const captured = "One said  \u201cyes\u201d.\n\nTwo said \u201cyes\u201d.";
    expect(checkQuote('said "yes"', captured)).toEqual({ status: "found", start: 4, end: 15 });
    expect(captured.slice(4, 15)).toBe("said  \u201cyes\u201d");
  });

  it("matches curly quotes in the quote against straight ones in the text and the reverse", () => {
    expectFoundFaithfully("\u201cWe don\u2019t,\u201d she said", "He wrote: \"We don't,\" she said.");
    expectFoundFaithfully('"We don\'t," she said', "He wrote: \u201cWe don\u2019t,\u201d she said.");
    expectFoundFaithfully("\u201eWir sind\u201c", "Er sagte \u00bbWir sind\u00ab dort");
  });

  it("does not let a single quote mark stand for a double one", () => {
    expect(checkQuote("'no'", 'She said "no".')).toEqual({ status: "not-found" });
    expect(checkQuote("don\"t", "don't")).toEqual({ status: "not-found" });
  });

  it("matches an em dash against a hyphen, spaced or not", () => {
    const captured = "ICE \u2014 an agency of DHS \u2014 declined to comment.";
    const result = expectFoundFaithfully("ICE - an agency of DHS - declined", captured);
    expect(captured.slice(result.start, result.end)).toBe("ICE \u2014 an agency of DHS \u2014 declined");
    expectFoundFaithfully("ICE\u2013an agency of DHS\u2013declined", captured);
    expectFoundFaithfully("ICE--an agency", "ICE \u2014\u2014 an agency");
  });

  it("matches precomposed and decomposed letters both ways, and maps to the original span", () => {
    const decomposed = "the cafe\u0301 owner";
    const result = expectFoundFaithfully("caf\u00e9 owner", decomposed);
    expect(decomposed.slice(result.start, result.end)).toBe("cafe\u0301 owner");
    expectFoundFaithfully("cafe\u0301", "the caf\u00e9 owner");
  });

  it("does not strip accents or match inside a combined letter", () => {
    expect(checkQuote("cafe owner", "the caf\u00e9 owner")).toEqual({ status: "not-found" });
    expect(checkQuote("cafe", "the cafe\u0301 owner")).toEqual({ status: "not-found" });
    // "q" with a dot above has no precomposed form, so the letter stays two code points.
    const captured = "aq\u0307b and q";
    expect(checkQuote("q", captured)).toEqual({ status: "found", start: 9, end: 10 });
    expect(checkQuote("q\u0307", captured)).toEqual({ status: "found", start: 1, end: 3 });
  });

  it("matches an ellipsis against three full stops, but not part of one", () => {
    expectFoundFaithfully("and then... nothing", "and then\u2026 nothing");
    const result = expectFoundFaithfully("and then\u2026 nothing", "so and then... nothing");
    expect(result).toEqual({ start: 3, end: 22, status: "found" });
    expect(checkQuote("then..", "then\u2026")).toEqual({ status: "not-found" });
  });

  it("ignores zero-width characters and soft hyphens in either text", () => {
    const captured = "\ufeffmass sur\u00adveil\u200blance of civil\u200dians";
    const result = expectFoundFaithfully("surveillance of civilians", captured);
    expect(captured.slice(result.start, result.end)).toBe("sur\u00adveil\u200blance of civil\u200dians");
    expectFoundFaithfully("mass\u200b surveil\u00adlance", "mass surveillance");
    // An invisible character between a letter and its accent does not split them.
    expectFoundFaithfully("caf\u00e9", "cafe\u200b\u0301");
  });

  it("matches across NBSP, thin spaces and CRLF line breaks", () => {
    expectFoundFaithfully("$18.8 million in April", "Awarded $18.8\u00a0million\u2009in\r\nApril 2025");
  });

  it("treats regular-expression characters in the quote as themselves", () => {
    const captured = "Awarded $18.8 million (approx.) in April [sic] to Dell+Co? ^yes^ a|b \\d";
    const result = expectFoundFaithfully("$18.8 million (approx.)", captured);
    expect(captured.slice(result.start, result.end)).toBe("$18.8 million (approx.)");
    expectFoundFaithfully("[sic] to Dell+Co? ^yes^ a|b \\d", captured);
    expect(checkQuote(".*", captured)).toEqual({ status: "not-found" });
    expect(checkQuote("$18.8 million (approx)", captured)).toEqual({ status: "not-found" });
    expect(checkQuote("18\\.8", captured)).toEqual({ status: "not-found" });
  });

  it("counts offsets in UTF-16 units past characters outside the BMP", () => {
    const captured = "\u{1F4F0}\u{1F4F0} She said \u201cthat\u2019s all\u201d.";
    const result = expectFoundFaithfully("\"that's all\"", captured);
    expect(result.start).toBe(14);
    expect(captured.slice(result.start, result.end)).toBe("\u201cthat\u2019s all\u201d");
  });

  it("finds a quote near the end of a megabyte of text", () => {
    const filler = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n".repeat(18_000);
    const captured = `${filler}ICE officials told Reuters \u2014 \u201cwe don\u2019t comment\u201d.\n${"Tail. ".repeat(50)}`;
    expect(captured.length).toBeGreaterThan(1_000_000);
    const result = expectFoundFaithfully('ICE officials told Reuters - "we don\'t comment"', captured);
    expect(result.start).toBe(filler.length);
  });

  it("answers not-found on a megabyte of near-misses", () => {
    const captured = "a".repeat(1_000_000);
    expect(checkQuote(`${"a".repeat(2_000)}b`, captured)).toEqual({ status: "not-found" });
    expect(checkQuote("a".repeat(2_000), captured)).toEqual({ status: "found", start: 0, end: 2_000 });
  });

  it("maps back faithfully in mixed text", () => {
    const captured =
      "\ufeff  \u00abDe\u0301ja\u0300 vu\u00bb \u2014 he said\u2026\n\n\u201cIt\u2019s \u2018fine\u2019\u201d, she\u00a0wrote \u2212 twice.  ";
    const quotes = [
      '"D\u00e9j\u00e0 vu" - he said...',
      "he said... \"It's 'fine'\", she wrote",
      "wrote-twice.",
      "\u00e0 vu",
      "'fine'",
    ];
    for (const quote of quotes) expectFoundFaithfully(quote, captured);
  });

  it("finds every piece of a random text in that text, and maps it back faithfully", () => {
    const pieces = ["a", "B", "\u00e9", "e\u0301", "q\u0307", "'", "\u2019", '"', "\u201c", "-", "\u2014", " ", "\n",
      "\u00a0", "\u200b", "\u00ad", "\u2026", ".", "\u{1F4F0}", "\u1112\u1161\u11ab", "$", "("];
    let seed = 20_261_129;
    const random = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % below;
    };
    for (let round = 0; round < 300; round++) {
      const tokens = Array.from({ length: 5 + random(40) }, () => pieces[random(pieces.length)]!);
      const from = random(tokens.length);
      const to = from + 1 + random(tokens.length - from);
      const captured = tokens.join("");
      const quote = tokens.slice(from, to).join("");
      if (normalizeForQuoteMatch(quote) === "") {
        expect(checkQuote(quote, captured)).toEqual({ status: "no-quote" });
      } else {
        expectFoundFaithfully(quote, captured);
      }
    }
  });
});
