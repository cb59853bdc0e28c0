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
