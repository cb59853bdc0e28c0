import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/auth";

// Issue 15, item 2: from a source's captured text to a claim with its exact quote, through the
// claim finder.

test("a reviewer records a claim from the finder, and the claim's link to the source shows its quote found", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/desk/sources/microsoft-ice-article/edit");
  await page.getByRole("link", { name: "Find claims in its text" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Claim finder" })).toBeVisible();

  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  const first = page.getByRole("listitem").filter({ hasText: /^Candidate 1\D/ });
  await expect(first).toContainText("a change or comparison (“more than tripled”)");
  await expect(first).toContainText("attributed to The Guardian");
  const sentence = (await first.getByRole("blockquote").textContent()) ?? "";
  expect(sentence).toContain("ICE more than tripled the volume of data");
  await first.getByRole("link", { name: /Record as claim/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Record a claim" })).toBeVisible();
  await expect(page.getByLabel("The claim's words")).toHaveValue(sentence);
  await expect(page.getByLabel("Claimant")).toHaveValue("the-guardian");
  await expect(page.getByLabel("Date of the claim")).toHaveValue("2026-01");
  await page.getByLabel("Story").selectOption({ index: 1 });
  await page.getByRole("button", { name: "Record claim" }).click();

  await expect(page).toHaveURL(/\/desk\/claims\/[^/?]+\?/);
  const link = page.getByRole("listitem").filter({ hasText: "Microsoft Denies ICE" }).filter({ has: page.getByText("Quote found in source") });
  await expect(link).toBeVisible();
  await expect(link.locator("mark")).toHaveText(sentence);
});
