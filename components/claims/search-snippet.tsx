import type { ReactNode } from "react";
import type { Snippet, SnippetField } from "@/lib/search/snippet";

const FIELD_LABELS: Record<SnippetField, string> = {
  summary: "In the summary",
  claimant: "In the claimant's name",
  text: "In the claim",
  quote: "In a quoted source",
};

/**
 * Where a search's words matched in a claim, the words marked. Built as React text nodes and
 * <mark> elements from the snippet's ranges, so the claim's text is escaped like any other text.
 */
export function SearchSnippet({ snippet }: { snippet: Snippet }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of snippet.highlights) {
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(
      <mark key={start} className="rounded-sm bg-yellow-200 px-0.5 text-stone-950">
        {snippet.text.slice(start, end)}
      </mark>,
    );
    at = end;
  }
  if (at < snippet.text.length) parts.push(snippet.text.slice(at));
  return (
    <p className="mt-2 text-sm text-stone-800">
      <span className="font-medium text-stone-700">{FIELD_LABELS[snippet.field]}: </span>
      {parts}
    </p>
  );
}
