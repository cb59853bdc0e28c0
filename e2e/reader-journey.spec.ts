import { expect, test } from "@playwright/test";

const STORY_TITLE = "Microsoft denies ICE uses its technology for mass surveillance";

test("a reader follows a claim to its source and on to another claim", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2, name: STORY_TITLE })).toBeVisible();
  const claims = page.getByRole("article");
  await expect(claims).toHaveCount(12);
  // Each claim shows its status badge, claimant and source count.
  const first = claims.first();
  await expect(first.getByText(/^Status: /)).toBeAttached();
  await expect(first.getByText(/^\d+ sources?$/)).toBeVisible();
  await expect(first.getByText(/^Claimed by/)).toBeVisible();

  const summary = await first.getByRole("heading").innerText();
  await first.getByRole("link", { name: summary }).click();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Our rating:/ })).toBeVisible();
  await expect(page.getByText(/ means: /)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Why" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "History" })).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByText("Published")).toBeVisible();
  await expect(history.getByText("Claim recorded")).toHaveCount(0);

  // On to the Reuters report, which carries several statements, and from there to another claim.
  const sources = page.getByRole("region", { name: /^Sources/ });
  const sourceLink = sources.getByRole("link", { name: /^Reuters report/ });
  const sourceTitle = await sourceLink.innerText();
  await sourceLink.click();
  await expect(page.getByRole("heading", { level: 1, name: sourceTitle })).toBeVisible();
  const backlinks = page.getByRole("region", { name: /^Claims citing this source/ });
  await expect(backlinks.getByRole("link", { name: summary })).toBeVisible();
  await expect(backlinks.locator("mark").first()).toBeVisible();
  const other = backlinks.getByRole("heading", { level: 3 }).getByRole("link").filter({ hasNotText: summary }).first();
  const otherSummary = await other.innerText();
  await other.click();
  await expect(page.getByRole("heading", { level: 1, name: otherSummary })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Sources/ }).getByRole("link", { name: sourceTitle })).toBeVisible();
  expect(otherSummary).not.toBe(summary);
});

test("the claim page shows the exact words, who said them, each source's quote, and the notes", async ({ page }) => {
  await page.goto("/claims?q=tripled");
  await page.getByRole("article").first().getByRole("heading").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("tripled");
  await expect(page.getByText(/^Said by/)).toContainText("The Guardian");
  const sources = page.getByRole("region", { name: /^Sources/ });
  await expect(sources.getByText("Appears in").first()).toBeVisible();
  await expect(sources.locator("mark").first()).toContainText("tripled");
  // A source with no address says so instead of inventing one.
  await expect(sources.getByText("No link recorded").first()).toBeVisible();
});

test("a reader filters claims by status, and the filter is in a shareable URL", async ({ page }) => {
  await page.goto("/claims");
  await page.getByLabel("Status").selectOption({ label: "Not checkable" });
  await page.getByRole("button", { name: "Show claims" }).click();
  await expect(page).toHaveURL(/[?&]status=not-checkable(&|$)/);
  const cards = page.getByRole("article");
  await expect(cards.first()).toBeVisible();
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    await expect(cards.nth(i).getByText("Not checkable")).toBeVisible();
  }
  await expect(page.getByRole("link", { name: /^ICE declined to comment/ })).toBeVisible();

  // The same URL opened fresh shows the same view, with the filter still selected.
  const shared = page.url();
  await page.goto(shared);
  await expect(page.getByLabel("Status")).toHaveValue("not-checkable");
  await expect(page.getByRole("article")).toHaveCount(count);
});

test("filters by claimant and by source narrow the list", async ({ page }) => {
  await page.goto("/claims");
  await page.getByLabel("Claimant").selectOption({ label: "ICE (U.S. Immigration and Customs Enforcement)" });
  await page.getByRole("button", { name: "Show claims" }).click();
  await expect(page).toHaveURL(/claimant=/);
  for (const card of await page.getByRole("article").all()) {
    await expect(card.getByText(/^Claimed by/)).toContainText("ICE");
  }

  await page.goto("/sources");
  const sourceLink = page.getByRole("link", { name: /Guardian/ }).first();
  await sourceLink.click();
  await expect(page.getByRole("heading", { name: /^Claims citing this source/ })).toBeVisible();
  const citing = await page.getByRole("region", { name: /^Claims citing this source/ }).getByRole("heading", { level: 3 }).count();
  await page.getByRole("link", { name: "Filter the claims list by this source" }).click();
  await expect(page).toHaveURL(/source=/);
  await expect(page.getByRole("article")).toHaveCount(citing);
});

test('searching "tripled" finds The Guardian\'s claim first', async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search claims" }).fill("tripled");
  await page.getByRole("searchbox", { name: "Search claims" }).press("Enter");
  await expect(page).toHaveURL(/\/claims\?q=tripled/);
  const first = page.getByRole("article").first();
  await expect(first.getByRole("heading")).toContainText("tripled");
  await expect(first.getByText(/^Claimed by/)).toContainText("The Guardian");
});

test("search is case-insensitive and every word must match", async ({ page }) => {
  await page.goto("/claims?q=TRIPLED%20Azure");
  await expect(page.getByRole("article").first().getByRole("heading")).toContainText("tripled");
  await page.goto("/claims?q=tripled%20zzzqqq");
  await expect(page.getByText("No published claims match")).toBeVisible();
});

test("a search link shared with tracking parameters still shows its results", async ({ page }) => {
  await page.goto("/claims?q=tripled&utm_source=newsletter&utm_medium=email&fbclid=IwAR0abc");
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await expect(page.getByRole("article").first().getByRole("heading")).toContainText("tripled");
  await expect(page.getByRole("form", { name: "Filter claims" }).getByLabel("Words")).toHaveValue("tripled");
});

test("an unknown claim, source or claimant shows the 404 page", async ({ page }) => {
  for (const path of ["/claims/no-such-claim", "/sources/no-such-source", "/claimants/nobody", "/stories/nothing"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }
});

test("a bad filter in a link gets a plain message, not an error page", async ({ page }) => {
  const response = await page.goto("/claims?status=bogus");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("main").getByRole("alert")).toContainText('Parameter "status" must be one of');
  // A story's address where its id goes names no story: the menu says so rather than "Any story".
  await page.goto("/claims?story=no-such-story");
  await expect(page.getByLabel("Story")).toHaveValue("no-such-story");
  await expect(page.getByLabel("Story").locator("option:checked")).toHaveText("an unknown story");
  await expect(page.getByRole("main")).toContainText("No published claims match");
});

test("the methodology page lists every status with its definition", async ({ page }) => {
  await page.goto("/methodology");
  for (const label of ["Unverified", "In review", "Accurate", "Mostly accurate", "Misleading", "False", "Unsupported", "Not checkable"]) {
    await expect(page.getByRole("term").filter({ hasText: new RegExp(`^Status: ${label}$`) })).toBeVisible();
  }
});
