import { describe, expect, it } from "vitest";
import { DESK_NOTICES, STORY_NOTICES, deskClaimPath, deskNotice, deskStoriesPath, noticeOn, storyNotice } from "@/lib/domain/desk-notice";

describe("desk notices", () => {
  it("names each notice in the address and reads it back", () => {
    for (const done of Object.keys(DESK_NOTICES) as (keyof typeof DESK_NOTICES)[]) {
      const path = deskClaimPath("claim-1", done, "notes", 1_000_000);
      expect(path).toBe(`/desk/claims/claim-1?done=${done}&at=lfls#notes`);
      expect(deskNotice(new URL(path, "http://x").searchParams.get("done"))).toBe(DESK_NOTICES[done]);
    }
  });

  it("gives the same action a new address each time", () => {
    expect(deskClaimPath("claim-1", "note-added", "notes", 1)).not.toBe(deskClaimPath("claim-1", "note-added", "notes", 2));
    expect(deskClaimPath("claim-1", "status", undefined, 36)).toBe("/desk/claims/claim-1?done=status&at=10");
  });

  it("shows nothing for a value it does not know, an inherited name or a repeated parameter", () => {
    for (const value of ["", "nope", "constructor", "toString", "__proto__", ["status", "status"], undefined]) expect(deskNotice(value)).toBeNull();
  });

  it("names each story notice in the desk's story list address, and no claim notice there", () => {
    for (const done of Object.keys(STORY_NOTICES) as (keyof typeof STORY_NOTICES)[]) {
      expect(storyNotice(new URL(deskStoriesPath(done), "http://x").searchParams.get("done"))).toBe(STORY_NOTICES[done]);
    }
    expect(storyNotice("published")).toBeNull();
  });

  it("shows each page's own notices: the story list's there, the claim workspace's on a claim", () => {
    expect(noticeOn("/desk/stories", "archived")).toBe(STORY_NOTICES.archived);
    expect(noticeOn("/desk/stories", "published")).toBeNull();
    expect(noticeOn("/desk/claims/claim-1", "published")).toBe(DESK_NOTICES.published);
    expect(noticeOn("/desk/claims/claim-1", "archived")).toBeNull();
    expect(noticeOn("/desk/sources", "status")).toBeNull();
  });
});
