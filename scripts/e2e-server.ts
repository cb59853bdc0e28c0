// A server the Playwright specs run against: the production build (made by `npm run test:e2e`
// before Playwright starts) served on a database file new for each run, migrated and seeded the
// ordinary way, with test accounts. E2E_PORT picks the port; each port gets its own database,
// so the reader specs see the pristine seed story while the desk specs write. E2E_DATABASE_URL
// serves that database instead of a file (a PostgreSQL one the spec's own server holds; it may not
// exist yet). E2E_DATABASE_PORT says the database is the one the server on that port prepared, to
// be served as it is: a second server process on one database (e2e/desk-shared-cache.spec.ts).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./prepare-db";

const root = path.resolve(import.meta.dirname, "..");
// The production server (scripts/next-server.mjs): Next.js behind the early refusals.
const nextServer = path.join(root, "scripts", "next-server.mjs");
const port = process.env.E2E_PORT || "3100";
const databasePort = process.env.E2E_DATABASE_PORT || port;
const isSecondServer = databasePort !== port;
const databaseUrl = process.env.E2E_DATABASE_URL;
const dir = path.join(root, ".tmp", `e2e-${databasePort}`);
const file = path.join(dir, "factline-e2e.db");

if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build: run `npm run build` first (`npm run test:e2e` does).");
  process.exit(1);
}

// E2E_KEEP_DATABASE=1 starts again on the database a previous run on this port left (the crash
// test restarts a killed server on it); otherwise every run starts from a fresh, seeded one.
// A database named by URL is new when the spec names it, so only a second server keeps one.
const keep = (process.env.E2E_KEEP_DATABASE === "1" || isSecondServer) && (databaseUrl !== undefined || fs.existsSync(file));
if (!keep && !databaseUrl) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
}
process.env.DATABASE_URL = databaseUrl ?? `file:${file}`;
process.env.PORT = port;
process.env.BETTER_AUTH_URL = `http://127.0.0.1:${port}`;
// Capture may fetch the fixture pages e2e/desk-capture.spec.ts serves on this one loopback port,
// and no other private address (lib/capture/fetch.ts testPort; docs/decisions/029-source-capture.md).
// Honoured only with FACTLINE_E2E_SERVER=1, which only this script sets; `npm start` refuses both.
process.env.FACTLINE_E2E_SERVER = "1";
process.env.FACTLINE_CAPTURE_TEST_ORIGIN = `http://127.0.0.1:${process.env.E2E_CAPTURE_PAGES_PORT || "3190"}`;
// A second server on another's database finds it prepared; `prisma migrate deploy` against a
// database a running server holds can fail on SQLite's lock (seen as "unknown variant SocketTimeout").
if (!isSecondServer) await prepareDatabase();

// Test accounts, in this run's database only. Imported late: lib/db reads DATABASE_URL on load.
if (!keep) {
  const { createAccount, disableAccount } = await import("../lib/accounts");
  const { TEST_ACCOUNTS } = await import("../e2e/fixtures/accounts");
  for (const account of Object.values(TEST_ACCOUNTS)) await createAccount(account);
  await disableAccount(TEST_ACCOUNTS.disabled.email);
  const { db } = await import("../lib/db");
  await db.$disconnect();
}

const server = spawn(process.execPath, [nextServer, "--port", port, "--hostname", "127.0.0.1"], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
