import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

// The desk's search (issue 14, section 2): the captured text of sources and every note, internal
// ones included, which readers' search never looks in.

test("a reviewer finds words in a source's captured text and in an internal note, by keyboard, and follows them", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/desk");
  await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Search" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Search the desk" })).toBeVisible();
  await page.getByLabel("Words").fill("SIX-MONTH PERIOD");
  await page.keyboard.press("Enter");
  const sources = page.getByRole("region", { name: "In sources’ captured text" });
  await expect(sources.getByText("1 source.")).toBeVisible();
  await expect(sources.locator("mark")).toHaveText("six-month period");
  const notes = page.getByRole("region", { name: "In notes" });
  await expect(notes.getByText("No note holds “SIX-MONTH PERIOD”.")).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);

  // A seed note, internal: the desk finds it, readers' search does not.
  await page.getByLabel("Words").fill("obligated amount");
  await page.getByRole("search", { name: "Search the desk" }).getByRole("button", { name: "Search" }).click();
  await expect(notes.getByText(/Internal note by/)).toBeVisible();
  await expect(notes.locator("mark")).toHaveText("obligated amount");
  const reader = await page.request.get("/api/claims?q=obligated%20amount");
  expect(((await reader.json()) as { items: unknown[] }).items).toEqual([]);
  await notes.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/desk\/claims\/[^/]+$/);
  await expect(page.getByText("obligated amount", { exact: false }).first()).toBeVisible();
});
