import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");

/**
 * A new SQLite file with every committed migration applied, for tests that read and write
 * through Prisma. (The migration tooling itself is tested through the real CLI in
 * scripts/prisma-schema-engine.test.ts; this is the fast path for everything else.)
 */
export function createMigratedDatabase(prefix = "factline-test-"): { file: string; url: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  try {
    const folders = fs
      .readdirSync(MIGRATIONS, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    for (const folder of folders) {
      sqlite.exec(fs.readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8"));
    }
  } finally {
    sqlite.close();
  }
  return { file, url: `file:${file}`, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Watches a database file through a connection of its own, to tell exactly whether anything was
 * committed to it since the last look (SQLite's data_version changes with every commit made by
 * another connection), and roughly what: each table's row count.
 */
export function watchDatabase(file: string): { read: () => { commits: number; rows: Record<string, number> }; close: () => void } {
  const sqlite = new Database(file, { readonly: true });
  const dataVersion = sqlite.prepare("PRAGMA data_version").pluck();
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts = tables.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck()] as const);
  return {
    read: () => ({ commits: dataVersion.get() as number, rows: Object.fromEntries(counts.map(([table, count]) => [table, count.get() as number])) }),
    close: () => sqlite.close(),
  };
}
