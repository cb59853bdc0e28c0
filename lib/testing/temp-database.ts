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
