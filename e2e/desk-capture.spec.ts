import { expect, test } from "@playwright/test";
import { ARTICLE_SENTENCES, startCapturePages, type CapturePages } from "../lib/testing/capture-pages";
import { signIn } from "./fixtures/auth";
import { seriousViolations } from "./fixtures/axe";

// Issue 15, item 1: a source captured from its web address, then captured again after the page
// changed. The pages come from a server this spec starts on one loopback port; the e2e server
// (scripts/e2e-server.ts) lets capture reach that port and no other private address. 3190 is
// outside the ports the e2e servers use (3100-3111); E2E_CAPTURE_PAGES_PORT moves it for both.
const PAGES_PORT = Number(process.env.E2E_CAPTURE_PAGES_PORT || 3190);

let pages: CapturePages;

test.beforeAll(async () => {
  pages = await startCapturePages(PAGES_PORT);
});

test.afterAll(async () => {
  await pages.close();
});

test("a reviewer captures an article by keyboard, records a claim from it, and capturing again reports the quote gone", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/desk/sources/new");

  // Paste the address, then Tab to "Capture" and press Enter: no mouse.
  await page.getByLabel("Web address").focus();
  await page.keyboard.insertText(`${pages.origin}/article`);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Capture" })).toBeFocused();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("status").filter({ hasText: "Captured" })).toContainText(`from ${pages.origin}/article`);
  await expect(page.getByLabel("Title")).toHaveValue("Harbour bridge budget approved");
  await expect(page.getByLabel("Publisher or outlet")).toHaveValue("Harbour Gazette");
  await expect(page.getByLabel("Author")).toHaveValue("Lena Okafor");
  await expect(page.getByLabel("Publication date")).toHaveValue("2026-03-17");
  await expect(page.getByLabel("Captured text", { exact: true })).toHaveValue(new RegExp(ARTICLE_SENTENCES[1]!.replace(/[$.*+?()[\]{}|^\\]/g, "\\$&")));
  await expect(page.getByRole("link", { name: /Archived copies on the Wayback Machine/ })).toHaveAttribute("href", `https://web.archive.org/web/*/${pages.origin}/article`);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel("Kind").selectOption("news-report");
  await page.getByRole("button", { name: "Add source" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Source added.")).toBeVisible();
  const sourceUrl = page.url();
  const history = page.getByRole("region", { name: "Capture history" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("HTTP 200, Web page");
  expect(await seriousViolations(page)).toEqual([]);

  // Record the "more than tripled" sentence as a claim, its quote found in the captured text.
  await page.getByRole("link", { name: "Find claims in its text" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Claim finder" })).toBeVisible();
  const candidate = page.getByRole("listitem").filter({ hasText: "more than tripled" });
  await candidate.getByRole("link", { name: /Record as claim/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a claim" })).toBeVisible();
  if ((await page.getByLabel("Claimant").inputValue()) === "") await page.getByLabel("Claimant").selectOption({ index: 1 });
  await page.getByLabel("Story").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page).toHaveURL(/\/desk\/claims\/[^/?]+\?/);
  await expect(page.getByText("Quote found in source")).toBeVisible();
  const claimUrl = page.url();

  // The page changes: that sentence is gone. "Capture again" says so.
  pages.setArticle(ARTICLE_SENTENCES.filter((s) => !s.includes("more than tripled")));
  await page.goto(sourceUrl);
  await page.getByRole("button", { name: "Capture again" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Captured again" })).toContainText("0 linked quotes are in the new text; 1 is not");
  const unfound = page.getByRole("region", { name: "Quotes no longer found in the captured text" });
  await expect(unfound).toContainText("more than tripled since 2019");
  await expect(page.getByRole("region", { name: "Capture history" }).getByRole("listitem")).toHaveCount(2);
  await expect(page.getByLabel("Captured text", { exact: true })).not.toHaveValue(/more than tripled/);
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(claimUrl);
  await expect(page.getByText("Quote not found in captured text")).toBeVisible();
});
