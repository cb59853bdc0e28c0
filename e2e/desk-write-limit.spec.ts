import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { signIn, unique } from "./fixtures/auth";
import { seriousViolations } from "./fixtures/axe";
import { databaseFor } from "./fixtures/own-server";
import { SEED_STORY } from "./fixtures/seed";

// A desk form sent past the write limits (proxy.ts, lib/rate-limit.ts): the proxy answers 429
// before the action runs. The form says so in its own words, in place, and keeps everything that
// was typed for when the wait is over (components/forms/refusal.tsx); nothing is saved.
// e2e/rate-limits.spec.ts tests the limits themselves over raw HTTP.

const ORIGINAL = "The Guardian reports ICE more than tripled the data it stores on Microsoft Azure in the six months to January 2026";
const ORIGINAL_ID = "ice-tripled-azure-data";
const REFUSAL = /^Too many changes in a minute from this account\. Nothing was saved; try again in \d+ seconds\.$/;

/**
 * Spends this session's write allowance with other posts (page.request sends the browser's cookie
 * and its own forwarded address) until one is refused: the next post is refused too, however
 * long the steps before it took (the allowance is counted by the minute).
 */
async function spendAllowance(page: Page): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await page.request.post("/corrections", { form: { x: "1" } })).status() === 429) return;
  }
  throw new Error("300 posts and none refused: the session's write limit did not apply");
}

function database(): Database.Database {
  // The database of the server this project's tests run against.
  return new Database(databaseFor(Number(new URL(test.info().project.use.baseURL!).port)), { readonly: true, fileMustExist: true });
}

test("a desk form sent past the session's write limit says so in the form, keeps what was typed, and saves nothing", async ({ page }) => {
  await signIn(page, "reviewer");
  const summary = unique("Limited claim");
  const words = `${summary}: the harbour's traffic fell by half in 2025.`;
  await page.goto("/desk/claims/new");
  await page.getByLabel("The claim's words").fill(words);
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ label: "The Guardian" });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await spendAllowance(page);
  await page.getByRole("button", { name: "Record claim" }).click();

  const refusal = page.getByRole("main").getByRole("alert").filter({ hasText: "Too many changes" });
  await expect(refusal).toHaveText(REFUSAL);
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

  const db = database();
  try {
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Claim" WHERE "summary" = ?`).get(summary)).toEqual({ n: 0 });
  } finally {
    db.close();
  }
});

test("two forms sent one after the other past the limit each keep their own words", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto(`/desk/claims/${ORIGINAL_ID}`);
  const linkForm = page.getByRole("form", { name: "Link a source" });
  const noteForm = page.getByRole("form", { name: "Add a note" });
  const quote = unique("A quote typed before the limit");
  const note = unique("A note typed before the limit");
  await linkForm.getByLabel("How it relates").selectOption({ label: "Disputed by" });
  await linkForm.getByLabel("Exact quote").fill(quote);
  await noteForm.getByLabel("Your note").fill(note);
  await spendAllowance(page);
  // The second is sent while the first is still on its way: both in one turn of the page, as a
  // slow answer to the first would leave time for (a local refusal comes back too fast to click).
  await page.evaluate(() => {
    for (const heading of ["link-form-heading", "note-form-heading"]) document.querySelector<HTMLFormElement>(`form[aria-labelledby="${heading}"]`)!.requestSubmit();
  });

  await expect(linkForm.getByRole("alert")).toHaveText(REFUSAL);
  await expect(noteForm.getByRole("alert")).toHaveText(REFUSAL);
  await expect(linkForm.getByLabel("Exact quote")).toHaveValue(quote);
  await expect(linkForm.getByLabel("How it relates").locator("option:checked")).toHaveText("Disputed by");
  await expect(noteForm.getByLabel("Your note")).toHaveValue(note);

  const db = database();
  try {
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "ClaimSource" WHERE "quote" = ?`).get(quote)).toEqual({ n: 0 });
    expect(db.prepare(`SELECT COUNT(*) AS n FROM "Annotation" WHERE "body" = ?`).get(note)).toEqual({ n: 0 });
  } finally {
    db.close();
  }
});

test("signing out past the write limit still signs out: the limits never keep anyone signed in", async ({ page, context }) => {
  await signIn(page, "reviewer");
  await spendAllowance(page);
  // Still refused for anything else.
  expect((await page.request.post("/corrections", { form: { x: "1" } })).status()).toBe(429);
  // Not counted, so not read either: a body the empty form could not have sent is refused unread.
  const stuffed = await page.request.post("/sign-out", { data: "a&".repeat(1_000_000), headers: { "content-type": "application/x-www-form-urlencoded" }, maxRedirects: 0 });
  expect(stuffed.status()).toBe(413);
  expect(await stuffed.text()).toBe("Signing out sends no form fields; nothing was done.");
  await page.goto("/desk");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect((await context.cookies()).filter((cookie) => cookie.name.endsWith("session_token"))).toEqual([]);
  await page.goto("/desk");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fdesk$/);
});
