import { describe, expect, it } from "vitest";
import { refusedState, sentValues } from "@/components/forms/refusal";
import { initialActionState, type ActionState } from "@/lib/actions/state";

// What a form sent past the rate limits starts again from (components/forms/refusal.tsx);
// e2e/desk-write-limit.spec.ts drives the forms themselves.

const WORDS = "Too many changes in a minute from this account. Nothing was saved; try again in 30 seconds.";

function sent(fields: [string, string | Blob][]): FormData {
  const data = new FormData();
  for (const [name, value] of fields) data.append(name, value);
  return data;
}

describe("sentValues", () => {
  it("keeps the text fields as sent, and leaves out passwords, files and Next.js's own fields", () => {
    const data = sent([
      ["$ACTION_REF_1", ""],
      ["$ACTION_KEY", "k123"],
      ["email", "rita@example.org"],
      ["password", "correct-horse"],
      ["newPassword", "battery-staple"],
      ["attachment", new Blob(["x"])],
      ["body", "A long note\nwith two lines"],
      ["isPublic", "1"],
    ]);
    expect(sentValues(data)).toEqual({ email: "rita@example.org", body: "A long note\nwith two lines", isPublic: "1" });
  });
});

describe("refusedState", () => {
  it("shows the refusal with the fields as sent, and keeps what the form showed before: its field errors and a conflict", () => {
    const before: ActionState = {
      ok: false,
      fieldErrors: { correction: ["Readers have seen this rating: say what changed."] },
      formError: "Check the fields marked below.",
      values: { status: "accurate", reason: "older words" },
      notice: null,
      conflict: { message: "Someone else saved this claim.", current: { status: "false" }, version: 7 },
    };
    const state = refusedState({ state: before, data: sent([["status", "misleading"], ["reason", "newer words"], ["correction", "The figure was revised."]]) }, WORDS);
    expect(state).toEqual({
      ...before,
      formError: WORDS,
      values: { status: "misleading", reason: "newer words", correction: "The figure was revised." },
    });
  });

  it("drops a notice of the last save, which the refused one did not make", () => {
    const state = refusedState({ state: { ...initialActionState, ok: true, notice: "Saved." }, data: sent([["name", "Ada"]]) }, WORDS);
    expect(state).toMatchObject({ ok: false, notice: null, formError: WORDS, values: { name: "Ada" } });
  });

  it("with nothing recorded (a form with no message of its own), shows the refusal on an empty form", () => {
    expect(refusedState(null, WORDS)).toEqual({ ...initialActionState, ok: false, notice: null, formError: WORDS, values: {} });
  });
});
