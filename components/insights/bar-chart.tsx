import { scaleBand, scaleLinear } from "d3-scale";

/**
 * A horizontal bar chart drawn on the server as SVG (docs/decisions/031-insights.md): no script,
 * so it reads the same without JavaScript and prints. Each series has a fill and a pattern, so
 * colour is never the only difference, and each bar is labelled with its number in dark text
 * on white (contrast far above 4.5:1). Its numbers are also in the table that follows it.
 */

export interface ChartSeries {
  key: string;
  label: string;
}

export interface ChartRow {
  label: string;
  /** One value per series, in the series' order. */
  values: number[];
}

type Pattern = "solid" | "stripes" | "dots" | "cross" | "lines";

// Dark fills: each stands out from the white page by at least 3:1 (WCAG 1.4.11).
const STYLES: { fill: string; pattern: Pattern }[] = [
  { fill: "#1d4ed8", pattern: "solid" },
  { fill: "#b45309", pattern: "stripes" },
  { fill: "#047857", pattern: "dots" },
  { fill: "#b91c1c", pattern: "cross" },
  { fill: "#57534e", pattern: "lines" },
];

const WIDTH = 720;
const LABEL_WIDTH = 200;
const VALUE_SPACE = 56;
const ROW = 30;
const AXIS = 24;
const TEXT = "#1c1917";
const MAX_LABEL = 30;

function shortLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

function PatternDefinition({ id, fill, pattern }: { id: string; fill: string; pattern: Pattern }) {
  return (
    <pattern id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill={fill} />
      {pattern === "stripes" ? <path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#fff" strokeWidth="1.5" /> : null}
      {pattern === "dots" ? <circle cx="4" cy="4" r="1.6" fill="#fff" /> : null}
      {pattern === "cross" ? <path d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" strokeWidth="1.2" /> : null}
      {pattern === "lines" ? <path d="M0,4 h8" stroke="#fff" strokeWidth="1.5" /> : null}
    </pattern>
  );
}

export function Swatch({ chartId, index }: { chartId: string; index: number }) {
  const style = STYLES[index % STYLES.length]!;
  return (
    <svg width="16" height="16" aria-hidden="true" focusable="false" className="inline-block align-[-3px]">
      <defs>
        <PatternDefinition id={`${chartId}-swatch-${index}`} {...style} />
      </defs>
      <rect width="16" height="16" fill={`url(#${chartId}-swatch-${index})`} stroke={TEXT} strokeWidth="1" />
    </svg>
  );
}

/**
 * Stacked: a row's values add up to one bar, labelled with the total. Grouped: each value is a
 * bar of its own, labelled with its value.
 */
export function BarChart({ id, title, description, series, rows, layout }: { id: string; title: string; description: string; series: ChartSeries[]; rows: ChartRow[]; layout: "stacked" | "grouped" }) {
  const barsPerRow = layout === "grouped" ? series.length : 1;
  const rowHeight = ROW * (layout === "grouped" ? Math.max(1, series.length * 0.7) : 1);
  const height = AXIS + Math.max(1, rows.length) * rowHeight + 8;
  const largest = Math.max(1, ...rows.map((r) => (layout === "stacked" ? r.values.reduce((a, b) => a + b, 0) : Math.max(0, ...r.values))));
  const x = scaleLinear().domain([0, largest]).nice().range([LABEL_WIDTH, WIDTH - VALUE_SPACE]);
  const y = scaleBand<number>().domain(rows.map((_, i) => i)).range([AXIS, height - 8]).paddingInner(0.25);
  const ticks = x.ticks(Math.min(5, x.domain()[1]!)).filter(Number.isInteger);
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <svg role="img" aria-labelledby={`${titleId} ${descId}`} viewBox={`0 0 ${WIDTH} ${height}`} className="h-auto w-full max-w-3xl" fontFamily="system-ui, sans-serif" fontSize="12">
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <defs>
        {series.map((_, i) => (
          <PatternDefinition key={i} id={`${id}-pattern-${i}`} {...STYLES[i % STYLES.length]!} />
        ))}
      </defs>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={AXIS - 4} y2={height - 8} stroke="#d6d3d1" />
          <text x={x(tick)} y={AXIS - 8} textAnchor="middle" fill={TEXT}>
            {tick}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const top = y(r) ?? 0;
        const band = y.bandwidth();
        const total = row.values.reduce((a, b) => a + b, 0);
        let start = 0;
        return (
          <g key={r}>
            <text x={LABEL_WIDTH - 8} y={top + band / 2} dy="0.35em" textAnchor="end" fill={TEXT}>
              {shortLabel(row.label)}
            </text>
            {layout === "stacked" ? (
              <>
                {row.values.map((value, s) => {
                  const from = start;
                  start += value;
                  return value > 0 ? <rect key={s} x={x(from)} y={top} width={x(start) - x(from)} height={band} fill={`url(#${id}-pattern-${s})`} stroke="#fff" strokeWidth="0.5" /> : null;
                })}
                <text x={x(total) + 6} y={top + band / 2} dy="0.35em" fill={TEXT} fontWeight="600">
                  {total}
                </text>
              </>
            ) : (
              row.values.map((value, s) => {
                const height = band / barsPerRow;
                const barTop = top + s * height;
                return (
                  <g key={s}>
                    <rect x={x(0)} y={barTop} width={x(value) - x(0)} height={Math.max(1, height - 2)} fill={`url(#${id}-pattern-${s})`} />
                    <text x={x(value) + 6} y={barTop + height / 2} dy="0.35em" fill={TEXT}>
                      {value}
                    </text>
                  </g>
                );
              })
            )}
          </g>
        );
      })}
    </svg>
  );
}
