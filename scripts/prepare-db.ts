// Brings the database named by DATABASE_URL (default: the embedded file ./data/factline.db, or
// a PostgreSQL database for a postgresql:// URL) up to date: applies pending migrations with
// the ordinary `prisma migrate deploy` (prisma.config.ts picks the engine's migrations), then
// loads the seed story if the database holds no story yet (a fresh install). It never seeds
// over an existing newsroom's data.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseEngine, databaseFilePath, describeDatabase, resolveDatabaseUrl } from "../lib/database-url";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv, quiet = false) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: quiet ? "pipe" : "inherit", encoding: "utf8" });
  if (result.status !== 0) {
    const output = quiet ? `\n${result.stdout}${result.stderr}` : "";
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).${output}`);
  }
}

const COUNT_STORIES = 'SELECT COUNT(*) AS n FROM "Story"';

function sqliteStoryCount(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(COUNT_STORIES).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function postgresStoryCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(COUNT_STORIES);
    return Number(rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/** Applies this version's pending migrations to the database at `url` (`prisma migrate deploy`). */
export function migrateDatabase(url: string, { quiet = false }: { quiet?: boolean } = {}): void {
  run(bin("prisma"), ["migrate", "deploy"], { ...process.env, DATABASE_URL: url }, quiet);
}

/** Migrates (and, when it holds no story, seeds) the database; returns its resolved DATABASE_URL. */
export async function prepareDatabase({ log = console.log }: { log?: (line: string) => void } = {}): Promise<string> {
  const url = resolveDatabaseUrl();
  const isSqlite = databaseEngine(url) === "sqlite";
  if (isSqlite) fs.mkdirSync(path.dirname(databaseFilePath(url)), { recursive: true });
  const env = { ...process.env, DATABASE_URL: url };
  log(`Database: ${describeDatabase(url)}`);
  migrateDatabase(url);
  const stories = isSqlite ? sqliteStoryCount(databaseFilePath(url)) : await postgresStoryCount(url);
  if (stories === 0) {
    log("Empty database: loading the seed story.");
    run(bin("tsx"), ["prisma/seed.ts"], env);
  }
  return url;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    await prepareDatabase();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
