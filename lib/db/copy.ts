import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseEngine, databaseFilePath, describeDatabase, resolveDatabaseUrl, type DatabaseEngine } from "../database-url";
import { openPostgresCopyEnd } from "./copy-postgres";
import { openSqliteCopyEnd } from "./copy-sqlite";

// Moving a newsroom between engines (docs/decisions/021-moving-between-engines.md): every row of
// every model, read in primary-key order from one database and written into an empty, migrated
// one in a single transaction, then read back and compared table by table before the commit.
// What differs by engine (how rows are read, written and ordered) is in ./copy-sqlite.ts and
// ./copy-postgres.ts; this module knows only the models and the canonical form of a row.

const ROOT = path.resolve(import.meta.dirname, "../..");
export const SCHEMA_FILE = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIRS: Record<DatabaseEngine, string> = {
  sqlite: path.join(ROOT, "prisma", "migrations"),
  postgresql: path.join(ROOT, "prisma", "postgres", "migrations"),
};

/** A refusal the operator can act on, printed as it is. */
export class CopyError extends Error {}

export type ColumnType = "String" | "Int" | "Boolean" | "DateTime";
export interface Column {
  name: string;
  type: ColumnType;
}
export interface ModelTable {
  name: string;
  /** The single-column primary key rows are read and compared in order of. */
  primaryKey: string;
  columns: Column[];
  /** Tables this one's foreign keys point at (itself excluded). */
  references: string[];
  /**
   * Columns pointing at a row of the same table (Claim.duplicateOfId): rows arrive in key order,
   * not parents first, so these are written null and set once the whole table is in.
   */
  selfReferences: string[];
}

const SCALAR_TYPES = new Set<string>(["String", "Int", "Boolean", "DateTime"]);

/**
 * The tables of prisma/schema.prisma's models, parents before children (the order rows must be
 * inserted in for the foreign keys to hold). A schema this reading does not understand (another
 * scalar type, a mapped name, a composite key) is refused rather than copied in part.
 */
export function readModels(schema = fs.readFileSync(SCHEMA_FILE, "utf8")): ModelTable[] {
  const models: ModelTable[] = [];
  const modelNames = new Set([...schema.matchAll(/^model\s+(\w+)\s*\{/gm)].map((m) => m[1]!));
  for (const match of schema.matchAll(/^model\s+(\w+)\s*\{([^}]*)\}/gm)) {
    const name = match[1]!;
    const columns: Column[] = [];
    const references = new Set<string>();
    const selfReferences: string[] = [];
    let primaryKey: string | null = null;
    for (const raw of match[2]!.split("\n")) {
      const line = raw.replace(/\/\/.*$/, "").trim();
      if (line === "") continue;
      if (line.startsWith("@@")) {
        if (/^@@(id|map)\b/.test(line)) throw new CopyError(`prisma/schema.prisma: ${name} has ${line}, which db:copy does not handle.`);
        continue;
      }
      const field = /^(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field) throw new CopyError(`prisma/schema.prisma: cannot read the line "${line}" of ${name}.`);
      const [, fieldName, type, isList, , attributes] = field as unknown as [string, string, string, string | undefined, string | undefined, string];
      if (/@map\b/.test(attributes)) throw new CopyError(`prisma/schema.prisma: ${name}.${fieldName} has @map, which db:copy does not handle.`);
      if (modelNames.has(type)) {
        if (!isList && /@relation\([^)]*fields:/.test(attributes)) {
          if (type !== name) references.add(type);
          else selfReferences.push(.../fields:\s*\[(\w+)\]/.exec(attributes)!.slice(1));
        }
        continue;
      }
      if (!SCALAR_TYPES.has(type) || isList) throw new CopyError(`prisma/schema.prisma: ${name}.${fieldName} is of type ${type}${isList ? "[]" : ""}, which db:copy does not handle.`);
      columns.push({ name: fieldName, type: type as ColumnType });
      if (/@id\b/.test(attributes)) primaryKey = fieldName;
    }
    if (!primaryKey) throw new CopyError(`prisma/schema.prisma: ${name} has no single-column @id.`);
    models.push({ name, primaryKey, columns, references: [...references], selfReferences });
  }
  // Parents first; the order within a level is the schema's, so the plan reads the same each time.
  const ordered: ModelTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < models.length) {
    const ready = models.filter((m) => !placed.has(m.name) && m.references.every((r) => placed.has(r)));
    if (ready.length === 0) throw new CopyError("prisma/schema.prisma: the models' foreign keys form a cycle, which db:copy does not handle.");
    for (const model of ready) {
      ordered.push(model);
      placed.add(model.name);
    }
  }
  return ordered;
}

export type CanonicalValue = string | number | boolean | null;

const ZONELESS_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * One stored value in the form both engines' rows are compared in: dates as ISO strings in UTC
 * with milliseconds (Prisma's precision on both engines), booleans as booleans, integers as
 * numbers, text as text, null as null. A date without a zone is UTC: PostgreSQL's
 * `timestamp(3)` and SQLite's CURRENT_TIMESTAMP both hold UTC without saying so.
 */
export function canonicalValue(value: unknown, type: ColumnType, where: () => string): CanonicalValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case "String":
      if (typeof value === "string") return value;
      break;
    case "Int":
      if (typeof value === "number" && Number.isInteger(value)) return value;
      if (typeof value === "bigint" && Number.isSafeInteger(Number(value))) return Number(value);
      break;
    case "Boolean":
      if (typeof value === "boolean") return value;
      if (value === 0 || value === 1 || value === BigInt(0) || value === BigInt(1)) return Number(value) === 1;
      break;
    case "DateTime": {
      let date: Date | null = null;
      if (value instanceof Date) date = value;
      else if (typeof value === "number" || typeof value === "bigint") date = new Date(Number(value));
      else if (typeof value === "string") date = new Date(ZONELESS_TIMESTAMP.test(value) ? `${value.replace(" ", "T")}Z` : value);
      if (date && !Number.isNaN(date.getTime())) return date.toISOString();
      break;
    }
  }
  throw new CopyError(`${where()} holds ${JSON.stringify(String(value))}, which is not a ${type}; fix that row in the source first.`);
}

/**
 * The two ends of a copy, one implementation per engine. Rows travel as arrays of values in the
 * order of the columns asked for; `readRows` yields them in batches, in primary-key order by
 * byte value (SQLite's BINARY collation, PostgreSQL's "C"), so both engines list a table alike.
 */
export interface CopyEnd {
  engine: DatabaseEngine;
  /** Where the data is, for messages: the file, or the server and database without credentials. */
  label: string;
  /** Applied migrations by name, in order; null when the database has no migration history. */
  appliedMigrations(): Promise<string[] | null>;
  /** The columns of `table`, or null when there is no such table. */
  tableColumns(table: string): Promise<string[] | null>;
  rowCount(table: string): Promise<number>;
  /** Claims the search index holds a document for (the triggers keep it). */
  searchIndexSize(): Promise<number>;
  /** A read-only snapshot (the source) or the one write transaction (the target). */
  begin(mode: "read" | "write"): Promise<void>;
  readRows(table: ModelTable, batchSize: number): AsyncIterable<unknown[][]>;
  insertRows(table: ModelTable, rows: CanonicalValue[][]): Promise<void>;
  /** Sets `column` of the rows keyed by each pair's first value to its second. */
  setColumn(table: ModelTable, column: string, pairs: [CanonicalValue, CanonicalValue][]): Promise<void>;
  /** After the last insert, before the check: whatever the engine deferred (the search index). */
  finishWrites(): Promise<void>;
  commit(): Promise<void>;
  rollback(): Promise<void>;
  close(): Promise<void>;
}

/** The migrations this version of Factline has for `engine`, by name, in order. */
export function knownMigrations(engine: DatabaseEngine): string[] {
  return fs
    .readdirSync(MIGRATIONS_DIRS[engine], { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function openCopyEnd(url: string, role: "source" | "target"): Promise<CopyEnd> {
  const resolved = resolveDatabaseUrl(url);
  return databaseEngine(resolved) === "postgresql" ? openPostgresCopyEnd(resolved, describeDatabase(resolved), role) : openSqliteCopyEnd(resolved, describeDatabase(resolved), role);
}

async function checkMigrations(end: CopyEnd, role: "source" | "target"): Promise<void> {
  const applied = await end.appliedMigrations();
  const known = knownMigrations(end.engine);
  if (applied === null) throw new CopyError(`The ${role}, ${end.label}, is not a Factline database: it has no migration history.`);
  const unknown = applied.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new CopyError(`The ${role}, ${end.label}, was migrated by a newer version of Factline (its migration ${unknown[0]} is unknown here): upgrade Factline first.`);
  const missing = known.filter((name) => !applied.includes(name));
  if (missing.length > 0) {
    throw new CopyError(`The ${role}, ${end.label}, lacks migration ${missing[0]}: bring it up to date first (DATABASE_URL=<its URL> npm run db:migrate).`);
  }
}

async function checkColumns(end: CopyEnd, models: ModelTable[], role: "source" | "target"): Promise<void> {
  for (const model of models) {
    const columns = await end.tableColumns(model.name);
    if (columns === null) throw new CopyError(`The ${role}, ${end.label}, has no table ${model.name}.`);
    const expected = model.columns.map((c) => c.name);
    const extra = columns.filter((c) => !expected.includes(c));
    const missing = expected.filter((c) => !columns.includes(c));
    if (extra.length > 0 || missing.length > 0) {
      throw new CopyError(`The ${role}'s table ${model.name} has columns that differ from this version's schema (${[...extra.map((c) => `+${c}`), ...missing.map((c) => `-${c}`)].join(", ")}); nothing was copied.`);
    }
  }
}

/** The first model table holding a row, with its count; null when every one is empty. */
async function firstTableWithRows(end: CopyEnd, models: ModelTable[]): Promise<{ table: string; rows: number } | null> {
  for (const model of models) {
    if ((await end.tableColumns(model.name)) === null) continue;
    const rows = await end.rowCount(model.name);
    if (rows > 0) return { table: model.name, rows };
  }
  return null;
}

function refuseNonEmpty(end: CopyEnd, found: { table: string; rows: number }): never {
  throw new CopyError(
    `The target, ${end.label}, already holds data (${found.rows} rows in ${found.table}): db:copy writes only into an empty database, so nothing was copied and the target is unchanged.`,
  );
}

export interface TableReport {
  table: string;
  rows: number;
  checksum: string;
}

export interface CopyReport {
  from: string;
  to: string;
  tables: TableReport[];
  searchIndex: number;
  milliseconds: number;
}

/** Reads every row of `table` in key order, canonical, hashing them; `each` gets every batch. */
async function readTable(end: CopyEnd, table: ModelTable, batchSize: number, each?: (rows: CanonicalValue[][]) => Promise<void>): Promise<TableReport> {
  const hash = createHash("sha256");
  const keyIndex = table.columns.findIndex((c) => c.name === table.primaryKey);
  let rows = 0;
  for await (const batch of end.readRows(table, batchSize)) {
    const canonical = batch.map((raw) =>
      raw.map((value, i) => {
        const column = table.columns[i]!;
        return canonicalValue(value, column.type, () => `${table.name} ${String(raw[keyIndex])} column ${column.name}, in ${end.label},`);
      }),
    );
    for (const row of canonical) hash.update(`${JSON.stringify(row)}\n`);
    rows += canonical.length;
    if (each) await each(canonical);
  }
  return { table: table.name, rows, checksum: hash.digest("hex") };
}

export interface CopyOptions {
  from: string;
  to: string;
  /** Rows read and written at a time: memory stays bounded on a large database. */
  batchSize?: number;
  /** Brings an empty target up to this version's migrations (the CLI runs `prisma migrate deploy`). */
  migrate?: (url: string) => Promise<void>;
  log?: (line: string) => void;
  /** Tests only: runs after each table is written, inside the transaction. */
  afterTable?: (table: string) => Promise<void>;
}

/**
 * Copies every row of every model from one database into another, of either engine. The
 * target must hold no row in any model table; when it is not migrated yet, `migrate` brings it
 * to this version's migrations first. Everything is written in one transaction on the target and
 * read from one snapshot of the source; before the commit each table of the target is read back
 * and its row count and checksum compared with the source's, so a failure anywhere leaves the
 * target as empty as it was. The search index is filled by the target's own triggers as rows
 * arrive (claims, then their links), and its size is checked against the claims.
 */
export async function copyDatabase(options: CopyOptions): Promise<CopyReport> {
  const started = Date.now();
  const { from, to, batchSize = 1000, log = () => {} } = options;
  if (resolveDatabaseUrl(from) === resolveDatabaseUrl(to)) throw new CopyError("--from and --to name the same database.");
  const models = readModels();
  // A target file this copy creates is removed again if the copy fails: no empty file is left
  // that looks like a database someone made.
  const targetFile = databaseEngine(to) === "sqlite" ? databaseFilePath(resolveDatabaseUrl(to)) : null;
  const createsFile = targetFile !== null && !fs.existsSync(targetFile);
  const source = await openCopyEnd(from, "source");
  let target: CopyEnd | null = null;
  let isCommitted = false;
  try {
    await checkMigrations(source, "source");
    await checkColumns(source, models, "source");

    target = await openCopyEnd(to, "target");
    const found = await firstTableWithRows(target, models);
    if (found) refuseNonEmpty(target, found);
    const applied = await target.appliedMigrations();
    if (options.migrate && (applied === null || knownMigrations(target.engine).some((name) => !applied.includes(name)))) {
      await target.close();
      target = null;
      log(`Migrating the target, ${describeDatabase(to)}…`);
      if (targetFile) fs.mkdirSync(path.dirname(targetFile), { recursive: true });
      await options.migrate(resolveDatabaseUrl(to));
      target = await openCopyEnd(to, "target");
    }
    await checkMigrations(target, "target");
    await checkColumns(target, models, "target");

    await source.begin("read");
    await target.begin("write");
    const copied: TableReport[] = [];
    try {
      // Again inside the transaction: nothing may have arrived since the first look.
      const arrived = await firstTableWithRows(target, models);
      if (arrived) refuseNonEmpty(target, arrived);
      for (const model of models) {
        const t = Date.now();
        const writer = target;
        const selfReferenced = model.selfReferences.map((name) => ({ name, at: model.columns.findIndex((c) => c.name === name), pairs: [] as [CanonicalValue, CanonicalValue][] }));
        const keyAt = model.columns.findIndex((c) => c.name === model.primaryKey);
        copied.push(
          await readTable(source, model, batchSize, (rows) => {
            if (selfReferenced.length === 0) return writer.insertRows(model, rows);
            const held = rows.map((row) => {
              const copy = [...row];
              for (const column of selfReferenced) {
                if (row[column.at] !== null) column.pairs.push([row[keyAt]!, row[column.at]!]);
                copy[column.at] = null;
              }
              return copy;
            });
            return writer.insertRows(model, held);
          }),
        );
        for (const column of selfReferenced) await writer.setColumn(model, column.name, column.pairs);
        log(`  ${model.name}: ${copied.at(-1)!.rows} rows (${Date.now() - t} ms)`);
        await options.afterTable?.(model.name);
      }
      await target.finishWrites();
      log("Checking every table of the target against the source…");
      for (const [i, model] of models.entries()) {
        const written = await readTable(target, model, batchSize);
        const read = copied[i]!;
        if (written.rows !== read.rows || written.checksum !== read.checksum) {
          throw new CopyError(
            `The copy of ${model.name} differs from the source (${written.rows} rows, checksum ${written.checksum.slice(0, 16)}; the source has ${read.rows}, ${read.checksum.slice(0, 16)}): nothing was copied.`,
          );
        }
      }
      const claims = copied.find((t) => t.table === "Claim")?.rows ?? 0;
      const searchIndex = await target.searchIndexSize();
      if (searchIndex !== claims) throw new CopyError(`The target's search index holds ${searchIndex} claims, not ${claims}: nothing was copied.`);
      await target.commit();
      isCommitted = true;
      return { from: describeDatabase(from), to: describeDatabase(to), tables: copied, searchIndex, milliseconds: Date.now() - started };
    } catch (error) {
      await target.rollback();
      throw error;
    }
  } finally {
    await source.close();
    await target?.close();
    if (createsFile && !isCommitted) for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${targetFile}${suffix}`, { force: true });
  }
}

/** The per-table summary the command prints. */
export function formatReport(report: CopyReport): string {
  const width = Math.max(...report.tables.map((t) => t.table.length), "table".length);
  const lines = [`${"table".padEnd(width)}  ${"rows".padStart(9)}  sha256 of the rows in key order`];
  for (const t of report.tables) lines.push(`${t.table.padEnd(width)}  ${String(t.rows).padStart(9)}  ${t.checksum}`);
  return lines.join("\n");
}
