// Brings the database named by DATABASE_URL (default: the embedded file ./data/factline.db)
// up to date: applies pending migrations with the ordinary `prisma migrate deploy`, then loads
// the seed story if the database holds no story yet (a fresh install). It never seeds over an
// existing newsroom's data.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { databaseFilePath, resolveDatabaseUrl } from "../lib/database-url";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
  }
}

function storyCount(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM "Story"').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

export function prepareDatabase({ log = console.log }: { log?: (line: string) => void } = {}): string {
  const file = databaseFilePath(resolveDatabaseUrl());
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const env = { ...process.env, DATABASE_URL: `file:${file}` };
  log(`Database: ${file}`);
  run(bin("prisma"), ["migrate", "deploy"], env);
  if (storyCount(file) === 0) {
    log("Empty database: loading the seed story.");
    run(bin("tsx"), ["prisma/seed.ts"], env);
  }
  return file;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    prepareDatabase();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
