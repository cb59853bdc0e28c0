import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// The README's quick start, `npm start`, on a database of its own: it prepares and seeds the
// database and serves the seed's story; and stopping npm (a process manager's SIGTERM, a
// container's stop) stops the server under it. npm runs a script through `sh -c`, and Debian's
// sh does not pass the signal on, so the script execs its command (package.json). That command is
// node itself, with tsx as a loader, not tsx's command: tsx relays a signal to its child and, when
// the child does not say within 30 ms that it has it (a busy machine), kills it with SIGKILL, so
// start.ts died without stopping the server under it (CI, 5 December: the port still answered).
// Outside the ports the e2e servers use (3100-3111); E2E_START_PORT moves it.
const PORT = Number(process.env.E2E_START_PORT || 3112);
const ROOT = path.resolve(import.meta.dirname, "..");

async function answers(origin: string): Promise<number> {
  try {
    return (await fetch(`${origin}/api/health`)).status;
  } catch {
    return 0;
  }
}

test("npm start serves the seeded story on a fresh database, and stops with npm", async () => {
  test.slow(); // a fresh database is migrated and seeded first
  const origin = `http://127.0.0.1:${PORT}`;
  expect(await answers(origin), `port ${PORT} is already in use`).toBe(0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-start-"));
  // A newsroom's environment, not the test servers': their allowances make start.ts refuse.
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOSTNAME: "127.0.0.1", DATABASE_URL: `file:${path.join(dir, "factline.db")}` };
  for (const name of Object.keys(env)) if (/^(FACTLINE_|E2E_|REDIS_URL$|NEXT_)/.test(name)) delete env[name];
  const log = fs.openSync(path.join(dir, "start.log"), "w");
  // Its own process group, so that whatever is left after the test is stopped with it.
  const npm = spawn("npm", ["start"], {
    cwd: ROOT,
    detached: true,
    stdio: ["ignore", log, log],
    env,
  });
  const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
  try {
    await expect.poll(() => answers(origin), { timeout: 120_000, intervals: [500] }).toBe(200);
    const home = await (await fetch(`${origin}/`)).text();
    expect(home).toContain("Microsoft");

    // Only npm is signalled, as a process manager that knows one process id does.
    process.kill(npm.pid!, "SIGTERM");
    await exited;
    await expect.poll(() => answers(origin), { timeout: 30_000, intervals: [250] }).toBe(0);
  } finally {
    try {
      process.kill(-npm.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    fs.closeSync(log);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
