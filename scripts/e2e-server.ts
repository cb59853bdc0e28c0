// The server the Playwright specs run against: a production build started on a database file
// that is new for each run, migrated and seeded the ordinary way.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./prepare-db";

const root = path.resolve(import.meta.dirname, "..");
const next = path.join(root, "node_modules", ".bin", "next");
const dir = path.join(root, ".tmp", "e2e");
const file = path.join(dir, "factline-e2e.db");

fs.mkdirSync(dir, { recursive: true });
for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = `file:${file}`;
const port = process.env.E2E_PORT || "3100";
process.env.PORT = port;
process.env.BETTER_AUTH_URL = `http://127.0.0.1:${port}`;
prepareDatabase();

// Test accounts, in this run's database only. Imported late: lib/db reads DATABASE_URL on load.
{
  const { createAccount, disableAccount } = await import("../lib/accounts");
  const { TEST_ACCOUNTS } = await import("../e2e/fixtures/accounts");
  for (const account of Object.values(TEST_ACCOUNTS)) await createAccount(account);
  await disableAccount(TEST_ACCOUNTS.disabled.email);
  const { db } = await import("../lib/db");
  await db.$disconnect();
}

if (process.env.E2E_SKIP_BUILD !== "1") {
  const build = spawnSync(next, ["build"], { cwd: root, stdio: "inherit", env: process.env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(next, ["start", "--port", port, "--hostname", "127.0.0.1"], {
  cwd: root,
  stdio: "inherit",
  env: process.env,
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
