import { expect, test, type Page } from "@playwright/test";
import { TEST_ACCOUNTS } from "./fixtures/accounts";
import { signIn, unique } from "./fixtures/auth";
import { SEED_STORY } from "./fixtures/seed";

async function recordClaim(page: Page, summary: string): Promise<string> {
  await page.getByRole("link", { name: "New claim" }).click();
  await page.getByLabel("The claim's words").fill(`${summary}: the city's budget for schools doubled in 2025.`);
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ label: "A new claimant…" });
  await page.getByLabel("Name").fill(unique("Mayor"));
  await page.getByLabel("Kind").selectOption({ label: "Person" });
  await page.getByLabel("Date of the claim").fill("2025-04");
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  return page.url().split("/desk/claims/")[1]!.split(/[?#]/)[0]!;
}

test("a fact-checker captures a claim, sources it with a quote, rates it; an editor publishes it; a reader sees it", async ({ browser }) => {
  test.slow(); // three people, three browsers
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer");
  await expect(reviewer.getByRole("heading", { level: 1, name: "Needs review" })).toBeVisible();

  const summary = unique("Mayor says school budget doubled");
  const claimId = await recordClaim(reviewer, summary);
  await expect(reviewer.getByText("Draft").first()).toBeVisible();

  // A new source with its captured text, started from the claim.
  const sourceTitle = unique("City budget report");
  await reviewer.getByRole("link", { name: "Add a new source" }).click();
  await reviewer.getByLabel("Title").fill(sourceTitle);
  await reviewer.getByLabel("Kind").selectOption({ label: "Primary document" });
  await reviewer.getByLabel("Publisher or outlet").fill("City of Example");
  await reviewer.getByLabel("Captured text").fill("Budget summary.\nSpending on schools rose from $10 million to $20 million —  a doubling — in 2025.\nEnd.");
  await reviewer.getByRole("button", { name: "Add source" }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/desk/claims/${claimId}`));

  // Link it with a quote typed with different spacing and dash: still found.
  const linkForm = reviewer.getByRole("form", { name: "Link a source" });
  await expect(linkForm.getByLabel("Source")).toHaveValue(/.+/);
  await linkForm.getByLabel("How it relates").selectOption({ label: "Supported by" });
  await linkForm.getByLabel("Exact quote").fill("Spending on schools rose from $10 million to $20 million - a doubling");
  await linkForm.getByRole("button", { name: "Link source" }).click();
  await expect(reviewer.getByText("Quote found in source")).toBeVisible();
  await expect(reviewer.getByRole("status").filter({ hasText: "Source linked." })).toBeVisible();

  const statusForm = reviewer.getByRole("form", { name: "Change the status" });
  await statusForm.getByLabel("Status").selectOption({ value: "accurate" });
  await statusForm.getByLabel("Reason").fill("The city's own budget report shows spending rising from $10M to $20M.");
  await statusForm.getByRole("button", { name: "Save status" }).click();
  await expect(reviewer.getByText("Reason for the status: The city's own budget report")).toBeVisible();

  // One note for the desk, one for readers.
  const noteForm = reviewer.getByRole("form", { name: "Add a note" });
  const internalNote = unique("Ready for the editor; the press office has not called back");
  await noteForm.getByLabel("Your note").fill(internalNote);
  await expect(noteForm.getByLabel("Readers will see this note")).not.toBeChecked();
  await noteForm.getByRole("button", { name: "Add note" }).click();
  await expect(reviewer.locator("#notes li", { hasText: internalNote })).toContainText("Internal: the desk only");
  await noteForm.getByLabel("Your note").fill("**Checked** against the city's [budget report](https://example.org/budget).");
  await noteForm.getByLabel("Readers will see this note").check();
  await noteForm.getByRole("button", { name: "Add note" }).click();
  await expect(reviewer.locator("#notes strong", { hasText: "Checked" })).toBeVisible();
  await expect(reviewer.locator("#notes li", { hasText: "Checked" })).toContainText("Public: readers see this note");

  // Readers cannot see the draft yet.
  const reader = await (await browser.newContext()).newPage();
  expect((await reader.goto(`/claims/${claimId}`))?.status()).toBe(404);

  // The editor assigns it, and the reviewer finds it in their queue.
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editor");
  await editor.goto(`/desk/claims/${claimId}`);
  const assign = editor.getByRole("form", { name: "Assign" });
  await assign.getByLabel("Reviewer").selectOption({ label: TEST_ACCOUNTS.reviewer.name });
  await assign.getByRole("button", { name: "Save assignment" }).click();
  await expect(editor.getByText(`Assigned to ${TEST_ACCOUNTS.reviewer.name}`)).toBeVisible();
  await reviewer.getByRole("link", { name: "My queue" }).click();
  // Rated accurate, so no longer waiting for review: the queue holds only claims still needing it.
  await expect(reviewer.getByRole("heading", { level: 1, name: "My queue" })).toBeVisible();
  await expect(reviewer.getByRole("link", { name: summary })).toHaveCount(0);

  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByRole("heading", { name: "Published" })).toBeVisible();

  // The reader now sees the claim, its status and reason, the quote check and the history.
  await reader.goto(`/claims/${claimId}`);
  await expect(reader.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  await expect(reader.getByRole("heading", { name: /Our rating:/ })).toContainText("Accurate");
  await expect(reader.getByRole("region", { name: /Our rating/ }).getByText("The city's own budget report shows spending")).toBeVisible();
  await expect(reader.getByText("Quote found in source")).toBeVisible();
  // The public history starts at publication: the desk's work before it, the assignment and
  // the reviewers' names stay on the desk.
  const history = reader.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history.getByText("Published")).toBeVisible();
  await expect(reader.getByRole("main")).not.toContainText(TEST_ACCOUNTS.reviewer.name);
  await expect(reader.getByRole("main")).not.toContainText(internalNote);
  // The public note's Markdown link is rendered, and safely.
  const notes = reader.getByRole("region", { name: "Notes from the fact-checkers" });
  await expect(notes.getByRole("link", { name: "budget report", exact: true })).toHaveAttribute("href", "https://example.org/budget");
});

test("a reviewer's queue lists the claims assigned to them, oldest first", async ({ browser }) => {
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer");
  const summary = unique("Queued claim");
  const claimId = await recordClaim(reviewer, summary);
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editor");
  await editor.goto(`/desk/claims/${claimId}`);
  await editor.getByRole("form", { name: "Assign" }).getByLabel("Reviewer").selectOption({ label: TEST_ACCOUNTS.reviewer.name });
  await editor.getByRole("button", { name: "Save assignment" }).click();
  await expect(editor.getByText(`Assigned to ${TEST_ACCOUNTS.reviewer.name}`)).toBeVisible();
  await reviewer.goto("/desk/queue");
  await expect(reviewer.getByRole("link", { name: summary })).toBeVisible();
  await reviewer.goto("/desk");
  await expect(reviewer.getByRole("link", { name: summary })).toBeVisible();
  // The list says how many claims wait (the rest are a page away past 200); a page link that
  // was altered or cut short says so instead of failing.
  await expect(reviewer.getByText(/^(\d+ claims?\.|Claims 1–200 of [\d,]+\.)$/)).toBeVisible();
  for (const list of ["/desk", "/desk/queue"]) {
    expect((await reviewer.goto(`${list}?cursor=eyJuIjoy`))?.status(), list).toBe(200);
    await expect(reviewer.getByRole("main").getByRole("alert")).toContainText("This link asks for a page of the list we cannot find.");
    await reviewer.getByRole("link", { name: "Start from the oldest claims" }).click();
    await expect(reviewer).toHaveURL(new RegExp(`${list}$`));
  }
});

test("an edit shows in the public history as before and after", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editor");
  const summary = unique("Claim to correct");
  const claimId = await recordClaim(editor, summary);
  const statusForm = editor.getByRole("form", { name: "Change the status" });
  await statusForm.getByLabel("Status").selectOption({ value: "unsupported" });
  await statusForm.getByLabel("Reason").fill("No record supports it.");
  await statusForm.getByRole("button", { name: "Save status" }).click();
  await expect(editor.getByText("Reason for the status: No record supports it.")).toBeVisible();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByRole("heading", { name: "Published" })).toBeVisible();
  await editor.getByRole("link", { name: "Edit claim" }).click();
  const corrected = `${summary} (corrected)`;
  await editor.getByLabel("Summary").fill(corrected);
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: corrected })).toBeVisible();

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/claims/${claimId}`);
  const history = reader.getByRole("region", { name: "History" });
  await expect(history.getByText("Claim edited")).toBeVisible();
  await expect(history.locator("del", { hasText: summary })).toBeVisible();
  await expect(history.locator("ins", { hasText: corrected })).toBeVisible();
});

test("an editor starts a story and records a claim in it; a reviewer cannot manage stories", async ({ browser }) => {
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editor");
  await editor.getByRole("link", { name: "Stories" }).click();
  const form = editor.getByRole("form", { name: "Start a story" });
  const slug = `contracts-${Date.now().toString(36)}`;
  const title = unique("ICE technology contracts");
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Address").fill("Not A Slug!");
  await form.getByRole("button", { name: "Create story" }).click();
  await expect(form.getByText("The address uses lower-case letters, digits and single hyphens, like ice-contracts.")).toBeVisible();
  await expect(form.getByLabel("Title")).toHaveValue(title);
  await form.getByLabel("Address").fill(slug);
  await form.getByRole("button", { name: "Create story" }).click();
  await expect(form.getByRole("status")).toContainText(`/stories/${slug}`);
  await editor.goto("/desk/claims/new");
  await expect(editor.getByLabel("Story").getByRole("option", { name: title })).toHaveCount(1);

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer");
  await expect(reviewer.getByRole("link", { name: "Stories" })).toHaveCount(0);
  expect((await reviewer.goto("/desk/stories"))?.status()).toBe(403);
});

test("a reviewer edits and deletes their note, edits and removes a link; the history keeps each step", async ({ page }) => {
  await signIn(page, "reviewer");
  const summary = unique("Claim with a note and a link");
  await recordClaim(page, summary);

  const noteForm = page.getByRole("form", { name: "Add a note" });
  await noteForm.getByLabel("Your note").fill("First thought.");
  await noteForm.getByRole("button", { name: "Add note" }).click();
  await expect(page.locator("#notes").getByText("First thought.")).toBeVisible();
  await page.getByRole("link", { name: "Edit note" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit note" })).toBeVisible();
  await page.getByRole("textbox", { name: "Note (required)" }).fill("Second thought.");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.locator("#notes").getByText("Second thought.")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete note" }).click();
  await expect(page.locator("#notes").getByText("Second thought.")).toHaveCount(0);
  // Its button went with the note: the keyboard is at the notes' heading, not the page's top.
  await expect(page.getByRole("heading", { level: 2, name: "Notes" })).toBeFocused();

  const link = page.getByRole("form", { name: "Link a source" });
  await link.getByLabel("Source").selectOption({ index: 1 });
  await link.getByLabel("How it relates").selectOption({ label: "Context" });
  await link.getByRole("button", { name: "Link source" }).click();
  const sources = page.getByRole("region", { name: "Sources" });
  await sources.getByRole("link", { name: /^Edit link to / }).click();
  // The workspace has a "Note (optional)" field too: wait for the edit page before typing.
  await expect(page.getByRole("heading", { level: 1, name: "Edit source link" })).toBeVisible();
  await page.getByLabel("Note (optional)").fill("Background only.");
  await page.getByRole("button", { name: "Save link" }).click();
  await expect(page.getByRole("region", { name: "Sources" }).getByText("Note: Background only.")).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("region", { name: "Sources" }).getByRole("button", { name: /^Unlink / }).click();
  await expect(page.getByRole("region", { name: "Sources" }).getByText("No source linked yet.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Sources" })).toBeFocused();

  const history = page.getByRole("region", { name: "History" });
  for (const kind of ["Annotation added", "Annotation edited", "Annotation deleted", "Source linked", "Source link edited", "Source unlinked"]) {
    await expect(history.getByText(kind, { exact: true })).toBeVisible();
  }
  await expect(history.locator("del", { hasText: "First thought." })).toBeVisible();
});
