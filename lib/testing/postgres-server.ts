import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A throwaway PostgreSQL server for tests: Debian's packages, a data directory in a temp folder,
 * listening on loopback only, on a free port, with its socket in that folder. No system service
 * is touched. Installs `postgresql` with apt-get when it is missing and we are root on Debian
 * (as scripts/ensure-chromium.mjs does for Chromium); otherwise says what to install.
 * PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
 */
export interface PostgresServer {
  port: number;
  /** A URL for database `name` on this server (it need not exist yet). */
  url: (name: string) => string;
  /** Runs SQL through psql as the superuser, returning its output (tuples only, unaligned). */
  psql: (sql: string, database?: string) => string;
  /** Names of the databases on the server, except the templates. */
  databases: () => string[];
  /** The server's log so far (with `logStatements`, every DDL statement and its database). */
  log: () => string;
  stop: () => void;
}

const PG_ROOT = "/usr/lib/postgresql";

function findBinDir(): string | null {
  if (process.env.FACTLINE_PG_BIN) return process.env.FACTLINE_PG_BIN;
  if (!fs.existsSync(PG_ROOT)) return null;
  const versions = fs
    .readdirSync(PG_ROOT)
    .filter((v) => /^\d+$/.test(v) && Number(v) >= 15 && fs.existsSync(path.join(PG_ROOT, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(PG_ROOT, versions[0], "bin") : null;
}

function ensureInstalled(): string {
  const found = findBinDir();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !fs.existsSync("/usr/bin/apt-get")) {
    throw new Error("These tests need PostgreSQL 15 or later: sudo apt-get update && sudo apt-get install -y postgresql");
  }
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [["update"], ["install", "-y", "--no-install-recommends", "postgresql"]]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed: install postgresql by hand.`);
  }
  const installed = findBinDir();
  if (!installed) throw new Error("postgresql was installed but no initdb was found under /usr/lib/postgresql.");
  return installed;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A throwaway server in a temporary folder on a free loopback port. Tests run it with fsync off
 * (their data is thrown away); `durable` keeps PostgreSQL's defaults, for the measuring scripts,
 * whose write figures would otherwise flatter it against SQLite.
 */
export async function startPostgres({ logStatements = false, durable = false }: { logStatements?: boolean; durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = ensureInstalled();
  const isRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-pg-"));
  const data = path.join(dir, "data");
  if (isRoot) spawnSync("chown", ["postgres:postgres", dir]);
  const run = (command: string, args: string[]) => {
    const [file, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, command), ...args]] : [path.join(bin, command), args];
    const result = spawnSync(file, argv, { encoding: "utf8", cwd: dir });
    if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.stdout}`);
    return result.stdout;
  };

  let port: number;
  let logFile: string;
  try {
    run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
    port = await freePort();
    // fsync off: a test server's data is thrown away, and every migration commits many times.
    let options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`;
    if (!durable) options += " -c fsync=off -c full_page_writes=off";
    if (logStatements) options += ` -c log_statement=ddl -c log_line_prefix='db=%d '`;
    logFile = path.join(dir, "server.log");
    run("pg_ctl", ["-D", data, "-o", options, "-l", logFile, "-w", "start"]);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  let stopped = false;
  const psql = (sql: string, database = "postgres") =>
    run("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql]);
  return {
    port,
    url: (name) => `postgresql://postgres@127.0.0.1:${port}/${name}`,
    psql,
    log: () => fs.readFileSync(logFile, "utf8"),
    databases: () => psql("SELECT datname FROM pg_database WHERE NOT datistemplate ORDER BY datname").trim().split("\n").filter(Boolean),
    stop: () => {
      if (stopped) return;
      stopped = true;
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs one of the project's command-line tools (prisma, tsx) against `url`, as `npm start` does. */
export function runWithDatabase(url: string, command: string, args: string[]): string {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", command), args, {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, DATABASE_URL: url, NO_COLOR: "1", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return `${result.stdout}\n${result.stderr}`;
}

/** A new database on `server` with every committed PostgreSQL migration applied by `prisma migrate deploy`. */
export function createMigratedPostgresDatabase(server: PostgresServer, name: string): string {
  const url = server.url(name);
  runWithDatabase(url, "prisma", ["migrate", "deploy"]);
  return url;
}
