import { describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { textFingerprint } from "@/lib/text-fingerprint";
import { failed, initialActionState, mergeAfterConflict, versionToSend } from "./state";

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

  it("keeps a status and its reason together: this person's pair, or the saved pair, never one of each", () => {
    const savedPair = { status: "false", reason: "The award records contradict it." };
    // Only the reason was changed here; the other person changed both.
    expect(mergeAfterConflict({ status: "in-review", "base:status": "in-review", reason: "Checking two records.", "base:reason": "Checking." }, savedPair)).toMatchObject({
      status: "in-review",
      reason: "Checking two records.",
    });
    // Neither was changed here: both take what is saved now.
    expect(mergeAfterConflict({ status: "in-review", "base:status": "in-review", reason: "Checking.", "base:reason": "Checking." }, savedPair)).toMatchObject(savedPair);
  });

  it("reads a long field's starting value as its fingerprint, not a second copy", () => {
    const opened = "Captured text as opened.\nSecond line.";
    const recaptured = "A colleague's newer capture.";
    // Left alone (the browser sent it back with CRLF): takes the saved text and its fingerprint.
    expect(mergeAfterConflict({ capturedText: opened.replace(/\n/g, "\r\n"), "base:capturedText": textFingerprint(opened) }, { capturedText: recaptured })).toEqual({
      capturedText: recaptured,
      "base:capturedText": textFingerprint(recaptured),
    });
    // Edited: stays as typed.
    expect(mergeAfterConflict({ capturedText: `${opened} Edited.`, "base:capturedText": textFingerprint(opened) }, { capturedText: recaptured }).capturedText).toBe(`${opened} Edited.`);
    expect(textFingerprint("x".repeat(500_000)).length).toBeLessThan(24);
  });

  it("keeps a form that sent no starting values as it was typed", () => {
    expect(mergeAfterConflict({ text: "Typed." }, saved)).toEqual({ text: "Typed." });
  });

  it("is what failed() answers a conflict with, beside what is saved now in words", () => {
    const error = new ConflictError("Someone else saved this claim.", { Words: "Words Rita saved." }, 3, saved);
    const state = failed(error, { text: "Old words.", "base:text": "Old words.", version: "2" });
    // The version to save from next is the one saved now.
    expect(state.values).toMatchObject({ text: "Words Rita saved.", version: "3" });
    expect(state.conflict).toEqual({ message: "Saved now:", current: { Words: "Words Rita saved." }, version: 3 });
  });
});

describe("the version an edit form sends", () => {
  it("is the newest it knows: after a refusal, after a later field error, and after a save that came back", () => {
    expect(versionToSend(initialActionState, 2)).toBe(2);
    const refused = { conflict: { message: "Saved now:", current: {}, version: 3 }, values: { version: "3" } };
    expect(versionToSend(refused, 2)).toBe(3);
    // A field to correct after the refusal: no conflict in the answer, the version it sent.
    expect(versionToSend({ conflict: null, values: { version: "3" } }, 2)).toBe(3);
    // Saved at 3, back on the same page at 4, the refusal's answer still held by the form.
    expect(versionToSend(refused, 4)).toBe(4);
    expect(versionToSend({ conflict: null, values: { version: "not a number" } }, 4)).toBe(4);
  });
});
