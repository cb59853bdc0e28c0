import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BackupError, checkMigrationHistory, isSqliteFile, type DatabaseSummary, type MigrationRecord } from "./backup";
import { describeDatabase } from "./database-url";

// Backups and restores when DATABASE_URL is PostgreSQL (docs/decisions/015-backup-and-restore.md):
// pg_dump's custom format (-Fc) and pg_restore, from Debian's postgresql-client, with the checks
// the SQLite path makes. Used by scripts/db-backup.ts and scripts/db-restore.ts.

export const POSTGRES_MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../prisma/postgres/migrations");

const PG_ROOT = "/usr/lib/postgresql";

interface Tool {
  file: string;
  major: number;
}

function toolMajor(file: string): number | null {
  const result = spawnSync(file, ["--version"], { encoding: "utf8" });
  const match = result.status === 0 ? /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout) : null;
  return match ? Number(match[1]) : null;
}

/**
 * pg_dump or pg_restore of a major version at least the server's (an older one refuses a newer
 * server): FACTLINE_PG_BIN if set, else the newest of Debian's /usr/lib/postgresql/<n>/bin, else
 * the one on PATH. Names the package to install when none will do.
 */
export function findPostgresTool(name: "pg_dump" | "pg_restore", serverMajor: number): Tool {
  const candidates: string[] = [];
  if (process.env.FACTLINE_PG_BIN) candidates.push(path.join(process.env.FACTLINE_PG_BIN, name));
  if (fs.existsSync(PG_ROOT)) {
    const versions = fs.readdirSync(PG_ROOT).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const version of versions) candidates.push(path.join(PG_ROOT, version, "bin", name));
  }
  candidates.push(name);
  const found: Tool[] = [];
  for (const file of candidates) {
    if (file.includes("/") && !fs.existsSync(file)) continue;
    const major = toolMajor(file);
    if (major !== null) found.push({ file, major });
  }
  const fits = found.find((tool) => tool.major >= serverMajor);
  if (fits) return fits;
  const install = `sudo apt-get install -y postgresql-client-${serverMajor} (Debian 12's postgresql-client is version 15; for a newer server add the PostgreSQL apt repository, apt.postgresql.org)`;
  if (found.length === 0) throw new BackupError(`${name} was not found. Install PostgreSQL's client tools: ${install}.`);
  throw new BackupError(`${name} ${found[0]!.major} cannot work with this PostgreSQL ${serverMajor} server. Install the matching client: ${install}.`);
}

/** The URL without its password, and the password for PGPASSWORD: a command line is visible to every user of the machine. */
function connection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { url: parsed.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function serverMajor(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  return Math.floor(Number(rows[0]!.v) / 10000);
}

async function summarise(client: pg.Client, file: string, bytes: number): Promise<DatabaseSummary> {
  const migrations = (
    await client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)
  ).rows.map((row) => row.name);
  const { rows } = await client.query<{ claims: string; published: string }>(`SELECT count(*) AS claims, count("publishedAt") AS published FROM "Claim"`);
  return { file, bytes, migrations, claims: Number(rows[0]!.claims), publishedClaims: Number(rows[0]!.published) };
}

function runTool(tool: Tool, args: string[], env: NodeJS.ProcessEnv): { ok: boolean; stdout: string; stderr: string } {
  const result = spawnSync(tool.file, args, { encoding: "utf8", env, maxBuffer: 64 * 1024 * 1024 });
  return { ok: result.status === 0, stdout: result.stdout ?? "", stderr: (result.stderr ?? result.error?.message ?? "").trim() };
}

/** The value of one field of pg_restore's COPY text (\N is null; backslash escapes). */
function copyField(raw: string): string | null {
  if (raw === "\\N") return null;
  return raw.replace(/\\(.)/g, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", b: "\b", f: "\f", v: "\v" })[c] ?? c);
}

/** The `_prisma_migrations` rows inside a dump, read with pg_restore; null when it has none. */
function dumpMigrations(file: string, pgRestore: Tool): MigrationRecord[] | null {
  const data = runTool(pgRestore, ["--data-only", "--table=_prisma_migrations", "--file=-", file], process.env);
  if (!data.ok) throw new BackupError(`${file} cannot be read by pg_restore: ${data.stderr}`);
  const lines = data.stdout.split("\n");
  const start = lines.findIndex((line) => /^COPY \S*_prisma_migrations \(.*\) FROM stdin;$/.test(line));
  if (start === -1) return null;
  const columns = /\((.*)\)/.exec(lines[start]!)![1]!.split(", ").map((c) => c.replace(/"/g, ""));
  const at = (name: string) => columns.indexOf(name);
  const rows: MigrationRecord[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "\\.") break;
    const fields = line.split("\t").map(copyField);
    rows.push({ name: fields[at("migration_name")]!, checksum: fields[at("checksum")]!, finished: fields[at("finished_at")] ?? null, rolledBack: fields[at("rolled_back_at")] ?? null });
  }
  return rows;
}

/**
 * Whether `file` is a dump this version of Factline can restore: a custom-format dump that
 * `pg_restore --list` reads, holding a migration history whose migrations all finished and are
 * all known here with the same SQL. Returns the migrations it holds, or throws BackupError.
 */
export function checkPostgresDump(file: string, pgRestore: Tool): string[] {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new BackupError(`There is no file at ${file}.`);
  if (isSqliteFile(file)) {
    throw new BackupError(`${file} is an SQLite database, not a PostgreSQL dump: to move it into PostgreSQL use npm run db:copy -- --from file:${file} --to <postgresql:// URL>.`);
  }
  const list = runTool(pgRestore, ["--list", file], process.env);
  if (!list.ok) throw new BackupError(`${file} is not a PostgreSQL custom-format dump that pg_restore can read (${list.stderr.split("\n")[0]}).`);
  const rows = dumpMigrations(file, pgRestore);
  if (rows === null) throw new BackupError(`${file} is not a Factline database: it has no migration history.`);
  checkMigrationHistory(file, rows, POSTGRES_MIGRATIONS_DIR, true);
  return rows.filter((row) => row.rolledBack === null).map((row) => row.name).sort();
}

/**
 * A custom-format dump (-Fc) of the PostgreSQL database at `url`. pg_dump runs inside a snapshot
 * exported by a transaction of our own, which also counts the claims: the summary describes the
 * very data in the dump. Written under a temporary name and renamed once `pg_restore --list`
 * reads it back and its migrations check out; an existing file is never overwritten.
 */
export async function backupPostgres(url: string, target: string): Promise<DatabaseSummary> {
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists; choose a new file name (a backup never overwrites a file).`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  try {
    const summary = await withClient(url, async (client) => {
      const major = await serverMajor(client);
      const pgDump = findPostgresTool("pg_dump", major);
      const pgRestore = findPostgresTool("pg_restore", major);
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
      const counted = await summarise(client, target, 0);
      const { url: bare, env } = connection(url);
      const dump = runTool(pgDump, ["--format=custom", `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${bare}`], env);
      await client.query("COMMIT");
      if (!dump.ok) throw new BackupError(`pg_dump failed: ${dump.stderr}`);
      checkPostgresDump(partial, pgRestore);
      return counted;
    });
    fs.renameSync(partial, target);
    return { ...summary, bytes: fs.statSync(target).size };
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

/**
 * Replaces the PostgreSQL database at `url` with the dump `backup`, after checkPostgresDump
 * passes. The dump is restored into a new database beside it (`<name>_restoring_<pid>`) in one
 * transaction and summarised; then the database in place is renamed `<name>_before_restore_<time>`
 * (kept, so a restore can itself be undone) and the new one takes its name. Renaming needs every
 * other connection to the database closed: stop the server first. Needs the CREATEDB privilege
 * and ownership of the database (or a superuser).
 */
export async function restorePostgres(backup: string, url: string, now = new Date()): Promise<{ restored: DatabaseSummary; safetyCopy: string | null }> {
  const name = databaseName(url);
  const maintenance = withDatabase(url, "postgres");
  return withClient(maintenance, async (admin) => {
    const major = await serverMajor(admin);
    const pgRestore = findPostgresTool("pg_restore", major);
    checkPostgresDump(backup, pgRestore);
    const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "_").slice(0, 15);
    // PostgreSQL cuts names at 63 bytes; the suffixes are kept whole.
    const named = (suffix: string) => `${name.slice(0, 63 - suffix.length)}${suffix}`;
    const staging = named(`_restoring_${process.pid}`);
    const kept = named(`_before_restore_${stamp}`);
    await admin.query(`DROP DATABASE IF EXISTS ${ident(staging)}`);
    await admin.query(`CREATE DATABASE ${ident(staging)}`);
    let isSwapped = false;
    try {
      const { url: bare, env } = connection(withDatabase(url, staging));
      const restore = runTool(pgRestore, ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", `--dbname=${bare}`, backup], env);
      if (!restore.ok) throw new BackupError(`pg_restore could not restore ${backup}; the database in place is unchanged: ${restore.stderr}`);
      const exists = (await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).rowCount! > 0;
      if (exists) {
        try {
          await admin.query(`ALTER DATABASE ${ident(name)} RENAME TO ${ident(kept)}`);
        } catch (error) {
          if ((error as { code?: string }).code === "55006") {
            throw new BackupError(`${describeDatabase(url)} is in use by other connections: stop the server (and close any psql session on it), then restore again. Nothing was changed.`);
          }
          throw error;
        }
      }
      try {
        await admin.query(`ALTER DATABASE ${ident(staging)} RENAME TO ${ident(name)}`);
      } catch (error) {
        // The database in place goes back under its name: a failed restore changes nothing.
        if (exists) await admin.query(`ALTER DATABASE ${ident(kept)} RENAME TO ${ident(name)}`);
        throw error;
      }
      isSwapped = true;
      const restored = await withClient(url, async (client) => {
        const { rows } = await client.query<{ bytes: string }>("SELECT pg_database_size(current_database()) AS bytes");
        return summarise(client, describeDatabase(url), Number(rows[0]!.bytes));
      });
      return { restored, safetyCopy: exists ? kept : null };
    } finally {
      if (!isSwapped) await admin.query(`DROP DATABASE IF EXISTS ${ident(staging)}`);
    }
  });
}
