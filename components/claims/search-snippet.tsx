import type { ReactNode } from "react";
import type { Snippet, SnippetField } from "@/lib/search/snippet";

const FIELD_LABELS: Record<SnippetField, string> = {
  summary: "In the summary",
  claimant: "In the claimant's name",
  text: "In the claim",
  quote: "In a quoted source",
};

/**
 * Text with the ranges of a search's words marked. Built as React text nodes and <mark>
 * elements from the ranges, so the claim's text is escaped like any other text.
 */
export function MarkedText({ text, highlights }: Pick<Snippet, "text" | "highlights">) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of highlights) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(
      <mark key={start} className="rounded-sm bg-yellow-200 px-0.5 text-stone-950">
        {text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Where a search's words matched in a claim, when it is not the summary (marked in the heading). */
export function SearchSnippet({ snippet }: { snippet: Snippet }) {
  return (
    <p className="mt-2 text-sm text-stone-800">
      <span className="font-medium text-stone-700">{FIELD_LABELS[snippet.field]}: </span>
      <MarkedText text={snippet.text} highlights={snippet.highlights} />
    </p>
  );
}
