import { describe, expect, it } from "vitest";
import { locateSentence, sentenceStamp } from "./stamp";

// The finder's "Record as claim" link names its sentence by offsets and a stamp of its words; the
// claim form finds it again in the source as it is now (helper's report, 5 December 2026: a
// source saved again with other line breaks moved every sentence, and an old link filled the form
// with "e have hired 250 … told reporters.\n\nAc").

const before = "Harbour news.\r\n\r\nThe port said it would hire 250 staff, its director told reporters.\r\n\r\nAcme denied it.";
const sentence = "The port said it would hire 250 staff, its director told reporters.";
const start = before.indexOf(sentence);
const end = start + sentence.length;
const stamp = sentenceStamp(sentence);

describe("locateSentence", () => {
  it("takes the link's offsets while they hold its sentence", () => {
    expect(locateSentence(before, start, end, stamp)).toEqual({ start, end });
  });

  it("finds the sentence where it moved when the text before it changed", () => {
    const after = before.replaceAll("\r\n", "\n");
    const at = locateSentence(after, start, end, stamp);
    expect(at).not.toBeNull();
    expect(after.slice(at!.start, at!.end)).toBe(sentence);
    expect(at!.start).toBe(start - 2);
    const longer = `A new first paragraph, added later.\n\n${after}`;
    const moved = locateSentence(longer, start, end, stamp)!;
    expect(longer.slice(moved.start, moved.end)).toBe(sentence);
  });

  it("takes the same sentence nearest the link's offsets when the text holds it twice", () => {
    const twice = `${sentence} Then more.\n\n${before}\n\n${sentence}`;
    const near = locateSentence(twice, start + 100, end + 100, stamp)!;
    expect(near.start).toBe(twice.indexOf(sentence, 10));
  });

  it("says the sentence is gone when its words changed or it was removed", () => {
    expect(locateSentence(before.replace("250", "300"), start, end, stamp)).toBeNull();
    expect(locateSentence("Harbour news.", start, end, stamp)).toBeNull();
    // The stamp names the sentence, not the offsets: another sentence's stamp finds that one.
    expect(locateSentence(before, start, end, sentenceStamp("Acme denied it."))).toEqual({ start: before.indexOf("Acme"), end: before.length });
  });

  it("counts runs of white space as one space, so a sentence across a line break survives new line breaks", () => {
    expect(sentenceStamp("A port\r\nsaid so.")).toBe(sentenceStamp("A port\nsaid so."));
    expect(sentenceStamp("A port said so.")).not.toBe(sentenceStamp("A port said no."));
  });

  it("takes a link without a stamp at its offsets, if they hold words and fit the text", () => {
    expect(locateSentence(before, start, end, null)).toEqual({ start, end });
    expect(locateSentence(before, end, start, null)).toBeNull();
    expect(locateSentence(before, 0, before.length + 1, null)).toBeNull();
    expect(locateSentence("   \n  ", 0, 4, null)).toBeNull();
  });
});
