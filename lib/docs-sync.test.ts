import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, CSV_LAYOUTS } from "@/lib/csv";

// The documented columns are the ones written: a column added, renamed or redescribed in
// lib/csv.ts fails here until docs/exports.md says the same.
describe("docs/exports.md", () => {
  const doc = fs.readFileSync(path.join(import.meta.dirname, "..", "docs", "exports.md"), "utf8");
  for (const layout of CSV_LAYOUTS) {
    it(`documents every ${layout} CSV column, in order`, () => {
      const rows = CSV_COLUMNS[layout].map((c) => `| \`${c.header}\` | ${c.description} |`);
      const block = rows.join("\n");
      expect(doc).toContain(block);
    });
  }
});
