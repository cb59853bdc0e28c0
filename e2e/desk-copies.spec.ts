import { expect, test, type Page, type Response } from "@playwright/test";
import { signIn } from "./fixtures/auth";

// ADR 041: the insights and a claim finder come from a copy kept per person and state of the page,
// rendered once with a nonce of its own; each response still carries a nonce made for it alone.

const INSIGHTS = "/desk/insights";
const FINDER = "/desk/sources/microsoft-ice-article/finder";

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

function nonceOf(response: Response): string {
  const found = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "");
  expect(found, `a nonce in ${response.url()}'s policy`).not.toBeNull();
  return found![1]!;
}

/** The nonce attribute of every <script> tag in the HTML (browsers hide it from the DOM). */
function scriptNonces(html: string): (string | null)[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((tag) => /\snonce="([^"]*)"/.exec(tag[0])?.[1] ?? null);
}

async function watchForViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI || "inline"}`));
  });
}

/** React has hydrated the document: it attaches its fiber to every element it adopts. */
async function expectHydrated(page: Page): Promise<void> {
  await expect.poll(() => page.locator("body").evaluate((body) => Object.keys(body).some((key) => key.startsWith("__reactFiber$")))).toBe(true);
}

// A copy is named by the state of what it shows (and the insights' by the minute), so a story
// written by another test, or a minute passing, starts a new copy that is kept from its own second
// request. Tests therefore load until the copy answers, a bounded number of times.
const MOST_LOADS = 8;

for (const path of [INSIGHTS, FINDER]) {
  test(`${path} comes from the person's copy once asked again, each response with a nonce of its own on every script`, async ({ page }) => {
    await signIn(page, "editor");
    await watchForViolations(page);
    const seen: { nonce: string; html: string; cache: string | undefined }[] = [];
    const fromCopyTwice = () => seen.length >= 2 && seen.at(-1)!.cache === "HIT" && seen.at(-2)!.cache === "HIT";
    while (!fromCopyTwice() && seen.length < MOST_LOADS) {
      const response = (await page.goto(path))!;
      expect(response.status()).toBe(200);
      const html = await response.text();
      seen.push({ nonce: nonceOf(response), html, cache: response.headers()["x-nextjs-cache"] });
      expect(response.headers()["cache-control"]).toContain("no-store");
      expect(response.headers()["x-factline-copy-nonce"]).toBeUndefined();
      await expectHydrated(page);
      expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
    }
    expect(fromCopyTwice(), `two loads in a row from the copy, in ${seen.map((s) => s.cache ?? "rendered").join(", ")}`).toBe(true);
    expect(new Set(seen.map((s) => s.nonce)).size).toBe(seen.length);
    for (const { nonce, html } of seen) {
      const nonces = scriptNonces(html);
      expect(nonces.length).toBeGreaterThan(0);
      expect(nonces.filter((n) => n !== nonce)).toEqual([]);
    }
    const [before, last] = [seen.at(-2)!, seen.at(-1)!];
    // The copy is drawn as the desk page: its skip link passes the desk's menu, before any script.
    expect(last.html).toContain('href="#desk-content"');
    expect(last.html).not.toContain("/cached/");
    // Apart from the nonce, two responses from one copy are the same page.
    expect(last.html.replaceAll(last.nonce, "N")).toBe(before.html.replaceAll(before.nonce, "N"));
    await expect(page.getByRole("navigation", { name: "Desk" })).toContainText("Insights");
    await expect(page.getByText(/· Editor$/)).toBeVisible();
  });
}

test("moving between the desk's pages by its menu works with the copies, with no policy violation", async ({ page }) => {
  await signIn(page, "editor");
  await watchForViolations(page);
  await page.goto("/desk");
  await expectHydrated(page);
  const desk = page.getByRole("navigation", { name: "Desk" });
  for (let i = 0; i < 2; i += 1) {
    await desk.getByRole("link", { name: "Insights" }).click();
    await expect(page).toHaveURL(/\/desk\/insights$/);
    await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
    await desk.getByRole("link", { name: "Needs review" }).click();
    await expect(page).toHaveURL(/\/desk$/);
    await expect(page.getByRole("heading", { level: 1, name: "Needs review" })).toBeVisible();
  }
  await page.goto(FINDER);
  await page.getByRole("link", { name: "Record as claim (candidate 1)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a claim" })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Claim finder" })).toBeVisible();
  await expectHydrated(page);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
});

test("two people asking for the same page each get their own menu and name, never the other's", async ({ browser }) => {
  const people = [
    { who: "editor" as const, role: "Editor", stories: true },
    { who: "reviewer" as const, role: "Reviewer", stories: false },
  ];
  const pages = await Promise.all(people.map(async () => (await browser.newContext()).newPage()));
  await Promise.all(people.map((person, i) => signIn(pages[i]!, person.who)));
  // Interleaved, so that each has a copy kept while the other asks, until a round in which both
  // answers came from their copies.
  let bothFromCopies = false;
  for (let round = 0; round < MOST_LOADS && !bothFromCopies; round += 1) {
    bothFromCopies = true;
    for (const [i, person] of people.entries()) {
      const page = pages[i]!;
      const response = (await page.goto(INSIGHTS))!;
      expect(response.status()).toBe(200);
      const desk = page.getByRole("navigation", { name: "Desk" });
      await expect(page.getByText(new RegExp(`· ${person.role}$`))).toBeVisible();
      await expect(desk.getByRole("link", { name: "Stories" })).toHaveCount(person.stories ? 1 : 0);
      if (response.headers()["x-nextjs-cache"] !== "HIT") bothFromCopies = false;
    }
  }
  expect(bothFromCopies, "a round in which both people's pages came from their copies").toBe(true);
  await Promise.all(pages.map((page) => page.context().close()));
});

test("a reader page from the cache is tagged and answered 304 while it is the same; a person's desk copy is never tagged", async ({ page, request }) => {
  const CLAIM = "/claims/ice-tripled-azure-data";
  // Past its revalidate time a read is STALE while the copy is made again: wait for a kept one.
  await expect.poll(async () => (await request.get(CLAIM)).headers()["x-nextjs-cache"], { timeout: 30_000 }).toBe("HIT");
  const first = await request.get(CLAIM);
  const etag = first.headers()["etag"];
  expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  const again = await request.get(CLAIM, { headers: { "if-none-match": etag! } });
  expect(again.status()).toBe(304);
  expect(await again.body()).toHaveLength(0);
  expect((await request.get(CLAIM, { headers: { "if-none-match": '"something-else"' } })).status()).toBe(200);

  await signIn(page, "editor");
  for (let i = 0; i < 3; i += 1) {
    const response = (await page.goto(INSIGHTS))!;
    expect(response.headers()["etag"]).toBeUndefined();
  }
});
