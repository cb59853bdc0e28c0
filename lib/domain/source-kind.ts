export const SOURCE_KINDS = [
  "news-report",
  "official-statement",
  "primary-document",
  "contract-record",
  "leaked-document",
  "dataset",
  "social-post",
  "other",
] as const;

export type SourceKind = (typeof SOURCE_KINDS)[number];

export const SOURCE_KIND_LABEL: Record<SourceKind, string> = {
  "news-report": "News report",
  "official-statement": "Official statement",
  "primary-document": "Primary document",
  "contract-record": "Contract record",
  "leaked-document": "Leaked document",
  dataset: "Dataset",
  "social-post": "Social media post",
  other: "Other",
};

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === "string" && (SOURCE_KINDS as readonly string[]).includes(value);
}

export function sourceKindLabel(value: string): string {
  return isSourceKind(value) ? SOURCE_KIND_LABEL[value] : SOURCE_KIND_LABEL.other;
}
