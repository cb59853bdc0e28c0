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
  correction: "Correction",
};

function parse(json: string | null): Record<string, unknown> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function show(value: unknown, field?: string): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (field === "status" && isClaimStatus(value)) return STATUS_INFO[value].label;
  if (field === "relation" && typeof value === "string") return relationInfo(value).label;
  return typeof value === "string" ? value : JSON.stringify(value);
}

export function HistoryChange({ kind, before, after }: { kind: string; before: string | null; after: string | null }) {
  // Creation and publication events carry a snapshot, not a change worth listing field by field.
  if (kind === "created" || kind === "published" || kind === "unpublished") return null;
  const b = parse(before);
  const a = parse(after);
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((f) => f in FIELD_LABEL && show(b[f]) !== show(a[f]));
  if (fields.length === 0) return null;
  return (
    <dl className="mt-1 space-y-1 text-sm">
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
