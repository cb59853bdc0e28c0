import { describe, expect, it } from "vitest";
import {
  BEST_VERDICT_RANK,
  CLAIM_STATUSES,
  STATUS_INFO,
  WORST_VERDICT_RANK,
  isClaimStatus,
  isVerdict,
  toClaimStatus,
  verdictStatuses,
} from "./status";

describe("claim statuses", () => {
  it("include at least the statuses the newsroom uses", () => {
    for (const s of ["unverified", "in-review", "accurate", "mostly-accurate", "misleading", "false", "unsupported", "not-checkable"]) {
      expect(isClaimStatus(s)).toBe(true);
    }
  });

  it("each has a label and a one-sentence definition", () => {
    for (const status of CLAIM_STATUSES) {
      const { label, definition } = STATUS_INFO[status];
      expect(label.length).toBeGreaterThan(0);
      expect(definition).toMatch(/^[A-Z].*\.$/);
      expect(definition.split(/\.\s/).length).toBe(1);
    }
  });

  it("order verdicts from false to accurate, with distinct ranks inside the scale", () => {
    expect(verdictStatuses()[0]).toBe("false");
    expect(verdictStatuses().at(-1)).toBe("accurate");
    const ranks = verdictStatuses().map((s) => STATUS_INFO[s].verdictRank);
    expect(new Set(ranks).size).toBe(ranks.length);
    for (const rank of ranks) {
      expect(rank).toBeGreaterThanOrEqual(WORST_VERDICT_RANK);
      expect(rank).toBeLessThanOrEqual(BEST_VERDICT_RANK);
    }
  });

  it("are not verdicts while unverified, in review or not checkable", () => {
    expect(isVerdict("unverified")).toBe(false);
    expect(isVerdict("in-review")).toBe(false);
    expect(isVerdict("not-checkable")).toBe(false);
    expect(isVerdict("misleading")).toBe(true);
  });

  it("reject unknown values and never show one raw", () => {
    expect(isClaimStatus("true")).toBe(false);
    expect(isClaimStatus("ACCURATE")).toBe(false);
    expect(isClaimStatus(undefined)).toBe(false);
    expect(toClaimStatus("pants-on-fire")).toBe("unverified");
    expect(toClaimStatus("misleading")).toBe("misleading");
  });
});
