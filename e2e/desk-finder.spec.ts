import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn, unique } from "./fixtures/auth";
import { SEED_STORY } from "./fixtures/seed";

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
  // Its dates (July 2025, January 2026) are what it is about, not when it was said, and the
  // article has no date of its own: no date is guessed.
  await expect(first).toContainText("Date: none");
  // The seed's claim quotes this sentence already: the finder says so, and leads to it.
  const recorded = first.locator("p", { hasText: /^Already recorded:/ });
  await expect(recorded.getByRole("link")).toHaveText(["The Guardian reports ICE more than tripled the data it stores on Microsoft Azure in the six months to January 2026"]);
  await first.getByRole("link", { name: /Record as claim/ }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Record a claim" })).toBeVisible();
  await expect(page.getByLabel("The claim's words")).toHaveValue(sentence);
  await expect(page.getByLabel("Claimant")).toHaveValue("the-guardian");
  await expect(page.getByLabel("Date of the claim")).toHaveValue("");
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();

  await expect(page).toHaveURL(/\/desk\/claims\/[^/?]+\?/);
  const link = page.getByRole("listitem").filter({ hasText: "Microsoft Denies ICE" }).filter({ has: page.getByText("Quote found in source") });
  await expect(link).toBeVisible();
  await expect(link.locator("mark")).toHaveText(sentence);
  // Back at the finder, the sentence names both claims that quote it.
  const summary = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  await page.goto("/desk/sources/microsoft-ice-article/finder");
  await expect(page.getByRole("listitem").filter({ hasText: /^Candidate 1\D/ }).locator("p", { hasText: /^Already recorded:/ }).getByRole("link")).toHaveText([summary, "The Guardian reports ICE more than tripled the data it stores on Microsoft Azure in the six months to January 2026"]);
});

test("a finder link follows its sentence when the source is saved again, and says so at once when the sentence is gone", async ({ page }) => {
  await signIn(page, "reviewer");
  const sentence = "The port said it would hire 250 staff this year, its director told reporters.";
  await page.goto("/desk/sources/new");
  await page.getByLabel("Title").fill(unique("Port hiring notice"));
  await page.getByLabel("Kind").selectOption({ label: "Primary document" });
  // Sent by the browser with CRLF line breaks, as every textarea is.
  await page.getByLabel("Captured text").fill(`Harbour news.\n\n${sentence}\n\nAcme denied it.`);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source added." })).toBeVisible();
  const editUrl = page.url().split("?")[0]!;

  await page.getByRole("link", { name: "Find claims in its text" }).click();
  const candidate = page.getByRole("listitem").filter({ hasText: "hire 250 staff" });
  const recordLink = (await candidate.getByRole("link", { name: /Record as claim/ }).getAttribute("href"))!;

  // A paragraph added before it moves every offset.
  await page.goto(editUrl);
  await page.getByLabel("Captured text").fill(`A first paragraph, added later.\n\nHarbour news.\n\n${sentence}\n\nAcme denied it.`);
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source saved." })).toBeVisible();

  await page.goto(recordLink);
  await expect(page.getByLabel("The claim's words")).toHaveValue(sentence);
  // "its director" names nobody: the claimant is chosen by hand.
  await page.getByLabel("Claimant").selectOption({ label: "Microsoft" });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page).toHaveURL(/\/desk\/claims\/[^/?]+\?/);
  await expect(page.getByRole("listitem").filter({ has: page.getByText("Quote found in source") }).locator("mark")).toHaveText(sentence);

  // Its words changed: the form says so on opening, with the way back to the finder.
  await page.goto(editUrl);
  await page.getByLabel("Captured text").fill(`Harbour news.\n\n${sentence.replace("250", "300")}\n\nAcme denied it.`);
  await page.getByRole("button", { name: "Save source" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Source saved." })).toBeVisible();
  await page.goto(recordLink);
  await expect(page.getByRole("status").filter({ hasText: "That sentence is no longer in the source's captured text" })).toBeVisible();
  await expect(page.getByLabel("The claim's words")).toHaveValue("");
  await page.getByRole("link", { name: "Open the finder again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Claim finder" })).toBeVisible();
});
