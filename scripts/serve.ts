// The production server for the measuring scripts (npm run bench, npm run load:reviewers): a build
// of the working tree, served on a database of their own.
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

/** `next start` on 127.0.0.1:`port` with `databaseFile`, once /api/health answers. */
export async function startProductionServer(port: number, databaseFile: string, env: Record<string, string> = {}): Promise<ChildProcess> {
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${databaseFile}`, BETTER_AUTH_URL: origin, PORT: String(port), ...env },
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
