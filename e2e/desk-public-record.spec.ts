import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { TEST_ACCOUNTS } from "./fixtures/accounts";
import { signIn, unique } from "./fixtures/auth";
import { SEED_STORY } from "./fixtures/seed";

// What a reader's page shows of the desk's work on a claim: the record from publication on,
// public notes only, and a first rating after publication as an update, not a correction.
// (lib/data/public-visibility.test.ts walks every kind of desk write through the API, open
// data and the feed; this spec reads the page itself, as a browser shows it.)

async function saveStatus(page: Page, status: string, reason: string): Promise<void> {
  const form = page.getByRole("form", { name: "Change the status" });
  await form.getByLabel("Status").selectOption({ value: status });
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText(`Reason for the status: ${reason}`)).toBeVisible();
  await expectNotice(page, "Status saved.");
}

/** The notice an action leaves, in the live region screen readers announce. */
async function expectNotice(page: Page, text: string): Promise<void> {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

test("readers see the claim from its publication on, never the desk's drafts and notes; a first rating is an update", async ({ page, browser }) => {
  test.slow();
  await signIn(page, "editor");
  const summary = unique("Agency says its data stays in the country");
  const draftWords = unique("DRAFT-WORDING the agency keeps every record");
  const publicWords = "All of our data is stored in this country, the agency said.";
  const internalNote = unique("INTERNAL-NOTE their press officer sounded unsure");

  await page.goto("/desk/claims/new");
  await page.getByLabel("The claim's words").fill(draftWords);
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ label: "A new claimant…" });
  await page.getByLabel("Name").fill(unique("Data agency"));
  await page.getByLabel("Kind").selectOption({ label: "Organisation" });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  const claimId = page.url().split("/desk/claims/")[1]!.split(/[?#]/)[0]!;
  await expectNotice(page, "Claim recorded as a draft");

  await page.getByRole("link", { name: "Edit claim" }).click();
  await page.getByLabel("The claim's words").fill(publicWords);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();

  const noteForm = page.getByRole("form", { name: "Add a note" });
  await noteForm.getByLabel("Your note").fill(internalNote);
  await noteForm.getByRole("button", { name: "Add note" }).click();
  await expect(page.locator("#notes li", { hasText: internalNote })).toContainText("Internal: the desk only");
  await expectNotice(page, "Note added.");

  const assign = page.getByRole("form", { name: "Assign" });
  await assign.getByLabel("Reviewer").selectOption({ label: TEST_ACCOUNTS.reviewer.name });
  await assign.getByRole("button", { name: "Save assignment" }).click();
  await expect(page.getByText(`Assigned to ${TEST_ACCOUNTS.reviewer.name}`)).toBeVisible();
  await expectNotice(page, "Assignment saved.");

  await saveStatus(page, "in-review", "We are checking the agency's storage contracts.");
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("heading", { name: "Published" })).toBeVisible();
  await expectNotice(page, "Published: readers can see this claim now.");

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/claims/${claimId}`);
  await expect(reader.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  const main = reader.getByRole("main");
  await expect(main).toContainText(publicWords);
  for (const secret of [draftWords, internalNote, TEST_ACCOUNTS.reviewer.name, TEST_ACCOUNTS.editor.name]) await expect(main).not.toContainText(secret);
  await expect(reader.getByRole("region", { name: "Notes from the fact-checkers" })).toHaveCount(0);
  const history = reader.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Published");
  const api = await (await reader.request.get(`/api/claims/${claimId}`)).text();
  for (const secret of [draftWords, internalNote, TEST_ACCOUNTS.reviewer.name]) expect(api).not.toContain(secret);

  // Readers saw it in review: the first rating is an update, and asks for no correction note.
  const statusForm = page.getByRole("form", { name: "Change the status" });
  await expect(statusForm).toContainText("a new status is shown to them as an update");
  await expect(statusForm.getByLabel("Correction note")).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
  await saveStatus(page, "accurate", "The agency's contracts name only domestic data centres.");

  await reader.reload();
  const rating = reader.getByRole("region", { name: /Our rating/ });
  await expect(rating).toContainText("Accurate");
  await expect(rating.getByRole("list", { name: "Updates" })).toContainText("We gave our rating: Accurate. Until then this claim was shown as In review.");
  await expect(reader.getByRole("region", { name: /^Corrections?$/ })).toHaveCount(0);
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history).toContainText("Updated");
  await expect(history.locator("ins", { hasText: "The agency's contracts name only" })).toHaveCount(1);
  expect(await seriousViolations(reader)).toEqual([]);
  await reader.goto("/corrections");
  await expect(reader.getByRole("main")).not.toContainText(summary);
  await expect(await (await reader.request.get("/feed.atom")).text()).toContain(`Update: ${summary}: Accurate`);

  // On a published claim, a quote the source does not hold is asked about before it goes public.
  const linkForm = page.getByRole("form", { name: "Link a source" });
  await linkForm.getByLabel("Source").selectOption({ label: "Microsoft Denies ICE Using Its Technology for Mass Surveillance of Civilians" });
  await linkForm.getByLabel("How it relates").selectOption({ label: "Context" });
  await linkForm.getByLabel("Exact quote").fill("All of our data stays at home");
  await linkForm.getByRole("button", { name: "Link source" }).click();
  await expect(linkForm.getByText("it is not in the source's captured text")).toBeVisible();
  await linkForm.getByLabel("Publish the quote although it was not found").check();
  await linkForm.getByRole("button", { name: "Link source" }).click();
  await expectNotice(page, "Source linked.");
  await expect(page.getByRole("region", { name: "Sources" }).getByText("Quote not found in captured text")).toBeVisible();

  // Now readers have seen a rating: changing it is a correction.
  await page.reload();
  await expect(page.getByRole("form", { name: "Change the status" }).getByLabel("Correction note")).toBeVisible();
});
