import { expect, test } from "@playwright/test";

test.use({ javaScriptEnabled: false });

test("reading, filtering and paging work without JavaScript", async ({ page }) => {
  await page.goto("/claims");
  await page.getByLabel("Status").selectOption({ label: "Unverified" });
  await page.getByRole("button", { name: "Show claims" }).click();
  await expect(page).toHaveURL(/status=unverified/);
  await expect(page.getByRole("article").first()).toBeVisible();
  for (const card of await page.getByRole("article").all()) {
    await expect(card.getByText("Unverified")).toBeVisible();
  }

  await page.goto("/claims?limit=5");
  await expect(page.getByRole("article")).toHaveCount(5);
  await expect(page.getByRole("status").first()).toContainText("Claims 1–5 of 12");
  const firstPage = await page.getByRole("article").allInnerTexts();
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page.getByText("Claims 6–10 of 12")).toBeVisible();
  const secondPage = await page.getByRole("article").allInnerTexts();
  expect(secondPage.some((text) => firstPage.includes(text))).toBe(false);
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page.getByText("Claims 11–12 of 12")).toBeVisible();
  await expect(page.getByRole("link", { name: "Next page →" })).toHaveCount(0);
});

test("a dead link shows the not-found page, in English, without JavaScript", async ({ page }) => {
  // Next.js answers notFound() with an empty shell and draws the page in the browser; the server
  // puts a copy of it in the body for browsers that run no scripts (lib/http/fallback-pages.mjs).
  for (const path of ["/claims/no-such-claim", "/stories/nothing", "/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" }), path).toBeVisible();
    await expect(page.locator("html"), path).toHaveAttribute("lang", "en");
    await expect(page).toHaveTitle("Page not found · Factline");
    // The page's own stylesheet, header and footer, not bare text.
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).toHaveCSS("font-family", /Georgia/);
  }
  await page.getByRole("link", { name: "Browse and search all claims" }).click();
  await expect(page).toHaveURL(/\/claims$/);
  await expect(page.getByRole("article").first()).toBeVisible();
});
