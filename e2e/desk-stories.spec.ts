import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn, unique } from "./fixtures/auth";
import { publishClaim } from "./fixtures/claims";
import { SEED_STORY, SEED_STORY_SLUG } from "./fixtures/seed";

// Stories on the desk (issue 14 §2; docs/decisions/024-story-addresses-and-archive.md): an editor
// renames a story's address and archives it; signed-out readers follow its old addresses to the
// new one, and see it leave the lists while its page and claims stay.

// Each journey starts a story and publishes a claim in it before it begins: longer than most.
test.describe.configure({ timeout: 180_000 });

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
}

/** A new story, started on the desk's story list; returns its address. */
async function startStory(editor: Page, title: string): Promise<string> {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  await editor.goto("/desk/stories");
  const form = editor.getByRole("form", { name: "Start a story" });
  await form.getByLabel("Title").fill(title);
  await form.getByLabel("Address").fill(slug);
  await form.getByRole("button", { name: "Create story" }).click();
  await expect(form.getByRole("status")).toContainText(`Story created at /stories/${slug}.`);
  return slug;
}

/** A new story with one published claim; returns its address. */
async function publishedStory(editor: Page, title: string): Promise<string> {
  const slug = await startStory(editor, title);
  await publishClaim(editor, unique("The harbour's traffic fell by half"), unique("Harbour master"), title);
  return slug;
}

/**
 * Where a signed-out reader asking for `path` is sent, and how (no redirect followed). The first
 * rendering of a cached redirect carries its Location twice, the same both times (Next.js 16.4
 * appends the stored headers to a response the render already set it on; ADR 024): read as one.
 */
async function readerRedirect(reader: APIRequestContext, path: string): Promise<{ status: number; location: string | undefined }> {
  const response = await reader.get(path, { maxRedirects: 0 });
  const locations = response.headersArray().filter((header) => header.name.toLowerCase() === "location").map((header) => header.value);
  return { status: response.status(), location: new Set(locations).size === 1 ? locations[0] : locations.join(" | ") || undefined };
}

test("the desk's story list says whether readers can see a story, and links its title only once they can", async ({ page }) => {
  await signIn(page, "editor");
  const title = unique("Harbour lights");
  const slug = await startStory(page, title);
  const row = page.getByRole("list", { name: "Current stories" }).getByRole("listitem").filter({ hasText: `/stories/${slug} ` });
  // Its address answers "not found" to readers until a claim in it is published.
  await expect(row).toContainText("no claims yet: readers cannot see it");
  await expect(row.getByRole("link", { name: title, exact: true })).toHaveCount(0);
  await publishClaim(page, unique("The harbour's lights were dimmed"), unique("Harbour master"), title);
  await page.goto("/desk/stories");
  await expect(row).toContainText("1 claim, 1 published");
  await expect(row.getByRole("link", { name: title, exact: true })).toHaveAttribute("href", `/stories/${slug}`);
});

test("an editor moves a story to a new address by keyboard; its old addresses lead signed-out readers there for good", async ({ page, browser, request }) => {
  await signIn(page, "editor");
  const title = unique("Harbour dredging");
  const first = await publishedStory(page, title);
  // A reader's copy of the page is in the cache before the move.
  expect((await request.get(`/stories/${first}`)).status()).toBe(200);

  await page.goto("/desk/stories");
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: `Edit story “${title}”` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Edit story" })).toBeVisible();
  await expectNoSeriousViolations(page);
  const address = page.getByRole("textbox", { name: /^Address/ });
  await expect(address).toHaveValue(first);

  // Wrong addresses are refused in words, beside the field, and the keyboard is taken there.
  const refused: [string, string][] = [
    ["Not A Slug!", "The address uses lower-case letters, digits and single hyphens, like ice-contracts."],
    [SEED_STORY_SLUG, `Another story already uses the address “${SEED_STORY_SLUG}”.`],
  ];
  for (const [typed, message] of refused) {
    await address.focus();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.type(typed);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Please correct the fields marked below.");
    await expect(address).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await expect(address).toBeFocused();
  }
  await expectNoSeriousViolations(page);

  const second = `${first}-dredged`;
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(second);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/desk\/stories\?done=moved&at=[0-9a-z]+$/);
  await expect(page.getByRole("status").first()).toHaveText("Story saved at its new address. Its old address leads readers there.");
  await expect(page.getByRole("list", { name: "Current stories" })).toContainText(`/stories/${second}`);

  // A signed-out reader: a permanent redirect from the cached copy, and the page at the new address.
  expect(await readerRedirect(request, `/stories/${first}`)).toEqual({ status: 308, location: `/stories/${second}` });
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(`/stories/${first}`);
  await expect(reader).toHaveURL(new RegExp(`/stories/${second}$`));
  await expect(reader.getByRole("heading", { level: 1, name: title })).toBeVisible();

  // Moved again: the first address leads straight to the latest, as does the second.
  await page.getByRole("link", { name: `Edit story “${title}”` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `/stories/${first}` })).toBeVisible();
  const third = `${first}-closed`;
  await expect(address).toHaveValue(second);
  await address.fill(third);
  await expect(address).toHaveValue(third);
  await page.getByRole("button", { name: "Save story" }).click();
  await expect(page).toHaveURL(/\/desk\/stories\?done=moved&at=[0-9a-z]+$/);
  expect(await readerRedirect(request, `/stories/${first}`)).toEqual({ status: 308, location: `/stories/${third}` });
  expect(await readerRedirect(request, `/stories/${second}`)).toEqual({ status: 308, location: `/stories/${third}` });
  expect((await request.get(`/stories/${third}`)).status()).toBe(200);
  // Signed in, the per-request page redirects alike.
  expect((await page.request.get(`/stories/${first}`, { maxRedirects: 0 })).status()).toBe(308);

  // A story that takes the first address back wins over the old redirect.
  await page.getByRole("link", { name: `Edit story “${title}”` }).click();
  await expect(address).toHaveValue(third);
  await address.fill(first);
  await expect(address).toHaveValue(first);
  await page.getByRole("button", { name: "Save story" }).click();
  await expect(page).toHaveURL(/\/desk\/stories\?done=moved&at=[0-9a-z]+$/);
  expect((await request.get(`/stories/${first}`, { maxRedirects: 0 })).status()).toBe(200);
  expect(await readerRedirect(request, `/stories/${third}`)).toEqual({ status: 308, location: `/stories/${first}` });
  await readerContext.close();
});

test("an editor archives a story: readers no longer see it listed, its page and claims stay; unarchived, it is back", async ({ page, browser }) => {
  await signIn(page, "editor");
  const title = unique("Ferry timetable");
  const slug = await publishedStory(page, title);
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  // The story's page is read (and cached) first, so the home page's prefetch of it renders
  // nothing that could finish after the archiving (ADR 014's five-minute safety net).
  await reader.goto(`/stories/${slug}`);
  await expect(reader.getByText("Story", { exact: true })).toBeVisible();
  await reader.goto("/");
  await expect(reader.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await reader.waitForLoadState("networkidle");

  await page.goto("/desk/stories");
  await page.getByRole("button", { name: `Archive story “${title}”` }).click();
  await expect(page).toHaveURL(/\/desk\/stories\?done=archived&at=[0-9a-z]+$/);
  await expect(page.getByRole("status").first()).toHaveText("Story archived: readers no longer see it in lists and menus; its page and published claims stay.");
  await expect(page.getByRole("list", { name: "Archived stories" })).toContainText(title);
  await expect(page.getByRole("list", { name: "Current stories" })).not.toContainText(title);
  // The keyboard follows the story to its new list, on its Edit link, not on the button that
  // would now undo it, nor at the top of the page.
  await expect(page.getByRole("link", { name: `Edit story “${title}”` })).toBeFocused();
  await expectNoSeriousViolations(page);

  await reader.reload();
  await expect(reader.getByRole("heading", { level: 2, name: SEED_STORY })).toBeVisible();
  await expect(reader.getByRole("heading", { level: 2, name: title })).toHaveCount(0);
  await reader.goto("/claims");
  await expect(reader.getByLabel("Story").getByRole("option", { name: title })).toHaveCount(0);
  await reader.goto(`/stories/${slug}`);
  await expect(reader.getByText("Archived story", { exact: true })).toBeVisible();
  await expect(reader.getByText(/This story is archived/)).toBeVisible();
  await expectNoSeriousViolations(reader);
  // Its claims stay published, and its claims list names it while it is the filter.
  await reader.getByRole("link", { name: "Filter and search this story’s claims" }).click();
  // On the claims list before its menu is read: the story page has no field, and a value check
  // of what is not one fails at once instead of waiting.
  await expect(reader.getByRole("heading", { level: 1, name: "Claims" })).toBeVisible();
  await expect(reader.getByLabel("Story")).toHaveValue(/.+/);
  await expect(reader.getByLabel("Story").locator("option:checked")).toHaveText(`${title} (archived)`);
  await expect(reader.getByText("The harbour's traffic fell by half").first()).toBeVisible();

  await page.getByRole("button", { name: `Unarchive story “${title}”` }).click();
  await expect(page).toHaveURL(/\/desk\/stories\?done=unarchived&at=[0-9a-z]+$/);
  await expect(page.getByRole("status").first()).toHaveText("Story unarchived: readers see it with the current stories again.");
  await expect(page.getByRole("list", { name: "Current stories" })).toContainText(title);
  await expect(page.getByRole("link", { name: `Edit story “${title}”` })).toBeFocused();
  await reader.goto("/");
  await expect(reader.getByRole("heading", { level: 2, name: title })).toBeVisible();
  await reader.goto(`/stories/${slug}`);
  await expect(reader.getByText(/This story is archived/)).toHaveCount(0);
  await readerContext.close();
});

test("an editor finds a story by words of its title or its address, and goes back to the whole list", async ({ page }) => {
  await signIn(page, "editor");
  const title = unique("Lighthouse keepers");
  const slug = await startStory(page, title);

  const find = page.getByRole("searchbox", { name: "Find a story" });
  await expect(find).toHaveAccessibleDescription(/Words of its title, or of its address/);
  // Words from the middle of the title, in another case, by keyboard.
  await find.fill(title.slice(11).toUpperCase());
  await find.press("Enter");
  await expect(page).toHaveURL(/\/desk\/stories\?q=/);
  const current = page.getByRole("list", { name: "Current stories" });
  await expect(current.getByRole("listitem")).toHaveCount(1);
  await expect(current).toContainText(title);
  await expect(page.getByText(`1 current story matches “${title.slice(11).toUpperCase()}”.`)).toBeVisible();
  await expectNoSeriousViolations(page);

  // By its address (hyphens, where its title has spaces); then nothing, said in words.
  await find.fill(slug.slice(11));
  await page.getByRole("button", { name: "Find", exact: true }).click();
  await expect(current.getByRole("listitem")).toHaveCount(1);
  await find.fill("no story is called this");
  await find.press("Enter");
  await expect(page.getByText("No current story’s title or address holds “no story is called this”.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Current stories" })).toHaveCount(0);

  await page.getByRole("link", { name: "Show all" }).click();
  await expect(page).toHaveURL(/\/desk\/stories$/);
  await expect(page.getByRole("searchbox", { name: "Find a story" })).toHaveValue("");
  await expect(page.getByRole("list", { name: "Current stories" })).toContainText(title);
});
