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
  linked: "Source linked.",
  "link-edited": "Source link saved.",
  unlinked: "Source unlinked.",
  "note-added": "Note added.",
  "note-edited": "Note saved.",
  "note-deleted": "Note deleted.",
} as const satisfies Record<string, string>;

export type DeskNotice = keyof typeof DESK_NOTICES;

export function deskNotice(value: unknown): string | null {
  return typeof value === "string" && Object.hasOwn(DESK_NOTICES, value) ? DESK_NOTICES[value as DeskNotice] : null;
}

/** The claim workspace's address with a notice, and the part of the page to scroll to. */
export function deskClaimPath(claimId: string, done: DeskNotice, section?: "sources" | "notes"): string {
  return `/desk/claims/${claimId}?done=${done}${section ? `#${section}` : ""}`;
}
