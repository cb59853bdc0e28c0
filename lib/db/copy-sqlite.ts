import fs from "node:fs";
import Database from "better-sqlite3";
import { databaseFilePath } from "../database-url";
import { CopyError, type CanonicalValue, type CopyEnd, type ModelTable } from "./copy";

// The SQLite end of db:copy (lib/db/copy.ts): better-sqlite3 on the file itself, no Prisma.

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A value as Prisma's SQLite adapter stores it: booleans as 0/1, dates as ISO text with +00:00. */
function stored(value: CanonicalValue, type: ModelTable["columns"][number]["type"]): unknown {
  if (value === null) return null;
  if (type === "Boolean") return value ? 1 : 0;
  if (type === "DateTime") return String(value).replace(/Z$/, "+00:00");
  return value;
}

export async function openSqliteCopyEnd(url: string, label: string, role: "source" | "target"): Promise<CopyEnd> {
  const file = databaseFilePath(url);
  const exists = fs.existsSync(file);
  if (role === "source" && !exists) throw new CopyError(`There is no database at ${file}.`);
  // A target file that does not exist yet is left uncreated: migrating it makes it.
  const db = exists ? new Database(file, { readonly: role === "source", fileMustExist: true }) : null;
  const run = <T>(what: () => T): T => {
    try {
      return what();
    } catch (error) {
      if (error instanceof Database.SqliteError && (error.code === "SQLITE_NOTADB" || error.code === "SQLITE_CORRUPT")) {
        throw new CopyError(`${file} is not an SQLite database (or is damaged): ${error.message}`);
      }
      throw error;
    }
  };
  if (db) run(() => db.pragma("busy_timeout = 5000"));
  const inserts = new Map<string, Database.Statement>();
  return {
    engine: "sqlite",
    label,
    async appliedMigrations() {
      if (!db) return null;
      return run(() => {
        const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
        if (!hasTable) return null;
        return db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`).pluck().all() as string[];
      });
    },
    async tableColumns(table) {
      if (!db) return null;
      const columns = run(() => db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
      return columns.length > 0 ? columns : null;
    },
    async rowCount(table) {
      return run(() => db!.prepare(`SELECT count(*) FROM ${quote(table)}`).pluck().get() as number);
    },
    async searchIndexSize() {
      // The FTS5 table is contentless: its documents are counted by rowid, one per indexed claim.
      return db!.prepare(`SELECT count(*) FROM "ClaimSearch"`).pluck().get() as number;
    },
    async begin(mode) {
      if (mode === "write") {
        // The app's setting (ADR 003): the copy keeps write-ahead logging like a database it made.
        db!.pragma("journal_mode = WAL");
        db!.pragma("foreign_keys = ON");
        db!.exec("BEGIN IMMEDIATE");
      } else {
        // A read transaction sees one snapshot from its first read to its end.
        db!.exec("BEGIN");
      }
    },
    async *readRows(table: ModelTable, batchSize: number) {
      const columns = table.columns.map((c) => quote(c.name)).join(", ");
      const key = quote(table.primaryKey);
      const first = db!.prepare(`SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${key} LIMIT ?`).raw();
      const next = db!.prepare(`SELECT ${columns} FROM ${quote(table.name)} WHERE ${key} > ? ORDER BY ${key} LIMIT ?`).raw();
      const keyIndex = table.columns.findIndex((c) => c.name === table.primaryKey);
      let after: unknown = null;
      for (;;) {
        // Keyset pages on the primary key: each page is one index range, however deep.
        const rows = (after === null ? first.all(batchSize) : next.all(after, batchSize)) as unknown[][];
        if (rows.length === 0) return;
        yield rows;
        after = rows.at(-1)![keyIndex];
        if (rows.length < batchSize) return;
      }
    },
    async insertRows(table, rows) {
      let insert = inserts.get(table.name);
      if (!insert) {
        const columns = table.columns.map((c) => quote(c.name)).join(", ");
        insert = db!.prepare(`INSERT INTO ${quote(table.name)} (${columns}) VALUES (${table.columns.map(() => "?").join(", ")})`);
        inserts.set(table.name, insert);
      }
      for (const row of rows) insert.run(...row.map((value, i) => stored(value, table.columns[i]!.type)));
    },
    async setColumn(table, column, pairs) {
      const type = table.columns.find((c) => c.name === column)!.type;
      const keyType = table.columns.find((c) => c.name === table.primaryKey)!.type;
      const update = db!.prepare(`UPDATE ${quote(table.name)} SET ${quote(column)} = ? WHERE ${quote(table.primaryKey)} = ?`);
      for (const [key, value] of pairs) update.run(stored(value, type), stored(key, keyType));
    },
    async finishWrites() {
      // The FTS5 triggers are cheap enough to keep: the index is built as rows arrive.
    },
    async commit() {
      db!.exec("COMMIT");
    },
    async rollback() {
      if (db?.inTransaction) db.exec("ROLLBACK");
    },
    async close() {
      if (db?.open) {
        if (db.inTransaction) db.exec("ROLLBACK");
        db.close();
      }
    },
  };
}
