import { describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { failed, mergeAfterConflict } from "./state";

describe("a refused edit's form, shown again", () => {
  const saved = { text: "Words Rita saved.", summary: "Rita's summary", claimDate: "2025" };

  it("takes what is saved now in the fields its person left alone, and keeps what they changed", () => {
    const sent = {
      text: "Old words.",
      "base:text": "Old words.",
      summary: "Eddie's summary",
      "base:summary": "Old summary",
      claimDate: "2025-04",
      "base:claimDate": "",
    };
    expect(mergeAfterConflict(sent, saved)).toEqual({
      text: "Words Rita saved.",
      "base:text": "Words Rita saved.",
      summary: "Eddie's summary",
      "base:summary": "Rita's summary",
      claimDate: "2025-04",
      "base:claimDate": "2025",
    });
  });

  it("keeps a form that sent no starting values as it was typed", () => {
    expect(mergeAfterConflict({ text: "Typed." }, saved)).toEqual({ text: "Typed." });
  });

  it("is what failed() answers a conflict with, beside what is saved now in words", () => {
    const error = new ConflictError("Someone else saved this claim.", { Words: "Words Rita saved." }, 3, saved);
    const state = failed(error, { text: "Old words.", "base:text": "Old words.", version: "2" });
    expect(state.values).toMatchObject({ text: "Words Rita saved.", version: "2" });
    expect(state.conflict).toEqual({ message: "Saved now:", current: { Words: "Words Rita saved." }, version: 3 });
  });
});
