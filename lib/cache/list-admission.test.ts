import { describe, expect, it } from "vitest";
import { SeenKeys } from "./list-admission";

describe("SeenKeys", () => {
  it("says a key is new the first time and seen from the second", () => {
    const seen = new SeenKeys(3);
    expect(seen.seenBefore("false.~.~.~.~")).toBe(false);
    expect(seen.seenBefore("false.~.~.~.~")).toBe(true);
    expect(seen.seenBefore("false.~.~.~.~")).toBe(true);
    expect(seen.seenBefore("accurate.~.~.~.~")).toBe(false);
  });

  it("forgets the least recently seen key past its capacity, and a key seen again is recent", () => {
    const seen = new SeenKeys(2);
    seen.seenBefore("a");
    seen.seenBefore("b");
    expect(seen.seenBefore("a")).toBe(true); // a is now the most recent
    seen.seenBefore("c"); // b falls out
    expect(seen.seenBefore("a")).toBe(true);
    expect(seen.seenBefore("b")).toBe(false);
    // b came back and pushed out c, the least recent of a and c.
    expect(seen.seenBefore("c")).toBe(false);
  });

  it("refuses a capacity that could hold nothing", () => {
    expect(() => new SeenKeys(0)).toThrow(RangeError);
    expect(() => new SeenKeys(1.5)).toThrow(RangeError);
  });
});
