import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { CSV_BOM, CSV_COLUMNS, CSV_LAYOUTS, csvHeader, csvRows, neutraliseCell, type CsvLayout } from "@/lib/csv";
import { exportClaim, exportLink, exportSource } from "@/lib/testing/fixtures/export-claims";

function parseCsv(text: string): string[][] {
  return parse(text, { bom: true });
}

/** Header and rows read back as objects keyed by header, the way a spreadsheet import sees them. */
function readBack(rows: string, layout: CsvLayout): Record<string, string>[] {
  return parse(csvHeader(layout) + rows, { columns: true });
}

const FORMULA_PREFIXES = ["=", "+", "-", "@", "\t", "\r"];

describe("CSV columns", () => {
  it("are the documented ones, in order, each described", () => {
    expect(CSV_COLUMNS.claims.map((column) => column.header)).toEqual([
      "id",
      "summary",
      "text",
      "claimant",
      "claim_date",
      "story",
      "status",
      "status_label",
      "status_reason",
      "source_count",
      "url",
      "published_at",
      "updated_at",
    ]);
    expect(CSV_COLUMNS.links.map((column) => column.header)).toEqual([
      "claim_id",
      "claim_summary",
      "claim_status",
      "claim_url",
      "source_id",
      "source_title",
      "source_publisher",
      "source_url",
      "relation",
      "relation_label",
      "quote",
      "note",
    ]);
    for (const layout of CSV_LAYOUTS) {
      for (const column of CSV_COLUMNS[layout]) expect(column.description.trim(), column.header).not.toBe("");
    }
  });

  it("head the file as one CRLF-terminated record", () => {
    for (const layout of CSV_LAYOUTS) {
      const header = csvHeader(layout);
      expect(header).toBe(`${CSV_COLUMNS[layout].map((column) => column.header).join(",")}\r\n`);
    }
  });
});

describe("claims layout", () => {
  it("writes one row per claim whose fields line up with the header", () => {
    const shared = exportSource();
    const claim = exportClaim({
      id: "claim_a",
      summary: "Unemployment halved",
      text: "We have halved unemployment since 2020.",
      status: "mostly-accurate",
      statusReason: "It fell by 46%.",
      claimDate: "2025-09",
      claimant: { id: "claimant_a", name: "Jane Minister", kind: "person", url: null },
      story: { id: "story_a", slug: "jobs", title: "Jobs report" },
      publishedAt: new Date("2025-09-15T08:30:00.000Z"),
      updatedAt: new Date("2025-09-16T12:00:00.000Z"),
      url: "https://factline.example/claims/claim_a",
      links: [
        exportLink({ relation: "appears-in", source: exportSource() }),
        exportLink({ relation: "supports", source: shared }),
        exportLink({ relation: "context", source: shared }),
      ],
    });

    expect(readBack(csvRows([claim], "claims"), "claims")).toEqual([
      {
        id: "claim_a",
        summary: "Unemployment halved",
        text: "We have halved unemployment since 2020.",
        claimant: "Jane Minister",
        claim_date: "2025-09",
        story: "Jobs report",
        status: "mostly-accurate",
        status_label: "Mostly accurate",
        status_reason: "It fell by 46%.",
        source_count: "2",
        url: "https://factline.example/claims/claim_a",
        published_at: "2025-09-15T08:30:00.000Z",
        updated_at: "2025-09-16T12:00:00.000Z",
      },
    ]);
  });

  it("leaves absent values empty, never null or undefined", () => {
    const draft = exportClaim({ claimDate: null, statusReason: "", publishedAt: null, links: [], status: "unverified" });
    const rows = csvRows([draft], "claims");

    expect(rows).not.toMatch(/null|undefined/);
    expect(rows.endsWith(`,${draft.url},,${draft.updatedAt.toISOString()}\r\n`)).toBe(true);
    const [record] = readBack(rows, "claims");
    expect(record).toMatchObject({ claim_date: "", status_reason: "", source_count: "0", published_at: "" });
  });

  it("writes nothing for an empty page", () => {
    for (const layout of CSV_LAYOUTS) expect(csvRows([], layout)).toBe("");
  });
});

describe("links layout", () => {
  it("writes one row per link, none for a claim without links", () => {
    const source = exportSource({ id: "source_x", title: "Labour survey", publisher: null, url: null });
    const linked = exportClaim({
      id: "claim_linked",
      status: "misleading",
      links: [
        exportLink({ relation: "appears-in", quote: "halved", note: "Said twice.", source }),
        exportLink({ relation: "disputes", quote: "fell by 46%", source }),
        exportLink({ relation: "context", quote: "" }),
      ],
    });
    const unlinked = exportClaim({ id: "claim_unlinked", links: [] });
    const other = exportClaim({ id: "claim_other" });

    const records = readBack(csvRows([linked, unlinked, other], "links"), "links");

    expect(records.map((record) => [record.claim_id, record.relation])).toEqual([
      ["claim_linked", "appears-in"],
      ["claim_linked", "disputes"],
      ["claim_linked", "context"],
      ["claim_other", "appears-in"],
    ]);
    expect(records[0]).toEqual({
      claim_id: "claim_linked",
      claim_summary: linked.summary,
      claim_status: "misleading",
      claim_url: linked.url,
      source_id: "source_x",
      source_title: "Labour survey",
      source_publisher: "",
      source_url: "",
      relation: "appears-in",
      relation_label: "Appears in",
      quote: "halved",
      note: "Said twice.",
    });
    expect(records[1]).toMatchObject({ relation_label: "Disputed by", quote: "fell by 46%", note: "" });
    expect(records[2]).toMatchObject({ relation_label: "Context", quote: "" });
  });
});

describe("RFC 4180 quoting", () => {
  it("quotes fields with commas and doubles quotes", () => {
    const claim = exportClaim({ summary: "Jobs, jobs, jobs", text: 'He said "no", then left' });
    const rows = csvRows([claim], "claims");

    expect(rows).toContain(',"Jobs, jobs, jobs","He said ""no"", then left",');
    expect(readBack(rows, "claims")[0]).toMatchObject({ summary: "Jobs, jobs, jobs", text: 'He said "no", then left' });
  });

  it("quotes fields with embedded LF, CR and CRLF and keeps them exactly", () => {
    const claim = exportClaim({ summary: "line one\nline two", text: "para one\r\npara two", statusReason: "old\rmac" });
    const rows = csvRows([claim], "claims");

    expect(rows).toContain('"line one\nline two"');
    expect(rows).toContain('"para one\r\npara two"');
    expect(rows).toContain('"old\rmac"');
    expect(readBack(rows, "claims")[0]).toMatchObject({
      summary: "line one\nline two",
      text: "para one\r\npara two",
      status_reason: "old\rmac",
    });
  });

  it("leaves plain fields unquoted", () => {
    const claim = exportClaim({ summary: "Plain words" });
    expect(csvRows([claim], "claims")).toContain(",Plain words,");
  });

  it("ends every record, the last included, with CRLF", () => {
    const claims = [exportClaim(), exportClaim(), exportClaim()];
    const rows = csvRows(claims, "claims");

    expect(rows.endsWith("\r\n")).toBe(true);
    expect(rows.split("\r\n")).toHaveLength(claims.length + 1);
    expect(rows).not.toMatch(/(?<!\r)\n/);
    expect(rows).not.toMatch(/\r(?!\n)/);
  });
});

describe("formula injection", () => {
  it("prefixes text cells that a spreadsheet would run as a formula", () => {
    for (const prefix of FORMULA_PREFIXES) {
      const summary = `${prefix}HYPERLINK("https://evil.example","click")`;
      const claim = exportClaim({
        summary,
        claimant: { id: "claimant_f", name: `${prefix}cmd|' /C calc'!A0`, kind: "organization", url: null },
        links: [exportLink({ quote: `${prefix}SUM(1,2)`, note: `${prefix}1`, source: exportSource({ title: `${prefix}2` }) })],
      });

      const [claimRecord] = readBack(csvRows([claim], "claims"), "claims");
      expect(claimRecord?.summary, JSON.stringify(prefix)).toBe(`'${summary}`);
      expect(claimRecord?.claimant, JSON.stringify(prefix)).toBe(`'${prefix}cmd|' /C calc'!A0`);

      const [linkRecord] = readBack(csvRows([claim], "links"), "links");
      expect(linkRecord, JSON.stringify(prefix)).toMatchObject({
        claim_summary: `'${summary}`,
        source_title: `'${prefix}2`,
        quote: `'${prefix}SUM(1,2)`,
        note: `'${prefix}1`,
      });
    }
  });

  it("leaves cells with those characters further in untouched", () => {
    const texts = ["1+1=2", "a-b", "desk@factline.example", "x\t=y", "'=quoted already"];
    for (const text of texts) {
      const [record] = readBack(csvRows([exportClaim({ summary: text })], "claims"), "claims");
      expect(record?.summary).toBe(text);
    }
  });

  it("neutraliseCell prefixes exactly the formula characters", () => {
    for (const prefix of FORMULA_PREFIXES) expect(neutraliseCell(`${prefix}x`)).toBe(`'${prefix}x`);
    for (const text of ["", "x", " =x", "'x", "＝x", "1-2"]) expect(neutraliseCell(text)).toBe(text);
  });
});

describe("UTF-8 text", () => {
  it("passes non-Latin scripts and emoji through untouched", () => {
    const texts = {
      summary: "ادعاء كاذب حول البطالة",
      text: "这是一个关于失业率的虚假说法。",
      statusReason: "Это утверждение не подтверждается данными.",
    };
    const claimant = { id: "claimant_u", name: "Zoë 🤥👍🏽 Ελληνικά", kind: "person" as const, url: null };
    const rows = csvRows([exportClaim({ ...texts, claimant })], "claims");

    for (const text of [...Object.values(texts), claimant.name]) expect(rows).toContain(text);
    expect(readBack(rows, "claims")[0]).toMatchObject({
      summary: texts.summary,
      text: texts.text,
      status_reason: texts.statusReason,
      claimant: claimant.name,
    });
  });
});

describe("streaming", () => {
  it("reads as one table from the BOM, the header and several pages", () => {
    const pages = [[exportClaim(), exportClaim()], [], [exportClaim({ summary: "a, b" })]];
    const file = CSV_BOM + csvHeader("claims") + pages.map((page) => csvRows(page, "claims")).join("");

    expect(CSV_BOM).toBe("\uFEFF");
    expect(file.startsWith("\uFEFFid,")).toBe(true);
    const records = parseCsv(file);
    expect(records[0]).toEqual(CSV_COLUMNS.claims.map((column) => column.header));
    expect(records.slice(1).map((record) => record[0])).toEqual(pages.flat().map((claim) => claim.id));
    expect(records.every((record) => record.length === CSV_COLUMNS.claims.length)).toBe(true);
  });
});
