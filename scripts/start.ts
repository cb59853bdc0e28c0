// `npm start`: the whole quick start after `npm install`. Prepares the database (migrate, and
// seed a fresh one), builds the app if it has not been built, then serves it on PORT
// (default 3000). Configuration: DATABASE_URL, PORT, HOSTNAME, FACTLINE_ORG_NAME/URL (checked first).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { edgePurgeConfig } from "../lib/edge/purge";
import { organisation } from "../lib/env";
import { prepareDatabase } from "./prepare-db";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, "node_modules", ".bin", "next");

try {
  // The e2e server's allowance to capture from one loopback port (docs/decisions/029-source-capture.md)
  // has no place in a real server: refuse to start rather than serve with it.
  for (const name of ["FACTLINE_E2E_SERVER", "FACTLINE_CAPTURE_TEST_ORIGIN"]) {
    if (process.env[name]) throw new Error(`${name} is for the test servers only (scripts/e2e-server.ts); unset it to start Factline.`);
  }
  // A bad organisation address would otherwise surface as failing claim pages and feeds.
  organisation();
  // Half an edge configuration would leave its pages unpurged for a day: refuse it before serving.
  edgePurgeConfig();
  process.env.DATABASE_URL = await prepareDatabase();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.log("No production build yet: building (npm run build rebuilds after an update).");
  const build = spawnSync(next, ["build"], { cwd: root, stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT || "3000";
// Next.js behind the few refusals it cannot make itself (scripts/next-server.mjs).
const args = [path.join(root, "scripts", "next-server.mjs"), "--port", port];
if (process.env.HOSTNAME) args.push("--hostname", process.env.HOSTNAME);
const server = spawn(process.execPath, args, { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
