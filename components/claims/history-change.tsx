import { relationInfo } from "@/lib/domain/relation";
import { STATUS_INFO, isClaimStatus } from "@/lib/domain/status";

/** What an event changed: each field with its old and new value (a text edit shows both). */
const FIELD_LABEL: Record<string, string> = {
  text: "Words",
  summary: "Summary",
  claimant: "Claimant",
  story: "Story",
  claimDate: "Date",
  status: "Status",
  statusReason: "Reason",
  publishedAt: "Published",
  assignee: "Assigned to",
  relation: "Relation",
  quote: "Quote",
  quotePrefix: "Text before the quote",
  quoteSuffix: "Text after the quote",
  note: "Note",
  source: "Source",
  publisher: "Publisher",
  author: "Author",
  url: "Web address",
  kind: "Kind",
  archivedUrl: "Archived copy",
  capturedText: "Captured text",
  body: "Note",
  isPublic: "Shown to readers",
  correction: "Correction",
};

function parse(value: string | Record<string, unknown> | null): Record<string, unknown> {
  if (!value) return {};
  if (typeof value === "object") return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

type Stored = string | Record<string, unknown> | null;

/** Creation and publication events carry a snapshot, not a change worth listing field by field. */
const SNAPSHOT_KINDS = new Set(["created", "published", "republished", "unpublished"]);

/** The fields an event shows as changed, in the order it shows them. */
export function changedFieldNames(kind: string, before: Stored, after: Stored): string[] {
  if (SNAPSHOT_KINDS.has(kind)) return [];
  const b = parse(before);
  const a = parse(after);
  return [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => f in FIELD_LABEL && show(b[f]) !== show(a[f]));
}

function show(value: unknown, field?: string): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (field === "status" && isClaimStatus(value)) return STATUS_INFO[value].label;
  if (field === "relation" && typeof value === "string") return relationInfo(value).label;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function HistoryChange({ kind, before, after }: { kind: string; before: Stored; after: Stored }) {
  const fields = changedFieldNames(kind, before, after);
  const b = parse(before);
  const a = parse(after);
  if (fields.length === 0) return null;
  // An edit of a link or a source says which source, even when its title did not change.
  const about = !fields.includes("source") && (kind === "link-edited" || kind === "source-edited") ? (a.source ?? b.source) : undefined;
  return (
    <dl className="mt-1 space-y-1 text-sm">
      {typeof about === "string" ? (
        <div>
          <dt className="font-medium">Source</dt>
          <dd>{about}</dd>
        </div>
      ) : null}
      {fields.map((field) => (
        <div key={field}>
          <dt className="font-medium">{FIELD_LABEL[field]}</dt>
          <dd>
            {field in b ? (
              <>
                <del className="bg-red-50 text-red-900">{show(b[field], field)}</del>
                {field in a ? " → " : null}
              </>
            ) : null}
            {field in a ? <ins className="bg-green-50 text-green-900 no-underline">{show(a[field], field)}</ins> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
