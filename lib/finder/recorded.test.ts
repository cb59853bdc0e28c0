import { describe, expect, it } from "vitest";
import { recordedIn } from "@/lib/finder/recorded";

describe("recordedIn", () => {
  const tripled = { id: "ice-tripled", summary: "ICE tripled its Azure data" };
  const again = { id: "again", summary: "The same, recorded again" };
  const sentences = ["ICE more than tripled the volume of data stored on Azure — from 400 TB to 1,400 TB.", "Microsoft declined to comment."];

  it("marks a sentence that holds a claim's quote, spacing and dashes aside, each claim once", () => {
    const quotes = [
      { quote: "more than  tripled the volume of data stored on Azure - from 400 TB", claim: tripled },
      { quote: "ICE more than tripled", claim: tripled },
      { quote: "ICE more than tripled the volume", claim: again },
    ];
    expect(recordedIn(sentences, quotes)).toEqual([[tripled, again], []]);
  });

  it("marks nothing for a quote the sentence does not hold, or an empty one", () => {
    expect(recordedIn(sentences, [{ quote: "ICE doubled the volume", claim: tripled }, { quote: "  ", claim: again }])).toEqual([[], []]);
  });

  it("takes a figure alone for no record of a sentence, and a quote across sentences for a record of each", () => {
    const figure = { quote: "1,400 TB", claim: again };
    expect(recordedIn(sentences, [figure])).toEqual([[], []]);
    const across = { quote: "ICE more than tripled the volume of data stored on Azure — from 400 TB to 1,400 TB. Microsoft declined to comment.", claim: tripled };
    expect(recordedIn(sentences, [across])).toEqual([[tripled], [tripled]]);
  });
});
