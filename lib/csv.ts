/**
 * CSV exports of claims, written from the plain export shape (lib/export-types.ts).
 *
 * RFC 4180: records end in CRLF (the last one too), and a field is quoted when it holds a comma,
 * a double quote, CR or LF, with quotes doubled. Text is UTF-8 as is; a route prepends CSV_BOM
 * once, so that Excel reads the file as UTF-8 rather than the system code page.
 *
 * A route streams a file as CSV_BOM + csvHeader(layout) + csvRows(page, layout) for each page.
 */
import { stringify } from "csv-stringify/sync";
import { RELATION_INFO, RELATIONS } from "@/lib/domain/relation";
import { CLAIM_STATUSES, STATUS_INFO } from "@/lib/domain/status";
import type { ExportClaim, ExportLink } from "@/lib/export-types";

export const CSV_LAYOUTS = ["claims", "links"] as const;

export type CsvLayout = (typeof CSV_LAYOUTS)[number];

/** A column as the README documents it. */
export interface CsvColumn {
  header: string;
  description: string;
}

export const CSV_BOM = "\uFEFF";

const RECORD_DELIMITER = "\r\n";

export type Cell = string | number | null;

interface ColumnDefinition<Row> extends CsvColumn {
  value: (row: Row) => Cell;
}

interface LinkRow {
  claim: ExportClaim;
  link: ExportLink;
}

const CLAIM_COLUMNS: readonly ColumnDefinition<ExportClaim>[] = [
  { header: "id", description: "The claim's identifier.", value: (claim) => claim.id },
  { header: "summary", description: "The claim in one line, as lists show it.", value: (claim) => claim.summary },
  { header: "text", description: "The claim as it was made, in full.", value: (claim) => claim.text },
  {
    header: "claimant",
    description: "Name of the person or organisation who made the claim.",
    value: (claim) => claim.claimant.name,
  },
  {
    header: "claim_date",
    description:
      "When the claim was made, in ISO 8601 to the precision known (2025-09-12, 2025-09 or 2025); empty when unknown.",
    value: (claim) => claim.claimDate,
  },
  { header: "story", description: "Title of the story the claim belongs to.", value: (claim) => claim.story.title },
  {
    header: "status",
    description: `The status key, one of: ${CLAIM_STATUSES.join(", ")}.`,
    value: (claim) => claim.status,
  },
  {
    header: "status_label",
    description: 'The status as readers see it, for example "Mostly accurate".',
    value: (claim) => STATUS_INFO[claim.status].label,
  },
  {
    header: "status_reason",
    description: "Why the claim has this status; empty when no reason is given.",
    value: (claim) => claim.statusReason,
  },
  {
    header: "source_count",
    description: "How many distinct sources are linked to the claim.",
    value: (claim) => new Set(claim.links.map((link) => link.source.id)).size,
  },
  { header: "url", description: "Address of the claim's public page.", value: (claim) => claim.url },
  {
    header: "published_at",
    description: "When the claim was published: ISO 8601 date and time in UTC; empty for a draft.",
    value: (claim) => claim.publishedAt?.toISOString() ?? null,
  },
  {
    header: "updated_at",
    description: "When the claim last changed: ISO 8601 date and time in UTC.",
    value: (claim) => claim.updatedAt.toISOString(),
  },
];

const LINK_COLUMNS: readonly ColumnDefinition<LinkRow>[] = [
  { header: "claim_id", description: "The claim's identifier.", value: ({ claim }) => claim.id },
  { header: "claim_summary", description: "The claim in one line.", value: ({ claim }) => claim.summary },
  {
    header: "claim_status",
    description: `The claim's status key, one of: ${CLAIM_STATUSES.join(", ")}.`,
    value: ({ claim }) => claim.status,
  },
  { header: "claim_url", description: "Address of the claim's public page.", value: ({ claim }) => claim.url },
  { header: "source_id", description: "The source's identifier.", value: ({ link }) => link.source.id },
  { header: "source_title", description: "The source's title.", value: ({ link }) => link.source.title },
  {
    header: "source_publisher",
    description: "Who published the source; empty when unknown.",
    value: ({ link }) => link.source.publisher,
  },
  {
    header: "source_url",
    description: "The source's address; empty when it has none (a print edition, a broadcast).",
    value: ({ link }) => link.source.url,
  },
  {
    header: "relation",
    description: `How the source bears on the claim, one of: ${RELATIONS.join(", ")} (appears-in: where the claim was made).`,
    value: ({ link }) => link.relation,
  },
  {
    header: "relation_label",
    description: 'The relation as readers see it, for example "Supported by".',
    value: ({ link }) => RELATION_INFO[link.relation].label,
  },
  {
    header: "quote",
    description: "The exact words quoted from the source; empty for context links.",
    value: ({ link }) => link.quote,
  },
  { header: "note", description: "The fact-checker's note on the link; empty when none.", value: ({ link }) => link.note },
];

interface LayoutWriter {
  columns: readonly CsvColumn[];
  records: (claims: readonly ExportClaim[]) => Cell[][];
}

function defineLayout<Row>(
  columns: readonly ColumnDefinition<Row>[],
  rowsOf: (claims: readonly ExportClaim[]) => readonly Row[],
): LayoutWriter {
  return {
    columns: columns.map(({ header, description }) => ({ header, description })),
    records: (claims) => rowsOf(claims).map((row) => columns.map((column) => toField(column.value(row)))),
  };
}

const LAYOUTS: Record<CsvLayout, LayoutWriter> = {
  claims: defineLayout(CLAIM_COLUMNS, (claims) => claims),
  // A claim with no links has no row here: the claims layout is where every claim appears.
  links: defineLayout(LINK_COLUMNS, (claims) => claims.flatMap((claim) => claim.links.map((link) => ({ claim, link })))),
};

export const CSV_COLUMNS: Record<CsvLayout, readonly CsvColumn[]> = {
  claims: LAYOUTS.claims.columns,
  links: LAYOUTS.links.columns,
};

const FORMULA_PREFIXES = new Set(["=", "+", "-", "@", "\t", "\r"]);

/**
 * Keeps a spreadsheet from running a text cell as a formula (OWASP "CSV Injection"): a cell
 * starting with = + - @ tab or CR gets a leading apostrophe, which spreadsheets show as text.
 * Done here rather than with csv-stringify's escape_formulas, which also rewrites cells starting
 * with the full-width forms ＝ ＋ － ＠: the set is this module's to define and test.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_PREFIXES.has(value.charAt(0)) ? `'${value}` : value;
}

function toField(cell: Cell): Cell {
  return typeof cell === "string" ? neutraliseCell(cell) : cell;
}

function writeRecords(records: Cell[][]): string {
  return stringify(records, {
    record_delimiter: RECORD_DELIMITER,
    // Setting record_delimiter turns this off by default, which would leave a field holding a
    // lone LF or CR unquoted, and readers would split the record there.
    quote_record_delimiter: true,
    eof: true,
  });
}

/** A table of figures as CSV: a header record, then each row, every record ending in CRLF. */
export function csvTable(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return writeRecords([headers.map(toField), ...rows.map((row) => row.map(toField))]);
}

/** The header record, CRLF included. */
export function csvHeader(layout: CsvLayout): string {
  return writeRecords([LAYOUTS[layout].columns.map((column) => column.header)]);
}

/** The records for one page of claims, each ending in CRLF; "" when the page has none. */
export function csvRows(claims: readonly ExportClaim[], layout: CsvLayout): string {
  return writeRecords(LAYOUTS[layout].records(claims));
}
