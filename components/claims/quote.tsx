/**
 * A quote as found in its source, with the words around it dimmed (TextQuoteSelector shape:
 * prefix, exact, suffix). The three are shown exactly as stored, spacing included, so the
 * reader sees the source's own text.
 */
export function QuoteInContext({ quote, prefix, suffix }: { quote: string; prefix: string | null; suffix: string | null }) {
  if (!quote) return null;
  return (
    <blockquote className="mt-2 whitespace-pre-line border-l-4 border-stone-400 pl-3 text-stone-900">
      {prefix ? <span className="text-stone-600">…{prefix}</span> : null}
      <mark className="bg-yellow-100 text-stone-950">{quote}</mark>
      {suffix ? <span className="text-stone-600">{suffix}…</span> : null}
    </blockquote>
  );
}
