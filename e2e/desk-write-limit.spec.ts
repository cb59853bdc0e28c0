import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { signIn, unique } from "./fixtures/auth";
import { seriousViolations } from "./fixtures/axe";
import { databaseFor } from "./fixtures/own-server";
import { SEED_STORY } from "./fixtures/seed";

// A desk form sent past the write limits (proxy.ts, lib/rate-limit.ts): the proxy answers 429
// before the action runs, and the page says what happened instead of "the problem is on our side"
// (app/error.tsx). e2e/rate-limits.spec.ts tests the limits themselves over raw HTTP.

test("a desk form sent past the session's write limit says so, and nothing is saved", async ({ page }) => {
  await signIn(page, "reviewer");
  // This session's allowance used up by other writes (page.request sends the browser's cookie
  // and its own forwarded address).
  for (let i = 0; i < 120; i++) expect((await page.request.post("/corrections", { form: { x: "1" } })).status()).not.toBe(429);
  const summary = unique("Limited claim");
  await page.goto("/desk/claims/new");
  await page.getByLabel("The claim's words").fill(`${summary}: the harbour's traffic fell by half in 2025.`);
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ index: 1 });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  // Next.js's route announcer is an alert too: this one is the page's.
  const alert = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Not saved: too many changes at once" }) });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/Too many changes in a minute from this account\. Nothing was saved; try again in \d+ seconds\./);
  await expect(page.getByText("The problem is on our side")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  // The way back is a button the keyboard reaches, and it brings the form back.
  await alert.getByRole("button", { name: "Back to the page" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Record claim" })).toBeVisible();
  // The database of the server this project's tests run against.
  const db = new Database(databaseFor(Number(new URL(test.info().project.use.baseURL!).port)), { readonly: true, fileMustExist: true });
  try {
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Claim" WHERE "summary" = ?`).get(summary)).toEqual({ n: 0 });
  } finally {
    db.close();
  }
});
