import { describe, expect, it } from "vitest";
import { storyClaimsNote } from "./story-claims-note";

describe("storyClaimsNote", () => {
  it("says how many claims a story has and whether readers can see it", () => {
    expect(storyClaimsNote({ claimCount: 0, publishedCount: 0 })).toBe("no claims yet: readers cannot see it");
    expect(storyClaimsNote({ claimCount: 1, publishedCount: 0 })).toBe("1 claim, none published: readers cannot see it yet");
    expect(storyClaimsNote({ claimCount: 3, publishedCount: 1 })).toBe("3 claims, 1 published");
    expect(storyClaimsNote({ claimCount: 1200, publishedCount: 1200 })).toBe("1,200 claims, 1,200 published");
  });
});
