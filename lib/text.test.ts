import { describe, expect, it } from "vitest";
import { text } from "@/lib/validation/fields";
import { characterCount, clipAtWord, hasCredentials, hasDeceptiveCharacters, hasVisibleCharacter, isStorableText, quoted } from "./text";

describe("clipAtWord", () => {
  it("keeps a text within the limit as it is, counting code points as the forms do", () => {
    expect(clipAtWord("Harbour bridge", 14)).toBe("Harbour bridge");
    expect(clipAtWord("😀".repeat(10), 10)).toBe("😀".repeat(10));
  });

  it("cuts after the last whole word that fits, with an ellipsis, within the limit", () => {
    expect(clipAtWord("Harbour bridge budget approved", 20)).toBe("Harbour bridge…");
    expect(clipAtWord("Harbour bridge, budget approved", 17)).toBe("Harbour bridge…");
    // No separator or opening mark is left dangling before the ellipsis.
    expect(clipAtWord("Harbour bridge – budget approved", 17)).toBe("Harbour bridge…");
    expect(clipAtWord("The council said “budget approved”", 19)).toBe("The council said…");
    // The word before the limit ends where the limit leaves room: kept whole.
    expect(clipAtWord("Harbour bridge budget", 15)).toBe("Harbour bridge…");
    expect(clipAtWord("😀 ".repeat(20), 10)).toBe("😀 😀 😀 😀 😀…");
  });

  it("cuts a text with no space near the limit at the limit itself", () => {
    expect(clipAtWord("港口大桥预算获得批准，市议会周二表示", 10)).toBe("港口大桥预算获得批…");
    expect(clipAtWord(`a ${"x".repeat(30)}`, 10)).toBe(`a ${"x".repeat(7)}…`);
  });
});

describe("character rules", () => {
  it("stores any text but a NUL byte or half a surrogate pair", () => {
    expect(isStorableText("👩‍👩‍👧 \u202Eright-to-left <script>")).toBe(true);
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("half an emoji \uD83D")).toBe(false);
    expect(isStorableText("\uDE00 the other half")).toBe(false);
  });

  it("finds what makes an address read as another, but keeps the joiners words are spelt with", () => {
    for (const hidden of ["\t", "\n", " ", "\u00A0", "\u00AD", "\u061C", "\u200B", "\u200E", "\u200F", "\u202A", "\u202E", "\u2060", "\u2066", "\u2069", "\uFEFF"]) {
      expect(hasDeceptiveCharacters(`https://example.org/a${hidden}b`), JSON.stringify(hidden)).toBe(true);
    }
    expect(hasDeceptiveCharacters("https://fa.wikipedia.org/wiki/می\u200Cخواهم")).toBe(false);
    expect(hasDeceptiveCharacters("https://example.org/👩\u200D💻")).toBe(false);
  });

  it("tells text that shows something from text that shows nothing", () => {
    expect(hasVisibleCharacter("\u200B\u200D\uFEFF\u2060\u200E \t")).toBe(false);
    expect(hasVisibleCharacter("")).toBe(false);
    expect(hasVisibleCharacter("\u200Ba")).toBe(true);
    expect(hasVisibleCharacter("👍")).toBe(true);
  });

  it("finds a user name or password in an address", () => {
    expect(hasCredentials("https://trusted.example@evil.example/")).toBe(true);
    expect(hasCredentials("https://user:secret@example.org/")).toBe(true);
    expect(hasCredentials("https://example.org/@someone")).toBe(false);
    expect(hasCredentials("not an address")).toBe(false);
  });

  it("counts characters as the length limits do: code points after trimming", () => {
    expect(characterCount("  Microsoft  ")).toBe(9);
    expect(characterCount("😀".repeat(120))).toBe(120);
    expect(characterCount("👩‍👩‍👧")).toBe(5); // three people and two joiners
    expect(characterCount("e\u0301")).toBe(2); // a letter and a combining accent
    expect(characterCount(" \n\t")).toBe(0);
    // The count a form shows agrees with what its schema accepts, at the limit and one past it.
    const limit = text("The summary", 12);
    for (const unit of ["x", "😀", "é", "\u0645", "𝔘", "👩‍👩‍👧", " a "]) {
      for (const repeat of [1, 2, 3, 4, 5, 6, 7, 11, 12, 13]) {
        const value = unit.repeat(repeat);
        expect(limit.safeParse(value).success, JSON.stringify(value)).toBe(characterCount(value) <= 12);
      }
    }
  });
});

describe("quoted", () => {
  it("puts words in quotation marks, unless they open with their own", () => {
    expect(quoted("Our terms forbid mass surveillance.")).toBe("“Our terms forbid mass surveillance.”");
    expect(quoted("“Unemployment fell by a third,” Hale told the council.")).toBe("“Unemployment fell by a third,” Hale told the council.");
    expect(quoted('He called it "a record" budget.')).toBe('“He called it "a record" budget.”');
    expect(quoted('"Never," she said.')).toBe('"Never," she said.');
    expect(quoted("It's the council’s figure.")).toBe("“It's the council’s figure.”");
  });
});
