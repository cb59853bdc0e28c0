import { beforeEach, describe, expect, it } from "vitest";
import { findCandidates } from "@/lib/finder";
import { findCandidatesKept, forgetKeptCandidates } from "@/lib/finder/kept";

const TEXT = "The budget rose to $48.2 million in 2025, the council said. Residents met on Tuesday. Spending more than tripled since 2019.";
const claimants = [{ id: "council", name: "The council" }];

beforeEach(forgetKeptCandidates);

describe("findCandidatesKept", () => {
  it("answers as findCandidates does, and the same answer again for the same text, date and claimants", () => {
    const first = findCandidatesKept(TEXT, { claimants, sourceDate: "2025-04" });
    expect(first).toEqual(findCandidates(TEXT, { claimants, sourceDate: "2025-04" }));
    expect(findCandidatesKept(TEXT, { claimants: [...claimants], sourceDate: "2025-04" })).toBe(first);
  });

  it("reads the text again when the text, the source's date or the claimants change", () => {
    const first = findCandidatesKept(TEXT, { claimants, sourceDate: null });
    const edited = `${TEXT} Unemployment fell by 2 percent.`;
    expect(findCandidatesKept(edited, { claimants, sourceDate: null })).toEqual(findCandidates(edited, { claimants }));
    expect(findCandidatesKept(TEXT, { claimants, sourceDate: "2024" })).not.toBe(first);
    const renamed = findCandidatesKept(TEXT, { claimants: [{ id: "council", name: "The city council" }], sourceDate: null });
    expect(renamed).not.toBe(first);
    expect(renamed).toEqual(findCandidates(TEXT, { claimants: [{ id: "council", name: "The city council" }] }));
  });

  it("keeps a bounded number of texts, the most recently used", () => {
    const first = findCandidatesKept(TEXT, { claimants, sourceDate: null });
    for (let n = 0; n < 16; n++) findCandidatesKept(`${TEXT} Item ${n} rose by ${n} percent.`, { claimants, sourceDate: null });
    expect(findCandidatesKept(TEXT, { claimants, sourceDate: null })).not.toBe(first);
  });
});
