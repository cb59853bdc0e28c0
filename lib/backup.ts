import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// Backups and restores of the embedded SQLite database (docs/decisions/015-backup-and-restore.md).
// Used by scripts/db-backup.ts and scripts/db-restore.ts; no Next.js here, so the commands run
// beside a live server.

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../prisma/migrations");

/** A refusal the operator can act on, printed as it is. */
export class BackupError extends Error {}

export interface DatabaseSummary {
  file: string;
  bytes: number;
  /** Migrations applied, by name, in order. */
  migrations: string[];
  claims: number;
  publishedClaims: number;
}

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

export function isSqliteFile(file: string): boolean {
  const handle = fs.openSync(file, "r");
  try {
    const header = Buffer.alloc(SQLITE_HEADER.length);
    return fs.readSync(handle, header, 0, header.length, 0) === header.length && header.equals(SQLITE_HEADER);
  } finally {
    fs.closeSync(handle);
  }
}

function summarise(db: Database.Database, file: string): DatabaseSummary {
  const migrations = (db.prepare('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name').all() as { name: string }[]).map((row) => row.name);
  const counts = db.prepare('SELECT COUNT(*) AS claims, COUNT("publishedAt") AS published FROM "Claim"').get() as { claims: number; published: number };
  return { file, bytes: fs.statSync(file).size, migrations, claims: counts.claims, publishedClaims: counts.published };
}

/**
 * Copies the database at `source` to `target` while the app keeps reading and writing it.
 * `VACUUM INTO` reads the whole database in one read transaction: the copy is the database as it
 * stood when the backup began, every write committed before then included (those still in the
 * write-ahead log too, which a plain file copy would miss), none half-applied. Writers are not
 * blocked (WAL). The copy is written beside the target and renamed into place once it passes
 * `integrity_check`, so a failed backup never leaves a file that looks like one.
 */
export function backupDatabase(source: string, target: string): DatabaseSummary {
  if (!fs.existsSync(source)) throw new BackupError(`There is no database at ${source}.`);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name (a backup never overwrites a file).`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    db.prepare("VACUUM INTO ?").run(partial);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  try {
    const summary = checkDatabase(partial);
    fs.renameSync(partial, target);
    return { ...summary, file: target };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** Prisma's checksum of a migration: SHA-256 of its migration.sql, in hex. */
function migrationChecksum(name: string, migrationsDir: string): string | null {
  const file = path.join(migrationsDir, name, "migration.sql");
  return fs.existsSync(file) ? createHash("sha256").update(fs.readFileSync(file)).digest("hex") : null;
}

/** A row of `_prisma_migrations`, as a copy of the database records it. */
export interface MigrationRecord {
  name: string;
  checksum: string;
  finished: string | null;
  rolledBack: string | null;
}

/**
 * The migration history of the copy `file`, checked: every migration finished and known to this
 * version (in `migrationsDir`, the engine's folder), with the same SQL when `compareChecksums`.
 * A copy from a newer version (a migration this one does not have) is refused: its schema may
 * hold what this code would misread or drop.
 */
export function checkMigrationHistory(file: string, rows: MigrationRecord[], migrationsDir: string, compareChecksums: boolean): void {
  const unfinished = rows.filter((row) => row.finished === null && row.rolledBack === null);
  if (unfinished.length > 0) throw new BackupError(`${file} holds a migration that never finished (${unfinished[0]!.name}); it was copied mid-upgrade.`);
  const known = new Set(fs.readdirSync(migrationsDir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  for (const row of rows.filter((r) => r.rolledBack === null)) {
    if (!known.has(row.name)) {
      throw new BackupError(`${file} was made by a newer version of Factline (its migration ${row.name} is unknown here): upgrade Factline first, then restore it.`);
    }
    if (compareChecksums && row.checksum !== migrationChecksum(row.name, migrationsDir)) {
      throw new BackupError(`${file} applied a different ${row.name} from this version's; it did not come from this line of Factline.`);
    }
  }
}

/**
 * Whether `file` is a database this version of Factline can restore: an SQLite file that passes
 * `integrity_check`, whose migrations all finished and are all known here, with the same SQL
 * (checkMigrationHistory). Returns the copy's summary, or throws BackupError.
 */
export function checkDatabase(file: string, migrationsDir = MIGRATIONS_DIR): DatabaseSummary {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`There is no file at ${file}.`);
  if (!isSqliteFile(file)) throw new BackupError(`${file} is not an SQLite database.`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${file} cannot be opened as a database: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma("integrity_check") as { integrity_check: string }[]).map((row) => row.integrity_check);
    } catch (error) {
      throw new BackupError(`${file} is damaged: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (problems.length !== 1 || problems[0] !== "ok") throw new BackupError(`${file} is damaged: integrity_check reports ${problems.slice(0, 3).join("; ")}.`);
    const hasTable = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!hasTable) throw new BackupError(`${file} is not a Factline database: it has no migration history.`);
    const rows = db.prepare('SELECT migration_name AS name, checksum, finished_at AS finished, rolled_back_at AS rolledBack FROM "_prisma_migrations"').all() as MigrationRecord[];
    checkMigrationHistory(file, rows, migrationsDir, migrationsDir === MIGRATIONS_DIR);
    return summarise(db, file);
  } finally {
    db.close();
  }
}

/**
 * Keeps the database about to be replaced, whatever state it is in: a restore is most needed when
 * it is damaged or half-upgraded, so it is not checked. `VACUUM INTO` when SQLite can still read
 * it; otherwise its files as they are on disk (the database, its -wal and -shm).
 */
function keepAside(target: string, safetyCopy: string): void {
  try {
    const db = new Database(target, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      db.prepare("VACUUM INTO ?").run(safetyCopy);
    } finally {
      db.close();
    }
  } catch {
    fs.rmSync(safetyCopy, { force: true });
    for (const suffix of ["", "-wal", "-shm"]) {
      if (fs.existsSync(`${target}${suffix}`)) fs.copyFileSync(`${target}${suffix}`, `${safetyCopy}${suffix}`);
    }
  }
}

/**
 * Replaces the database at `target` with the copy at `backup`, after checkDatabase passes. The
 * database in place is first kept beside it (`<name>.before-restore-<time>.db`), so a restore can
 * itself be undone. The copy is written into `target` through SQLite's backup API. Stop the
 * server first: a write it made after the database was kept aside would be in neither file, and
 * it keeps reader pages in memory.
 */
export async function restoreDatabase(backup: string, target: string, now = new Date()): Promise<{ restored: DatabaseSummary; safetyCopy: string | null }> {
  checkDatabase(backup);
  let safetyCopy: string | null = null;
  if (fs.existsSync(target)) {
    const stamp = now.toISOString().replace(/[:.]/g, "-");
    safetyCopy = path.join(path.dirname(target), `${path.basename(target, path.extname(target))}.before-restore-${stamp}.db`);
    keepAside(target, safetyCopy);
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  }
  // Written beside the target, checked, then renamed over it with the old -wal and -shm removed:
  // the database in place is replaced whole, whatever state it was in.
  const staging = `${target}.restoring-${process.pid}`;
  const source = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await source.backup(staging);
  } finally {
    source.close();
  }
  try {
    const copy = new Database(staging, { fileMustExist: true });
    try {
      // The app's settings (ADR 003): the restored file keeps write-ahead logging.
      copy.pragma("journal_mode = WAL");
    } finally {
      copy.close();
    }
    checkDatabase(staging);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
    fs.renameSync(staging, target);
  } catch (error) {
    fs.rmSync(staging, { force: true });
    throw error;
  }
  return { restored: checkDatabase(target), safetyCopy };
}
