/** What a history event records. Later writes (the reviewer desk) add to the log with these. */
export const EVENT_KINDS = [
  "created",
  "edited",
  "status-changed",
  "corrected",
  "updated",
  "linked",
  "link-edited",
  "source-edited",
  "unlinked",
  "annotated",
  "annotation-edited",
  "annotation-deleted",
  "assigned",
  "published",
  "unpublished",
  "marked-duplicate",
  "unmarked-duplicate",
] as const;

export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABEL: Record<EventKind, string> = {
  created: "Claim recorded",
  edited: "Claim edited",
  "status-changed": "Status changed",
  corrected: "Corrected",
  updated: "Updated",
  linked: "Source linked",
  "link-edited": "Source link edited",
  "source-edited": "Linked source edited",
  unlinked: "Source unlinked",
  annotated: "Annotation added",
  "annotation-edited": "Annotation edited",
  "annotation-deleted": "Annotation deleted",
  assigned: "Assigned",
  published: "Published",
  unpublished: "Unpublished",
  "marked-duplicate": "Marked as a duplicate",
  "unmarked-duplicate": "Marked as not a duplicate",
};

export function isEventKind(value: unknown): value is EventKind {
  return typeof value === "string" && (EVENT_KINDS as readonly string[]).includes(value);
}

export function eventKindLabel(value: string): string {
  return isEventKind(value) ? EVENT_KIND_LABEL[value] : "Change";
}
