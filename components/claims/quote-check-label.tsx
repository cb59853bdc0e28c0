import type { QuoteCheck } from "@/lib/quote-check";

const LABEL: Record<QuoteCheck["status"], string | null> = {
  found: "Quote found in source",
  "not-found": "Quote not found in captured text",
  "no-captured-text": null,
  "no-quote": null,
};

/** The quote check's verdict in words (with a symbol that is decoration only). */
export function QuoteCheckLabel({ check }: { check: QuoteCheck }) {
  const label = LABEL[check.status];
  if (!label) return null;
  const found = check.status === "found";
  return (
    <p className={`mt-1 text-sm font-medium ${found ? "text-green-900" : "text-red-900"}`}>
      <span aria-hidden="true">{found ? "✓ " : "⚠ "}</span>
      {label}
    </p>
  );
}
