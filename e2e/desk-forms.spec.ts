import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { TEST_ACCOUNTS } from "./fixtures/accounts";
import { signIn, unique } from "./fixtures/auth";
import { SEED_STORY } from "./fixtures/seed";

test("the claim form shows every problem next to its field and keeps what was typed", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/desk/claims/new");
  const words = "A claim whose summary is far too long to fit";
  await page.getByLabel("The claim's words").fill(words);
  // The summary counts characters as the server does, never cuts what is typed, and says how far over it is.
  const summaryField = page.getByLabel("Summary");
  const count = page.locator("#summary-count");
  await expect(count).toHaveText("You have 120 characters remaining.");
  await summaryField.fill("😀".repeat(120));
  await expect(count).toHaveText("You have 0 characters remaining.");
  await expect(summaryField).toHaveValue("😀".repeat(120));
  await summaryField.fill("x".repeat(130));
  await expect(summaryField).toHaveValue("x".repeat(130));
  await expect(count).toHaveText("You have 10 characters too many.");
  // A screen reader hears the count once typing pauses.
  await expect(page.locator("[aria-live=polite]", { hasText: "You have 10 characters too many." })).toBeAttached();
  await page.getByLabel("Claimant").selectOption({ label: "A new claimant…" });
  await page.getByLabel("Date of the claim").fill("2025-13-40");
  await page.getByRole("button", { name: "Record claim" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toContainText("Please correct the fields marked below.");
  await expect(page.getByLabel("Summary")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("The summary has at most 120 characters.")).toBeVisible();
  await expect(page.getByText("Give the new claimant's name.")).toBeVisible();
  await expect(page.getByText("Choose whether the new claimant is a person or an organisation.")).toBeVisible();
  await expect(page.getByText("The date of the claim is not a real date: 2025-13-40 does not exist.")).toBeVisible();
  await expect(page.getByText("Choose a story.")).toBeVisible();
  // What was typed is still there.
  await expect(page.getByLabel("The claim's words")).toHaveValue(words);
  await expect(page.getByLabel("Date of the claim")).toHaveValue("2025-13-40");
  await expect(summaryField).toHaveValue("x".repeat(130));
  await expect(count).toHaveText("You have 10 characters too many.");
  // The error is tied to its field for screen readers.
  const describedBy = await page.getByLabel("Summary").getAttribute("aria-describedby");
  expect(describedBy).toContain("summary-error");
  expect(describedBy).toContain("summary-count");

  // The claimant choice survives the error, so fixing the fields and sending again records it.
  await expect(page.getByLabel("Claimant")).toHaveValue("new");
  const summary = unique("Claim recorded after a failed first try");
  await summaryField.fill(summary);
  await page.getByLabel("Name").fill(unique("Port authority"));
  await page.getByLabel("Kind").selectOption({ label: "Organisation" });
  await page.getByLabel("Date of the claim").fill("2025-04");
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
});

test("a new claimant with the name of one on the desk is asked about first", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/desk/claims/new");
  const summary = unique("Microsoft's terms, again");
  await page.getByLabel("The claim's words").fill("Our terms forbid mass surveillance of civilians.");
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ label: "A new claimant…" });
  await page.getByLabel("Name", { exact: true }).fill("microsoft");
  await page.getByLabel("Kind").selectOption({ label: "Organisation" });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  // Two claimants of one name would split their claims and show twice, alike, in every menu.
  const second = page.getByRole("checkbox", { name: "Add a second claimant of this name" });
  await expect(second).toBeFocused();
  await expect(second).toHaveAccessibleDescription(/^A claimant named “Microsoft” is on the desk already: choose them in the Claimant menu/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("microsoft");
  // The menu's name begins with "Claimant"; the box's own label also holds the word.
  await page.getByLabel(/^Claimant/).selectOption({ label: "Microsoft" });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  await expect(page.getByRole("link", { name: "Microsoft", exact: true }).first()).toBeVisible();
});

test("the source form refuses a javascript: address and keeps the other fields", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/desk/sources/new");
  const title = unique("Leaked memo");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Kind").selectOption({ label: "Leaked document" });
  await page.getByLabel("Web address").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText("The web address must start with http:// or https://, like https://www.example.org/page.")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Kind")).toHaveValue("leaked-document");
});

test("linking needs a quote for 'appears in', and a status change needs a reason", async ({ page }) => {
  await signIn(page, "reviewer");
  await recordClaim(page, unique("Claim for form checks"));

  const link = page.getByRole("form", { name: "Link a source" });
  await link.getByLabel("Source").selectOption({ index: 1 });
  await link.getByLabel("How it relates").selectOption({ label: "Appears in" });
  await link.getByLabel("Note (optional)").fill("kept note");
  await link.getByRole("button", { name: "Link source" }).click();
  await expect(link.getByText("Give the exact quote: this relation needs one.")).toBeVisible();
  await expect(link.getByLabel("Note (optional)")).toHaveValue("kept note");

  const status = page.getByRole("form", { name: "Change the status" });
  await status.getByLabel("Status").selectOption({ value: "false" });
  await status.getByRole("button", { name: "Save status" }).click();
  await expect(status.getByText("The reason is required.")).toBeVisible();
  await expect(status.getByLabel("Status")).toHaveValue("false");
});

test("a second save of the same claim from an older page is refused, showing what changed; nothing is lost", async ({ browser }) => {
  const first = await (await browser.newContext()).newPage();
  await signIn(first, "reviewer");
  await first.goto("/desk/claims/new");
  const summary = unique("Contested claim");
  await first.getByLabel("The claim's words").fill("Original words.");
  await first.getByLabel("Summary").fill(summary);
  await first.getByLabel("Claimant").selectOption({ label: "Microsoft" });
  await first.getByLabel("Story").selectOption({ label: SEED_STORY });
  await first.getByRole("button", { name: "Record claim" }).click();
  await expect(first.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  const editUrl = `${first.url().split(/[?#]/)[0]}/edit`;

  const second = await (await browser.newContext()).newPage();
  await signIn(second, "editor");
  await first.goto(editUrl);
  await second.goto(editUrl);

  await first.getByLabel("The claim's words").fill("Words saved first.");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByText("“Words saved first.”")).toBeVisible();

  await second.getByLabel("The claim's words").fill("Words saved second, from a stale page.");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("main").getByRole("alert")).toContainText("Someone else saved this claim");
  await expect(second.getByText("Words saved first.")).toBeVisible();
  // In the newsroom's words: what is saved now, with no version counter.
  await expect(second.getByRole("main").getByRole("alert")).not.toContainText("Version");
  // The stale edit is still in the form, to be re-applied by hand.
  await expect(second.getByLabel("The claim's words")).toHaveValue("Words saved second, from a stale page.");

  await first.reload();
  await expect(first.getByText("“Words saved first.”")).toBeVisible();

  // Having seen what changed, the second person saves again, now over the current version.
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByText("“Words saved second, from a stale page.”")).toBeVisible();

  // Changes to different fields: the refused form takes the other person's words in the field
  // this person left alone, so saving again keeps both changes rather than undoing theirs.
  await first.goto(editUrl);
  await second.goto(editUrl);
  await first.getByLabel("The claim's words").fill("Words a reviewer corrected.");
  await first.getByRole("button", { name: "Save changes" }).click();
  await expect(first.getByText("“Words a reviewer corrected.”")).toBeVisible();
  const newSummary = unique("Summary an editor sharpened");
  await second.getByLabel("Summary").fill(newSummary);
  await second.getByLabel("Date of the claim").fill("2025-04");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("main").getByRole("alert")).toContainText("Someone else saved this claim");
  await expect(second.getByLabel("The claim's words")).toHaveValue("Words a reviewer corrected.");
  await expect(second.getByLabel("Summary")).toHaveValue(newSummary);
  await expect(second.getByLabel("Date of the claim")).toHaveValue("2025-04");
  await second.getByRole("button", { name: "Save changes" }).click();
  await expect(second.getByRole("heading", { level: 1, name: newSummary })).toBeVisible();
  await expect(second.getByText("“Words a reviewer corrected.”")).toBeVisible();
});

test("desk pages and their forms, errors showing, have no serious axe violations", async ({ page }) => {
  test.slow();
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const serious = async () =>
    (await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze()).violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  await signIn(page, "editor");
  expect(await serious()).toEqual([]);
  await page.goto("/desk/claims/new");
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  // Focus goes to the first field with a problem.
  await expect(page.getByLabel("The claim's words")).toBeFocused();
  expect(await serious()).toEqual([]);
  await page.goto("/desk/claims/ice-tripled-azure-data");
  expect(await serious()).toEqual([]);
  await page.goto("/desk/sources/new");
  expect(await serious()).toEqual([]);
});

test("a reviewer edits a claimant: a bad address is refused in the form, a good edit is saved; readers see no page for a claimant with drafts only", async ({ page, browser }) => {
  await signIn(page, "reviewer");
  await page.goto("/desk/claims/new");
  const summary = unique("Claim by a claimant to edit");
  const name = unique("Council spokesperson");
  await page.getByLabel("The claim's words").fill("Words.");
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ label: "A new claimant…" });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Kind").selectOption({ label: "Person" });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit claimant" })).toBeVisible();
  await page.getByLabel("Web address").fill("javascript:alert(1)");
  await page.getByLabel("Short description").fill("Speaks for the council.");
  await page.getByRole("button", { name: "Save claimant" }).click();
  await expect(page.getByText("The web address must start with http:// or https://, like https://www.example.org/page.")).toBeVisible();
  await expect(page.getByLabel("Short description")).toHaveValue("Speaks for the council.");
  await page.getByLabel("Web address").fill("https://example.org/council");
  await page.getByRole("button", { name: "Save claimant" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByLabel("Web address")).toHaveValue("https://example.org/council");
  await expect(page.getByLabel("Short description")).toHaveValue("Speaks for the council.");
  // The claimant's only claim is a draft: no public page names them yet.
  const claimantId = page.url().split("/desk/claimants/")[1]!.split("/")[0]!;
  const reader = await (await browser.newContext()).newPage();
  expect((await reader.goto(`/claimants/${claimantId}`))?.status()).toBe(404);
});

test("a source to link is found by its title or publisher, and linked", async ({ page }) => {
  await signIn(page, "reviewer");
  // A source, then a claim: the menu narrows to what a search finds (lib/data/desk.test.ts
  // checks that an old source outside the usual menu is found the same way).
  const title = unique("Port ledger");
  await page.goto("/desk/sources/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Publisher or outlet").fill("Harbour Archive");
  await page.getByLabel("Kind").selectOption({ label: "Primary document" });
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page).toHaveURL(/\/desk\/sources\/[^/]+\/edit/);

  await recordClaim(page, unique("Claim to link by search"));

  const find = page.getByRole("search", { name: "Find a source to link" });
  await find.getByLabel("Find a source to link, by title or publisher").fill(title.toUpperCase());
  await find.getByRole("button", { name: "Find" }).click();
  await expect(page).toHaveURL(/findSource=/);
  const link = page.getByRole("form", { name: "Link a source" });
  const menu = link.getByLabel("Source");
  // The menu holds what matches, and says so to everyone, screen readers included.
  await expect(menu).toHaveAccessibleDescription(`1 source matches “${title.toUpperCase()}”; the menu holds it.`);
  await expect(menu.locator("option")).toHaveText(["Choose a source", title]);
  await expect(find.getByLabel("Find a source to link, by title or publisher")).toHaveValue(title.toUpperCase());
  expect(await seriousViolations(page)).toEqual([]);

  await menu.selectOption({ label: title });
  await link.getByLabel("How it relates").selectOption({ label: "Context" });
  await link.getByRole("button", { name: "Link source" }).click();
  await expect(page.getByRole("link", { name: `Edit link to ${title}` })).toBeVisible();

  // By publisher, in any case; and back to the usual menu.
  await find.getByLabel("Find a source to link, by title or publisher").fill("harbour archive");
  await find.getByRole("button", { name: "Find" }).click();
  await expect(menu.locator("option", { hasText: title })).toHaveCount(1);
  await page.getByRole("link", { name: "Show the usual sources" }).click();
  await expect(page).not.toHaveURL(/findSource=/);
  await expect(menu).toHaveAccessibleDescription(/^The menu holds (all \d+ sources\.|the sources this story cites most recently and the 50 newest of all [\d,]+ sources; not there\? Find it above\.)$/);
});

/** Records a claim of the seed story by Microsoft, with the given summary, and waits for its workspace. */
async function recordClaim(page: Page, summary: string): Promise<void> {
  await page.goto("/desk/claims/new");
  await page.getByLabel("The claim's words").fill("Words.");
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ label: "Microsoft" });
  await page.getByLabel("Story").selectOption({ label: SEED_STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
}

test("an editor whose publish is refused because a reviewer rated the claim first sees the new status and reason before publishing", async ({ page, browser }) => {
  await signIn(page, "reviewer");
  const summary = unique("Ferry fares rose by a third");
  await recordClaim(page, summary);
  const claimUrl = page.url().split("?")[0]!;
  const statusForm = page.getByRole("form", { name: "Change the status" });
  await statusForm.getByLabel("Status").selectOption({ value: "in-review" });
  await statusForm.getByLabel("Reason").fill("Gathering the fare tables.");
  await statusForm.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText("Reason for the status: Gathering the fare tables.")).toBeVisible();

  // The editor opens the claim; the reviewer rates it after that.
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editor");
  await editor.goto(claimUrl);
  await expect(editor.getByText("Reason for the status: Gathering the fare tables.")).toBeVisible();
  await statusForm.getByLabel("Status").selectOption({ value: "false" });
  await statusForm.getByLabel("Reason").fill("The fare tables show a rise of 5%.");
  await statusForm.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText("Reason for the status: The fare tables show a rise of 5%.")).toBeVisible();

  const publish = editor.getByRole("form", { name: "Draft: readers cannot see it" });
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(publish.getByRole("alert")).toContainText("Someone else saved this claim after you opened it, so your change was not saved.");
  const savedNow = async (field: string) => (await publish.getByRole("term").filter({ hasText: new RegExp(`^${field}, as saved now$`) }).locator("xpath=following-sibling::dd[1]").textContent())?.trim();
  expect(await savedNow("Status")).toBe("False");
  expect(await savedNow("Reason for the status")).toBe("The fare tables show a rise of 5%.");
  expect(await savedNow("Shown to readers")).toBe("No: a draft");
  expect(await savedNow("Summary")).toBe(summary);
  expect(await seriousViolations(editor)).toEqual([]);
  // Nothing was published; having seen the rating, the editor publishes it.
  const reader = await browser.newContext();
  expect((await reader.request.get(`/api/claims/${claimUrl.split("/").pop()}`)).status()).toBe(404);
  await reader.close();
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByRole("heading", { level: 2, name: "Published" })).toBeVisible();
  await editor.context().close();
});

test("the same action twice gives the keyboard back to its button and is announced again", async ({ page }) => {
  await signIn(page, "reviewer");
  await page.goto("/desk/claims/dell-ice-microsoft-licenses-2025");
  const form = page.getByRole("form", { name: "Add a note" });
  for (const words of [unique("First thought on the licence figures"), unique("Second thought on the licence figures")]) {
    await page.evaluate(() => {
      document.querySelectorAll("[role=status]").forEach((region) => region.setAttribute("data-before-action", ""));
      document.querySelectorAll("[role=status] *").forEach((words) => words.setAttribute("data-heard", ""));
    });
    await form.getByLabel("Your note").fill(words);
    await form.getByRole("button", { name: "Add note" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("region", { name: /^Notes/ }).getByText(words)).toBeVisible();
    // Heard in the live region that was there before the key was pressed: new words each time.
    await expect(page.locator("[role=status][data-before-action] p:not([data-heard])", { hasText: "Note added." })).toBeVisible();
    await expect(form.getByRole("button", { name: "Add note" })).toBeFocused();
  }
  // Each action has an address of its own, so a second is not the first one's page again.
  expect(new URL(page.url()).searchParams.get("at")).toMatch(/^[0-9a-z]+$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a form refused after an earlier success shows its problem, not the earlier success", async ({ page }) => {
    await signIn(page, "reviewer");
    await page.goto("/desk/claims/dell-ice-microsoft-licenses-2025");
    const form = page.getByRole("form", { name: "Add a note" });
    await form.getByLabel("Your note").fill(unique("A thought sent without scripts"));
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Note added." })).toBeVisible();
    expect(new URL(page.url()).searchParams.get("done")).toBe("note-added");
    // A note of spaces passes the browser's own check and is refused by ours. The page that
    // says so was once the last one's address again, "Note added." above the problem.
    await form.getByLabel("Your note").fill("   ");
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(form.getByText("The note is required.")).toBeVisible();
    await expect(page.getByText("Note added.")).toHaveCount(0);
    const refused = new URL(page.url());
    expect(refused.pathname).toBe("/desk/claims/dell-ice-microsoft-licenses-2025");
    expect([...refused.searchParams.keys()]).toEqual([]);
    // Scrolled to the form that says what is wrong, and only that form says it.
    expect(refused.hash).toBe("#note-form");
    await expect(page.locator("form#note-form")).toContainText("The note is required.");
    await expect(page.getByText("The note is required.")).toHaveCount(1);
  });

  test("a form sent after signing out in another tab leads to signing in, and back to the page", async ({ page }) => {
    await signIn(page, "reviewer");
    const claimPage = "/desk/claims/microsoft-calls-for-legal-boundaries";
    await page.goto(claimPage);
    const other = await page.context().newPage();
    await other.goto("/desk");
    await other.getByRole("button", { name: "Sign out" }).click();
    await expect(other).toHaveURL(/\/$/);
    // The layout's redirect to sign in was a 307, so the browser posted the note again to the
    // sign-in page, which answered "Server Action unavailable.": no form, nowhere to go.
    const form = page.getByRole("form", { name: "Add a note" });
    await form.getByLabel("Your note").fill(unique("Written after signing out elsewhere"));
    await form.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    expect(new URL(page.url()).searchParams.get("next")).toBe(claimPage);
    await page.getByLabel("Email").fill(TEST_ACCOUNTS.reviewer.email);
    await page.getByLabel("Password").fill(TEST_ACCOUNTS.reviewer.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // (The sign-in form's own #id comes along: the browser keeps a fragment through a redirect.)
    await expect(page).toHaveURL(new RegExp(`${claimPage}(#sign-in-form)?$`));
    await expect(page.getByRole("form", { name: "Add a note" })).toBeVisible();
  });

  test("a saved source says so where the page opens, not above the form scrolled to", async ({ page }) => {
    await signIn(page, "reviewer");
    // The edit form posts to its own id (#source-form); the address it is sent back to named no
    // part of its own, so the browser kept that one and opened at the form, past "Source saved.".
    await page.goto("/desk/sources/reuters-microsoft-ice/edit");
    await page.getByLabel("Description").fill(unique("Described without scripts"));
    await page.getByRole("button", { name: "Save source" }).click();
    await expect(page).toHaveURL(/\/desk\/sources\/reuters-microsoft-ice\/edit\?saved=1#saved-notice$/);
    await expect(page.getByRole("status").filter({ hasText: "Source saved." })).toBeInViewport();
  });
});
