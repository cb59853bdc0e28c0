import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { TEST_ACCOUNTS } from "./fixtures/accounts";
import { expectDesk } from "./fixtures/auth";
import { ownServer } from "./fixtures/own-server";
import { SEED_STORY } from "./fixtures/seed";

// Crash safety (issue 6): the production server is killed with SIGKILL while a reviewer's status
// changes stream in, started again on the same database, and the database is read directly.
// Every change acknowledged to the browser must be there, with its history event; the change in
// flight when the server died must be there whole or not at all. This test runs its own server on
// its own port and database (fixtures/own-server.ts), so killing it touches no other test.

const server = ownServer(3102);
const ORIGIN = server.origin;

async function signInAsReviewer(page: Page): Promise<void> {
  await page.goto(`${ORIGIN}/sign-in`);
  await page.getByLabel("Email").fill(TEST_ACCOUNTS.reviewer.email);
  await page.getByLabel("Password").fill(TEST_ACCOUNTS.reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expectDesk(page);
}

async function recordDraft(page: Page): Promise<string> {
  await page.goto(`${ORIGIN}/desk/claims/new`);
  await page.getByLabel("The claim's words").fill("The harbour's traffic fell by half in 2025.");
  await page.getByLabel("Summary").fill("The harbour's traffic fell by half");
  await page.getByLabel("Claimant").selectOption({ index: 1 });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
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
  try {
    await server.start();
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
    server.kill("SIGKILL");
    await response;
    await server.waitUntilDown();

    await server.start(true);

    const db = new Database(server.database, { readonly: true });
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
    await server.stop();
  }
});
