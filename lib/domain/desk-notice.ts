/**
 * What the claim workspace says after an action redirects back to it: each action confirms
 * itself in a notice screen readers announce. The action names the notice in the address
 * (`?done=`); an unknown value shows nothing.
 */
export const DESK_NOTICES = {
  recorded: "Claim recorded as a draft: readers cannot see it until an editor publishes it.",
  edited: "Changes to the claim saved.",
  status: "Status saved.",
  published: "Published: readers can see this claim now.",
  unpublished: "Unpublished: readers no longer see this claim.",
  assigned: "Assignment saved.",
  "marked-duplicate": "Marked as a duplicate: once its original is published, readers of this claim are sent there.",
  "unmarked-duplicate": "Marked as not a duplicate: this claim stands on its own again.",
  linked: "Source linked.",
  "link-edited": "Source link saved.",
  unlinked: "Source unlinked.",
  "note-added": "Note added.",
  "note-edited": "Note saved.",
  "note-deleted": "Note deleted.",
} as const satisfies Record<string, string>;

export type DeskNotice = keyof typeof DESK_NOTICES;

/** The sentence `notices` holds under `value`, for a value read from the address. */
function noticeIn<Notices extends Record<string, string>>(notices: Notices, value: unknown): string | null {
  return typeof value === "string" && Object.hasOwn(notices, value) ? notices[value as keyof Notices]! : null;
}

export function deskNotice(value: unknown): string | null {
  return noticeIn(DESK_NOTICES, value);
}

/** The claim workspace's address with a notice, and the part of the page to scroll to. */
export function deskClaimPath(claimId: string, done: DeskNotice, section?: "sources" | "notes", now = Date.now()): string {
  // `at` makes each action's address new, the same action twice included: the notice is then
  // announced again, and the keyboard given back again (components/desk/action-notice.tsx).
  return `/desk/claims/${claimId}?done=${done}&at=${now.toString(36)}${section ? `#${section}` : ""}`;
}

/** What the desk's story list says after a story action redirects back to it. */
export const STORY_NOTICES = {
  saved: "Story saved.",
  moved: "Story saved at its new address. Its old address leads readers there.",
  archived: "Story archived: readers no longer see it in lists and menus; its page and published claims stay.",
  unarchived: "Story unarchived: readers see it with the current stories again.",
} as const satisfies Record<string, string>;

export type StoryNotice = keyof typeof STORY_NOTICES;

export function storyNotice(value: unknown): string | null {
  return noticeIn(STORY_NOTICES, value);
}

/**
 * The desk's story list with a notice; `at`, as for the claim workspace, makes each action's
 * address new, so archiving a second story is announced, and gives the keyboard back, too.
 */
export function deskStoriesPath(done: StoryNotice, now = Date.now()): string {
  return `/desk/stories?done=${done}&at=${now.toString(36)}`;
}

/**
 * The notice `done` names on the desk page at `pathname`: the story list's, or the claim
 * workspace's (and the claim pages that lead to it). The desk's layout shows it.
 */
export function noticeOn(pathname: string, done: unknown): string | null {
  if (pathname === "/desk/stories") return storyNotice(done);
  return pathname.startsWith("/desk/claims/") ? deskNotice(done) : null;
}

/**
 * The id of the "saved" notice on a page whose form saves back to the same page (a source's or a
 * claimant's edit page). Its redirect names it as the fragment: without scripts the browser
 * otherwise kept the form's own id from the address it posted to (formPermalink) and scrolled
 * past the notice to the form.
 */
export const SAVED_NOTICE_ID = "saved-notice";

/** The id of a story's Edit link on the desk's story list: where the keyboard lands after archiving or unarchiving it. */
export const editStoryLinkId = (storyId: string): string => `edit-story-${storyId}`;

/** The parts of an address that say an action succeeded: `?done=` and its `&at=`, a source's `?created=1` and `?saved=1`. */
export const NOTICE_PARAMETERS: readonly string[] = ["done", "at", "created", "saved"];

/**
 * Where a form posts when the page runs no scripts: this page's address without any notice, and
 * with the form's own id as its fragment. A refusal then shows only the form's problem, not the
 * success of the action before it, and the browser scrolls to the form that says what is wrong.
 * React hands a refused form's state to the form on the page whose address it posted to, so the
 * id must be the form's alone: one per note, link, user or story of a list.
 */
export function formPermalink(pathname: string, params: URLSearchParams, form: string): string {
  const kept = new URLSearchParams(params);
  for (const name of NOTICE_PARAMETERS) kept.delete(name);
  const query = kept.toString();
  return `${pathname}${query ? `?${query}` : ""}#${encodeURIComponent(form)}`;
}
