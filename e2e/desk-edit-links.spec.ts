import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

// A signed-in person sees "Edit" on the public pages they may edit (issue 14, section 2); readers,
// and the cached copy readers are served, never do.

const PAGES = [
  { page: "/claims/ice-tripled-azure-data", link: "Edit this claim on the desk", lands: /\/desk\/claims\/ice-tripled-azure-data$/ },
  { page: "/sources/guardian-ice-azure", link: "Edit this source on the desk", lands: /\/desk\/sources\/guardian-ice-azure\/edit$/ },
  { page: "/claimants/the-guardian", link: "Edit this claimant on the desk", lands: /\/desk\/claimants\/the-guardian\/edit$/ },
];

test("a reviewer finds Edit on the public pages of a claim, a source and a claimant, and it leads to the desk", async ({ page }) => {
  await signIn(page, "reviewer");
  for (const { page: address, link, lands } of PAGES) {
    await page.goto(address);
    await page.getByRole("link", { name: link }).click();
    await expect(page, address).toHaveURL(lands);
  }
  await page.goto(PAGES[0]!.page);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual([]);
});

test("readers see no Edit link, before or after a signed-in person has opened the page", async ({ browser, page }) => {
  const reader = await browser.newContext();
  const readerPage = await reader.newPage();
  for (const { page: address, link } of PAGES) {
    await readerPage.goto(address);
    await expect(readerPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(readerPage.getByRole("link", { name: link })).toHaveCount(0);
  }
  await signIn(page, "editor");
  for (const { page: address, link } of PAGES) {
    await page.goto(address);
    await expect(page.getByRole("link", { name: link })).toBeVisible();
    await readerPage.goto(address);
    await expect(readerPage.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(readerPage.getByRole("link", { name: link })).toHaveCount(0);
  }
  await reader.close();
});
