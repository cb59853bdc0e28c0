import { describe, expect, it } from "vitest";
import { ACTIONS, ACTORS, can, type Action, type Actor } from "./permissions";

// The whole matrix, written out: a change to who may do what must change this table too.
const EXPECTED: Record<Action, Actor[]> = {
  "desk:view": ["reviewer", "editor", "admin"],
  "claim:create": ["reviewer", "editor", "admin"],
  "claim:edit": ["reviewer", "editor", "admin"],
  "claimant:create": ["reviewer", "editor", "admin"],
  "claimant:edit": ["reviewer", "editor", "admin"],
  "source:create": ["reviewer", "editor", "admin"],
  "source:edit": ["reviewer", "editor", "admin"],
  "link:create": ["reviewer", "editor", "admin"],
  "link:edit": ["reviewer", "editor", "admin"],
  "link:delete": ["reviewer", "editor", "admin"],
  "annotation:create": ["reviewer", "editor", "admin"],
  "annotation:edit-own": ["reviewer", "editor", "admin"],
  "annotation:delete-own": ["reviewer", "editor", "admin"],
  "status:propose": ["reviewer", "editor", "admin"],
  "status:decide-published": ["editor", "admin"],
  "claim:publish": ["editor", "admin"],
  "claim:unpublish": ["editor", "admin"],
  "claim:assign": ["editor", "admin"],
  "claim:mark-duplicate": ["reviewer", "editor", "admin"],
  "story:manage": ["editor", "admin"],
  "export:run": ["editor", "admin"],
  "insights:view": ["reviewer", "editor", "admin"],
  "user:manage": ["admin"],
};

describe("permission matrix", () => {
  for (const action of ACTIONS) {
    for (const actor of ACTORS) {
      const allowed = EXPECTED[action].includes(actor);
      it(`${actor} ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(actor, action)).toBe(allowed);
      });
    }
  }

  it("never lets an anonymous visitor change anything", () => {
    expect(ACTIONS.filter((a) => can("anonymous", a))).toEqual([]);
  });

  it("gives each role everything the role below it has", () => {
    for (const action of ACTIONS) {
      if (can("reviewer", action)) expect(can("editor", action)).toBe(true);
      if (can("editor", action)) expect(can("admin", action)).toBe(true);
    }
  });
});
