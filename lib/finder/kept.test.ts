import { beforeEach, describe, expect, it } from "vitest";
import { findCandidates } from "@/lib/finder";
import { findCandidatesKept, forgetKeptCandidates, type FinderInput } from "@/lib/finder/kept";

const TEXT = "The budget rose to $48.2 million in 2025, the council said. Residents met on Tuesday. Spending more than tripled since 2019.";
const claimants = [{ id: "council", name: "The council" }];
const source = { id: "s1", version: 1, updatedAt: new Date("2026-12-01T10:00:00Z") };

/** A reader of the source that counts its reads. */
function reader(input: FinderInput) {
  const read = async () => {
    read.count++;
    return input;
  };
  read.count = 0;
  return read;
}

beforeEach(forgetKeptCandidates);

describe("findCandidatesKept", () => {
  it("answers as findCandidates does, and reads nothing again while the source and the claimants stand", async () => {
    const read = reader({ text: TEXT, claimants, sourceDate: "2025-04" });
    const first = await findCandidatesKept(source, "1:1:0", read);
    expect(first.candidates).toEqual(findCandidates(TEXT, { claimants, sourceDate: "2025-04" }));
    expect(first.hasText).toBe(true);
    expect(await findCandidatesKept({ ...source, updatedAt: new Date(source.updatedAt) }, "1:1:0", read)).toBe(first);
    expect(read.count).toBe(1);
  });

  it("reads the source again after an edit or a capture (its version and updatedAt), or when the claimants change", async () => {
    const read = reader({ text: TEXT, claimants, sourceDate: null });
    const first = await findCandidatesKept(source, "1:1:0", read);
    const edited = `${TEXT} Unemployment fell by 2 percent.`;
    const afterEdit = await findCandidatesKept({ ...source, version: 2 }, "1:1:0", reader({ text: edited, claimants, sourceDate: null }));
    expect(afterEdit.candidates).toEqual(findCandidates(edited, { claimants }));
    // Deleted and made again under the same id: version 1 again, a new updatedAt.
    expect(await findCandidatesKept({ ...source, updatedAt: new Date("2026-12-02T00:00:00Z") }, "1:1:0", read)).not.toBe(first);
    const renamedClaimants = [{ id: "council", name: "The city council" }];
    const renamed = await findCandidatesKept(source, "1:2:0", reader({ text: TEXT, claimants: renamedClaimants, sourceDate: null }));
    expect(renamed).not.toBe(first);
    expect(renamed.candidates).toEqual(findCandidates(TEXT, { claimants: renamedClaimants }));
  });

  it("says when a source has no text to read", async () => {
    expect(await findCandidatesKept(source, "0:0:0", reader({ text: "  \n", claimants: [], sourceDate: null }))).toEqual({ hasText: false, candidates: [] });
  });

  it("keeps a bounded number of sources, the most recently used", async () => {
    const read = reader({ text: TEXT, claimants, sourceDate: null });
    const first = await findCandidatesKept(source, "1:1:0", read);
    for (let n = 0; n < 16; n++) await findCandidatesKept({ ...source, id: `other-${n}` }, "1:1:0", reader({ text: TEXT, claimants, sourceDate: null }));
    expect(await findCandidatesKept(source, "1:1:0", read)).not.toBe(first);
    expect(read.count).toBe(2);
  });
});
