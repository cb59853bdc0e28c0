import { expect, test } from "@playwright/test";
import { signIn, unique } from "./fixtures/auth";
import { seriousViolations } from "./fixtures/axe";
import { SEED_STORY } from "./fixtures/seed";

// Issue 15, item 3: "Seen before?" while a claim is recorded and on its desk page, marking a
// duplicate, and what readers get: the original, and its related claims.

const ORIGINAL = "The Guardian reports ICE more than tripled the data it stores on Microsoft Azure in the six months to January 2026";
const ORIGINAL_ID = "ice-tripled-azure-data";

test("a reviewer typing a claim already checked sees it suggested, marks the new one as its duplicate; once it is published, readers are sent to the original", async ({ page, browser }) => {
  test.slow(); // two browsers, a typed claim and three axe runs on a shared machine
  await signIn(page, "reviewer");
  await page.goto("/desk/claims/new");
  const panel = page.getByRole("region", { name: "Seen before?" });
  await expect(panel.getByRole("status")).toHaveText("Type the claim's words to see similar claims.");

  // Typed as a reviewer would: the figure spelled differently, other words around it.
  await page.getByLabel("The claim's words").pressSequentially("ICE has more than tripled how much data it keeps on Microsoft's Azure cloud within six months", { delay: 5 });
  const suggestion = panel.getByRole("listitem").filter({ has: page.getByRole("link", { name: ORIGINAL }) });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toContainText("Unverified");
  await expect(suggestion).toContainText(SEED_STORY);
  await expect(panel.getByRole("status")).toHaveText(/^\d similar claims? on the desk\.$/);
  expect(await seriousViolations(page)).toEqual([]);

  // The earlier check, on the desk.
  await suggestion.getByRole("link", { name: ORIGINAL }).click();
  await expect(page.getByRole("heading", { level: 1, name: ORIGINAL })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/desk/claims/${ORIGINAL_ID}$`));

  // Recorded anyway (a second report of it), then marked as its duplicate from its own page.
  const summary = unique("ICE tripled its Azure data in six months");
  await page.goto("/desk/claims/new");
  await page.getByLabel("The claim's words").fill("ICE has more than tripled how much data it keeps on Microsoft's Azure cloud within six months");
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ label: "The Guardian" });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  const duplicateId = page.url().split("/desk/claims/")[1]!.split(/[?#]/)[0]!;

  const deskPanel = page.getByRole("region", { name: "Seen before?" });
  await expect(deskPanel.getByRole("link", { name: ORIGINAL })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  const form = page.getByRole("form", { name: "Mark this claim as a duplicate of …" });
  await form.getByLabel("The earlier claim").selectOption({ label: ORIGINAL });
  await form.getByLabel("Why it is the same claim").fill("The same Guardian report, recorded twice.");
  await form.getByRole("button", { name: "Mark as duplicate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked as a duplicate" })).toBeVisible();
  await expect(page.locator("#seen-before h3", { hasText: "A duplicate of" }).getByRole("link", { name: ORIGINAL })).toBeVisible();
  // The keyboard lands on what happened, not at the top of the page.
  await expect(page.locator("#duplicate-heading")).toBeFocused();
  await expect(page.getByRole("button", { name: "Not a duplicate" })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "Marked as a duplicate by" })).toContainText("The same Guardian report, recorded twice.");

  // Signed out, the duplicate is a draft like any other: its address leads nowhere, and says
  // nothing of what it repeats.
  const reader = await (await browser.newContext()).newPage();
  const draftPage = await reader.goto(`/claims/${duplicateId}`);
  expect(draftPage?.status()).toBe(404);
  expect(draftPage?.request().redirectedFrom()).toBeNull();
  await expect(reader).toHaveURL(new RegExp(`/claims/${duplicateId}$`));
  await expect(reader.getByText(ORIGINAL)).toHaveCount(0);

  // Once an editor publishes it, its readers are sent to the original, which lists related claims.
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editor");
  await editor.goto(`/desk/claims/${duplicateId}`);
  // Published claims need a reason for their status: readers see it.
  const statusForm = editor.getByRole("form", { name: "Change the status" });
  await statusForm.getByLabel("Reason").fill("Not yet checked: the same report as the earlier claim.");
  await statusForm.getByRole("button", { name: "Save status" }).click();
  await expect(editor.getByText("Reason for the status: Not yet checked: the same report as the earlier claim.")).toBeVisible();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByRole("heading", { name: "Published" })).toBeVisible();
  await editor.context().close();
  const response = await reader.goto(`/claims/${duplicateId}`);
  expect(response?.request().redirectedFrom()?.url()).toContain(`/claims/${duplicateId}`);
  await expect(reader).toHaveURL(new RegExp(`/claims/${ORIGINAL_ID}$`));
  await expect(reader.getByRole("heading", { level: 1, name: ORIGINAL })).toBeVisible();
  const related = reader.getByRole("region", { name: "Related claims" });
  await expect(related.getByRole("link").first()).toBeVisible();
  await expect(related.getByRole("link", { name: summary })).toHaveCount(0);
  expect(await seriousViolations(reader)).toEqual([]);
  await reader.context().close();
});

test("'Not a duplicate' leaves the keyboard at 'Seen before?' when no similar claim is left to mark", async ({ page }) => {
  await signIn(page, "reviewer");
  // Two claims in words no other claim has, so each is the other's only similar claim.
  const words = unique("Quokkas outnumber lighthouse keepers on Rottnest by 4,212 to 3");
  const record = async (summary: string) => {
    await page.goto("/desk/claims/new");
    await page.getByLabel("The claim's words").fill(words);
    await page.getByLabel("Summary").fill(summary);
    await page.getByLabel("Claimant").selectOption({ label: "The Guardian" });
    await page.getByLabel("Story").selectOption({ label: SEED_STORY });
    await page.getByRole("button", { name: "Record claim" }).click();
    await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
    return page.url().split("/desk/claims/")[1]!.split(/[?#]/)[0]!;
  };
  const first = unique("Quokkas outnumber keepers");
  await record(first);
  const second = await record(unique("Quokkas outnumber keepers, again"));
  const form = page.getByRole("form", { name: "Mark this claim as a duplicate of …" });
  await form.getByLabel("The earlier claim").selectOption({ label: first });
  await form.getByLabel("Why it is the same claim").fill("Recorded twice by mistake.");
  await form.getByRole("button", { name: "Mark as duplicate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked as a duplicate" })).toBeVisible();

  // Its words then change to a claim of its own: nothing similar is left on the desk.
  await page.goto(`/desk/claims/${second}/edit`);
  await page.getByLabel("The claim's words").fill(unique("Wombat burrows reach 30 metres under the ridge"));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Changes to the claim saved." })).toBeVisible();

  const notDuplicate = page.getByRole("form", { name: /^A duplicate of/ });
  await notDuplicate.getByLabel("Why it is not a duplicate").fill("A different claim since its words were corrected.");
  await notDuplicate.getByRole("button", { name: "Not a duplicate" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Marked as not a duplicate" })).toBeVisible();
  await expect(page.getByRole("form", { name: "Mark this claim as a duplicate of …" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Seen before?" })).toBeFocused();
});
