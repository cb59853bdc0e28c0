import { describe, expect, it } from "vitest";
import { correctionSentence } from "@/lib/domain/status";

describe("correctionSentence", () => {
  it("says from what to what the rating changed", () => {
    expect(correctionSentence("accurate", "misleading")).toBe("We changed our rating from Accurate to Misleading.");
  });
  it("does not claim a change when only the reasoning was revised", () => {
    expect(correctionSentence("false", "false")).toBe("We revised the reasoning behind our rating, which stays False.");
  });
});
