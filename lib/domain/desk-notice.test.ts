import { describe, expect, it } from "vitest";
import { DESK_NOTICES, STORY_NOTICES, deskClaimPath, deskNotice, deskStoriesPath, formPermalink, noticeOn, storyNotice } from "@/lib/domain/desk-notice";

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
    // Each action its own address: archiving a second story is announced, and focus given back, again.
    expect(deskStoriesPath("archived", 1_000)).not.toBe(deskStoriesPath("archived", 2_000));
  });

  it("shows each page's own notices: the story list's there, the claim workspace's on a claim", () => {
    expect(noticeOn("/desk/stories", "archived")).toBe(STORY_NOTICES.archived);
    expect(noticeOn("/desk/stories", "published")).toBeNull();
    expect(noticeOn("/desk/claims/claim-1", "published")).toBe(DESK_NOTICES.published);
    expect(noticeOn("/desk/claims/claim-1", "archived")).toBeNull();
    expect(noticeOn("/desk/sources", "status")).toBeNull();
  });

  it("posts a form without scripts to its page without the last action's notice, scrolled to the form", () => {
    const after = new URL(deskClaimPath("claim-1", "note-added", "notes", 1), "http://x");
    expect(formPermalink(after.pathname, after.searchParams, "note-form")).toBe("/desk/claims/claim-1#note-form");
    expect(formPermalink("/desk/sources/s1/edit", new URLSearchParams("saved=1"), "source-form")).toBe("/desk/sources/s1/edit#source-form");
    expect(formPermalink("/desk/sources/s1/edit", new URLSearchParams("created=1"), "source-form")).toBe("/desk/sources/s1/edit#source-form");
    // What the page is about stays: the source being linked, where sign-in leads.
    expect(formPermalink("/desk/claims/claim-1", new URLSearchParams("source=s2&done=linked&at=5"), "link-source")).toBe("/desk/claims/claim-1?source=s2#link-source");
    expect(formPermalink("/sign-in", new URLSearchParams("next=%2Fdesk%2Fqueue"), "sign-in-form")).toBe("/sign-in?next=%2Fdesk%2Fqueue#sign-in-form");
    expect(formPermalink("/desk/admin/users", new URLSearchParams(), "disable-a b@example.org")).toBe("/desk/admin/users#disable-a%20b%40example.org");
  });
});
