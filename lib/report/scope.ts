import { STATUS_INFO } from "@/lib/domain/status";
import { PUBLICATION_LABEL, type ExportFilters } from "@/lib/validation/export-query";


/** The filters in plain words, for a report's header: "Statuses: False, Misleading · Claimant: Microsoft". */
export function describeExportFilters(filters: ExportFilters, names: { story: string | null; claimant: string | null }): string {
  const parts: string[] = [];
  if (filters.statuses.length > 0) {
    parts.push(`${filters.statuses.length === 1 ? "Status" : "Statuses"}: ${filters.statuses.map((s) => STATUS_INFO[s].label).join(", ")}`);
  }
  if (filters.claimant) parts.push(`Claimant: ${names.claimant ?? filters.claimant}`);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (filters.from && filters.to) parts.push(`Claims dated ${day(filters.from)} to ${day(filters.to)}`);
  else if (filters.from) parts.push(`Claims dated from ${day(filters.from)}`);
  else if (filters.to) parts.push(`Claims dated up to ${day(filters.to)}`);
  // Published claims only is what a reader would assume; the others are worth saying.
  if (filters.publication !== "published") parts.push(PUBLICATION_LABEL[filters.publication]);
  return parts.length > 0 ? parts.join(" · ") : "All claims";
}

/** The filters as plain JSON, for the export file's header. */
export function exportFiltersJson(filters: ExportFilters): Record<string, unknown> {
  return {
    story: filters.story ?? null,
    statuses: filters.statuses,
    claimant: filters.claimant ?? null,
    from: filters.from?.toISOString().slice(0, 10) ?? null,
    to: filters.to?.toISOString().slice(0, 10) ?? null,
    publication: filters.publication,
  };
}
