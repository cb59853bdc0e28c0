import { formatPartialDate } from "@/lib/domain/partial-date";
import { sourceKindLabel } from "@/lib/domain/source-kind";

/** "News report · Reuters · 12 April 2025", leaving out what the source does not say. */
export function sourceMetaLine(source: {
  kind: string;
  publisher: string | null;
  author?: string | null;
  publishedAt: Date | null;
  publishedAtPrecision: string;
}): string {
  return [
    sourceKindLabel(source.kind),
    source.publisher,
    source.author ? `by ${source.author}` : null,
    formatPartialDate(source.publishedAt, source.publishedAtPrecision),
  ]
    .filter((part): part is string => Boolean(part))
    .join(" · ");
}
