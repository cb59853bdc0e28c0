import type { ReactNode } from "react";
import { Swatch, type ChartSeries } from "@/components/insights/bar-chart";
import type { InsightTable } from "@/lib/insights/tables";

const number = new Intl.NumberFormat("en");

/** A measure's numbers as a table; numbers right-aligned, the first column names the row. */
export function FiguresTable({ table, caption, cells }: { table: InsightTable; caption: string; cells?: (row: number, column: number) => ReactNode }) {
  if (table.rows.length === 0) return <p className="p-2">No rows.</p>;
  return (
    // Focusable, so a keyboard can scroll a table wider than the page (axe: scrollable-region-focusable).
    <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={`${caption} (scrolls sideways when wide)`}>
      <table className="w-full border-collapse bg-white text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-stone-400">
            {table.headers.map((header, c) => (
              <th key={c} scope="col" className={`p-2 ${c > 0 ? "text-right" : ""}`}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-b border-stone-200 align-top">
              {row.map((cell, c) =>
                c === 0 ? (
                  <th key={c} scope="row" className="p-2 font-normal">
                    {cells?.(r, c) ?? cell}
                  </th>
                ) : (
                  <td key={c} className={`p-2 ${typeof cell === "number" ? "text-right tabular-nums" : ""}`}>
                    {cells?.(r, c) ?? (typeof cell === "number" ? number.format(cell) : cell)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ChartLegend({ chartId, series }: { chartId: string; series: ChartSeries[] }) {
  if (series.length < 2) return null;
  return (
    <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Key">
      {series.map((s, i) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <Swatch chartId={chartId} index={i} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * One measure: its heading, what it counts, the chart (if any), the numbers behind it in a
 * table that opens under the chart, and the same numbers as a CSV download.
 */
export function InsightSection({ id, heading, definition, children, table, tableCaption, csvHref, cells, tableOpen = false }: {
  id: string;
  heading: string;
  definition: ReactNode;
  children?: ReactNode;
  table: InsightTable;
  tableCaption: string;
  csvHref: string;
  cells?: (row: number, column: number) => ReactNode;
  tableOpen?: boolean;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="mb-10 rounded border border-stone-300 bg-white p-4">
      <h2 id={`${id}-heading`} className="mb-2 font-serif text-2xl font-bold">
        {heading}
      </h2>
      <div className="mb-3 max-w-3xl text-stone-800">{definition}</div>
      {children}
      <details className="mt-3" open={tableOpen}>
        <summary className="cursor-pointer font-medium text-blue-800 underline">Numbers behind this {children ? "chart" : "list"} ({table.rows.length} {table.rows.length === 1 ? "row" : "rows"})</summary>
        <div className="mt-2">
          <FiguresTable table={table} caption={tableCaption} cells={cells} />
        </div>
      </details>
      <p className="mt-3 text-sm">
        <a href={csvHref} className="text-blue-800 underline" download>
          Download CSV<span className="sr-only">: {heading}</span>
        </a>
      </p>
    </section>
  );
}
