import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { TEST_ACCOUNTS } from "./fixtures/accounts";

// Crash safety (issue 6): the production server is killed with SIGKILL while a reviewer's status
// changes stream in, started again on the same database, and the database is read directly.
// Every change acknowledged to the browser must be there, with its history event; the change in
// flight when the server died must be there whole or not at all. This test runs its own server on
// its own port and database, so killing it touches no other test.

const PORT = 3102;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(import.meta.dirname, "..");
const DATABASE = path.join(ROOT, ".tmp", `e2e-${PORT}`, "factline-e2e.db");

function startServer(keepDatabase: boolean): ChildProcess {
  // Its own process group, so SIGKILL reaches the Next.js server under the tsx wrapper too.
  return spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["scripts/e2e-server.ts"], {
    cwd: ROOT,
    detached: true,
    stdio: "ignore",
    env: { ...process.env, E2E_PORT: String(PORT), E2E_KEEP_DATABASE: keepDatabase ? "1" : "0" },
  });
}

function killGroup(server: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-server.pid!, signal);
  } catch {
    // already gone
  }
}

async function waitUntilUp(): Promise<void> {
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${ORIGIN}/api/health`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(200);
}

async function waitUntilDown(): Promise<void> {
  await expect
    .poll(
      async () => {
        try {
          await fetch(`${ORIGIN}/api/health`);
          return "up";
        } catch {
          return "down";
        }
      },
      { timeout: 20_000 },
    )
    .toBe("down");
}

async function signInAsReviewer(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/sign-in`);
  await page.getByLabel("Email").fill(TEST_ACCOUNTS.reviewer.email);
  await page.getByLabel("Password").fill(TEST_ACCOUNTS.reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Desk" })).toBeVisible();
}

async function recordDraft(page: Page): Promise<string> {
  await page.goto(`${ORIGIN}/desk/claims/new`);
  await page.getByLabel("The claim's words").fill("The harbour's traffic fell by half in 2025.");
  await page.getByLabel("Summary").fill("The harbour's traffic fell by half");
  await page.getByLabel("Claimant").selectOption({ index: 1 });
  await page.getByLabel("Story").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The harbour's traffic fell by half" })).toBeVisible();
  return page.url().split("/desk/claims/")[1]!.split(/[?#]/)[0]!;
}

async function submitStatus(page: Page, n: number): Promise<void> {
  const form = page.getByRole("form", { name: "Change the status" });
  await form.getByLabel("Status").selectOption({ value: n % 2 === 0 ? "accurate" : "misleading" });
  await form.getByLabel("Reason").fill(`Crash write ${n}`);
  await form.getByRole("button", { name: "Save status" }).click();
}

interface Row {
  version: number;
  status: string;
  statusReason: string;
}

test("a server killed mid-write comes back with every acknowledged change and no half-applied one", async ({ page }) => {
  test.slow();
  let server = startServer(false);
  try {
    await waitUntilUp();
    await signInAsReviewer(page);
    const claimId = await recordDraft(page);

    const acknowledged: number[] = [];
    for (let n = 1; n <= 12; n++) {
      await submitStatus(page, n);
      await expect(page.getByText(`Reason for the status: Crash write ${n}`)).toBeVisible();
      acknowledged.push(n);
    }
    // The next change is sent, and the server is killed while it is being handled.
    const inFlight = 13;
    const response = page.waitForResponse((r) => r.request().method() === "POST", { timeout: 5_000 }).catch(() => null);
    await submitStatus(page, inFlight);
    await page.waitForTimeout(15);
    killGroup(server, "SIGKILL");
    await response;
    await waitUntilDown();

    server = startServer(true);
    await waitUntilUp();

    const db = new Database(DATABASE, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const claim = db.prepare(`SELECT version, status, "statusReason" FROM "Claim" WHERE id = ?`).get(claimId) as Row;
      const events = db
        .prepare(`SELECT kind, reason, "after" FROM "ClaimEvent" WHERE "claimId" = ? ORDER BY "createdAt", id`)
        .all(claimId) as { kind: string; reason: string | null; after: string | null }[];
      const statusEvents = events.filter((event) => event.kind === "status-changed");
      const written = statusEvents.map((event) => Number(/^Crash write (\d+)$/.exec(event.reason ?? "")?.[1]));

      // Every acknowledged change has its history event, in order; the one in flight at most once.
      expect(written.slice(0, acknowledged.length)).toEqual(acknowledged);
      expect(written.length === acknowledged.length || (written.length === acknowledged.length + 1 && written.at(-1) === inFlight)).toBe(true);
      // No status without its event, nor an event without its status: the claim is exactly where
      // the last event left it, and its version counts one step per event after its creation.
      const last = JSON.parse(statusEvents.at(-1)!.after!) as { status: string; statusReason: string };
      expect({ status: claim.status, statusReason: claim.statusReason }).toEqual({ status: last.status, statusReason: last.statusReason });
      expect(claim.version).toBe(events.filter((event) => event.kind !== "created").length + 1);
    } finally {
      db.close();
    }

    // The server that came back serves the claim.
    await page.goto(`${ORIGIN}/desk/claims/${claimId}`);
    await expect(page.getByRole("heading", { level: 1, name: "The harbour's traffic fell by half" })).toBeVisible();
  } finally {
    killGroup(server, "SIGTERM");
  }
});
