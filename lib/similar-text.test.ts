import { describe, expect, it } from "vitest";
import { similarQueryText } from "./similar-text";

describe("similarQueryText", () => {
  it("keeps words that fit as they are", () => {
    expect(similarQueryText("ICE more than tripled its data on Azure")).toBe("ICE more than tripled its data on Azure");
  });

  it("cuts long non-Latin words by their encoded length, so the address stays under the server's limit", () => {
    const cyrillic = "Министерство заявило, что расходы выросли втрое. ".repeat(150); // about 7,000 characters
    const cut = similarQueryText(cyrillic);
    expect(encodeURIComponent(cut).length).toBeLessThanOrEqual(8_000);
    expect(cut.length).toBeGreaterThan(1_000);
    expect(cyrillic.startsWith(cut)).toBe(true);
    // A Latin text of the same length keeps more of itself.
    expect(similarQueryText("a".repeat(7_000)).length).toBe(7_000);
  });

  it("never cuts a character in half", () => {
    const emoji = "😀".repeat(2_000);
    const cut = similarQueryText(emoji, 100);
    expect(cut.length % 2).toBe(0);
    expect(() => encodeURIComponent(cut)).not.toThrow();
    expect(encodeURIComponent(cut).length).toBeLessThanOrEqual(100);
  });
});
