// The production servers for the measuring scripts (npm run bench, npm run load:reviewers): a
// build of the working tree, served on a database of their own: one process on a SQLite file by
// default, or with `--db postgres --processes N` N processes on a PostgreSQL and a Redis of their
// own (Debian's packages, started on loopback as the tests start them), as docs/scale-out.md
// deploys it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

/** Builds the app, so the figures are of the code in the working tree (--no-build skips it). */
export function ensureBuild(): void {
  if (process.argv.includes("--no-build") && fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("Building the app (next build)…");
  const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) throw new Error("next build failed");
}

/** The production server (scripts/next-server.mjs) on 127.0.0.1:`port` with `databaseUrl`, once /api/health answers. */
export async function startProductionServer(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [path.join(root, "scripts", "next-server.mjs"), "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, BETTER_AUTH_URL: origin, PORT: String(port), ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill("SIGKILL");
  throw new Error("The server did not start");
}

export type Engine = "sqlite" | "postgres";

/** `--db sqlite|postgres` (sqlite) and `--processes N` (1), as the measuring scripts take them. */
export function deploymentOptions(option: (name: string, fallback: string) => string): { engine: Engine; processes: number } {
  const engine = option("db", "sqlite");
  if (engine !== "sqlite" && engine !== "postgres") throw new Error(`--db must be sqlite or postgres, got ${engine}`);
  const processes = Number(option("processes", "1"));
  if (!Number.isInteger(processes) || processes < 1 || processes > 8) throw new Error(`--processes must be a whole number from 1 to 8, got ${processes}`);
  return { engine, processes };
}

export interface BackingServices {
  /** The database the app processes are to use (a migrated, empty PostgreSQL database, or the file). */
  databaseUrl: string;
  /** Set when more than one process shares caches and limits. */
  redisUrl?: string;
  stop(): Promise<void>;
}

/**
 * The database and, for more than one process, the Redis the processes share. On PostgreSQL a
 * throwaway server of the script's own, durable (fsync on, as in production), with a new
 * database `name` migrated by `prisma migrate deploy`; on SQLite the file, as it is.
 */
export async function startBackingServices(engine: Engine, processes: number, sqliteFile: string, name: string): Promise<BackingServices> {
  const { createMigratedPostgresDatabase, startPostgres } = await import("../lib/testing/postgres-server");
  const { startRedis } = await import("../lib/testing/redis-server");
  const postgres = engine === "postgres" ? await startPostgres({ durable: true }) : null;
  const redis = processes > 1 ? await startRedis() : null;
  return {
    databaseUrl: postgres ? createMigratedPostgresDatabase(postgres, name) : `file:${sqliteFile}`,
    ...(redis ? { redisUrl: redis.url } : {}),
    async stop() {
      await redis?.dispose();
      postgres?.stop();
    },
  };
}

/** `processes` servers of one build on ports from `firstPort`, all on `services`. */
export async function startProductionServers(firstPort: number, processes: number, services: BackingServices, env: Record<string, string> = {}): Promise<ChildProcess[]> {
  const servers: ChildProcess[] = [];
  try {
    for (let i = 0; i < processes; i++) {
      servers.push(await startProductionServer(firstPort + i, services.databaseUrl, { ...env, ...(services.redisUrl ? { REDIS_URL: services.redisUrl } : {}) }));
    }
  } catch (error) {
    for (const server of servers) server.kill("SIGTERM");
    throw error;
  }
  return servers;
}
