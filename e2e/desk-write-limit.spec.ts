import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { signIn, unique } from "./fixtures/auth";
import { seriousViolations } from "./fixtures/axe";
import { databaseFor } from "./fixtures/own-server";
import { SEED_STORY } from "./fixtures/seed";

// A desk form sent past the write limits (proxy.ts, lib/rate-limit.ts): the proxy answers 429
// before the action runs. The form says so in its own words, in place, and keeps everything that
// was typed for when the wait is over (components/forms/refusal.tsx); nothing is saved.
// e2e/rate-limits.spec.ts tests the limits themselves over raw HTTP.

const ORIGINAL = "The Guardian reports ICE more than tripled the data it stores on Microsoft Azure in the six months to January 2026";

test("a desk form sent past the session's write limit says so in the form, keeps what was typed, and saves nothing", async ({ page }) => {
  await signIn(page, "reviewer");
  // This session's allowance used up by other writes (page.request sends the browser's cookie
  // and its own forwarded address).
  for (let i = 0; i < 120; i++) expect((await page.request.post("/corrections", { form: { x: "1" } })).status()).not.toBe(429);
  const summary = unique("Limited claim");
  const words = `${summary}: the harbour's traffic fell by half in 2025.`;
  await page.goto("/desk/claims/new");
  await page.getByLabel("The claim's words").fill(words);
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ label: "The Guardian" });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();

  const refusal = page.getByRole("main").getByRole("alert").filter({ hasText: "Too many changes" });
  await expect(refusal).toHaveText(/^Too many changes in a minute from this account\. Nothing was saved; try again in \d+ seconds\.$/);
  // The keyboard is taken to the message, as with any other refusal of the form.
  await expect(refusal).toBeFocused();
  // The form, not an error page, and every field as it was sent.
  await expect(page.getByText("The problem is on our side")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Too many changes at once" })).toHaveCount(0);
  await expect(page.getByLabel("The claim's words")).toHaveValue(words);
  await expect(page.getByLabel("Summary")).toHaveValue(summary);
  await expect(page.getByLabel("Claimant").locator("option:checked")).toHaveText("The Guardian");
  await expect(page.getByLabel("Story").locator("option:checked")).toHaveText(SEED_STORY);
  expect(await seriousViolations(page)).toEqual([]);

  // "Seen before?" follows the form it now shows (reading is not limited).
  const panel = page.getByRole("region", { name: "Seen before?" });
  await page.getByLabel("The claim's words").fill("");
  await page.getByLabel("The claim's words").pressSequentially("ICE more than tripled its data on Microsoft Azure in six months", { delay: 5 });
  await expect(panel.getByRole("link", { name: ORIGINAL })).toBeVisible();

  // Signing out is a post too, with no form of its own to answer in: the page says it instead,
  // and its button brings the desk back, by keyboard.
  await page.getByRole("button", { name: "Sign out" }).click();
  const pageAlert = page.getByRole("alert").filter({ has: page.getByRole("heading", { name: "Too many changes at once" }) });
  await expect(pageAlert).toContainText(/Too many changes in a minute from this account\. Nothing was saved; try again in \d+ seconds\./);
  expect(await seriousViolations(page)).toEqual([]);
  await pageAlert.getByRole("button", { name: "Back to the page" }).focus();
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
