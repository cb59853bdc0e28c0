import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn, unique } from "./fixtures/auth";

test("sources have a home on the desk: listed newest first, searched, counted, edited, and saving returns to the desk", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Sources" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sources" })).toBeVisible();
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // A new source is listed first.
  const title = unique("Port authority annual report");
  await page.getByRole("main").getByRole("link", { name: "New source" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a source" })).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await page.getByLabel("Kind").selectOption({ label: "Primary document" });
  await page.getByLabel("Web address").fill("www.example.org/port/report-2025");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source added." })).toBeVisible();
  // Typed without https://, saved with it.
  await expect(page.getByLabel("Web address")).toHaveValue("https://www.example.org/port/report-2025");
  await page.getByRole("link", { name: "All sources" }).click();
  const rows = page.getByRole("table", { name: "Sources, newest first" }).getByRole("row");
  await expect(rows.nth(1)).toContainText(title);

  // Searched by publisher, with how many claims cite each.
  await page.getByRole("search", { name: "Search sources" }).getByLabel("Title or publisher").fill("guardian");
  await page.getByRole("search", { name: "Search sources" }).getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/desk\/sources\?q=guardian$/);
  const guardian = rows.filter({ hasText: "The Guardian" }).first();
  await expect(guardian.getByRole("cell").last()).toHaveText(/^[1-9]\d*$/);
  await expect(rows.filter({ hasText: title })).toHaveCount(0);

  // Edited, and back on the desk with a word that it was saved.
  await page.getByRole("search", { name: "Search sources" }).getByLabel("Title or publisher").fill(title);
  await page.getByRole("search", { name: "Search sources" }).getByRole("button", { name: "Search" }).click();
  await page.getByRole("link", { name: `Edit source “${title}”` }).click();
  await page.getByLabel("Description").fill("The port's own figures for 2025.");
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page).toHaveURL(/\/desk\/sources\/[^/]+\/edit\?saved=1#saved-notice$/);
  await expect(page.getByRole("status").filter({ hasText: "Source saved." })).toBeVisible();
  await expect(page.getByLabel("Description")).toHaveValue("The port's own figures for 2025.");
});

test("a second source for an address another source has is asked about first, and added only when meant", async ({ page }) => {
  await signIn(page, "reviewer");
  const address = `https://www.example.org/harbour/${Date.now().toString(36)}`;
  const first = unique("Harbour statement");
  for (const title of [first, unique("Harbour statement, again")]) {
    await page.goto("/desk/sources/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Kind").selectOption({ label: "Official statement" });
    await page.getByLabel("Web address").fill(address);
    await page.getByRole("button", { name: "Add source" }).click();
  }
  // The second is refused, naming the first, and the keyboard is at the question.
  const sameAddress = page.getByRole("checkbox", { name: "Add a second source for this address" });
  await expect(sameAddress).toBeFocused();
  await expect(sameAddress).toHaveAccessibleDescription(`Another source already has this web address: “${first}”. Find it under Sources to capture it again or link it to a claim; or tick this box to add a second source for the same address.`);
  await expect(page.getByLabel("Web address")).toHaveValue(address);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await sameAddress.check();
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source added." })).toBeVisible();
  // Kept on purpose, the second is edited at that address without being asked again.
  await page.getByLabel("Description").fill("The statement as the council sent it.");
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source saved." })).toBeVisible();

  // A third, edited to that address, is asked about in the same way.
  await page.goto("/desk/sources/new");
  await page.getByLabel("Title").fill(unique("Harbour statement, elsewhere"));
  await page.getByLabel("Kind").selectOption({ label: "Official statement" });
  await page.getByLabel("Web address").fill(`${address}-elsewhere`);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source added." })).toBeVisible();
  await page.getByLabel("Web address").fill(address);
  await page.getByRole("button", { name: "Save source" }).click();
  const keepSame = page.getByRole("checkbox", { name: "Give this source the same address as the other" });
  await expect(keepSame).toBeFocused();
  await expect(keepSame).toHaveAccessibleDescription(new RegExp(`^Another source already has this web address: “${first}”\\.`));
  await keepSame.check();
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source saved." })).toBeVisible();
  await expect(page.getByLabel("Web address")).toHaveValue(address);
});
