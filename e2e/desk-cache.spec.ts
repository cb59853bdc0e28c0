import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn, unique } from "./fixtures/auth";
import { publishClaim, readAsReader as read, rewriteSummary } from "./fixtures/claims";

// Reader pages come from Next.js's cache (docs/decisions/014-cached-reader-pages.md). These tests
// watch the cache from a reader's side: `x-nextjs-cache: HIT` is a copy served from the cache,
// anything else a fresh render. Every record here is the test's own, so the parallel tests'
// writes, which expire only the tags of what they change, cannot touch these pages.

/** Reads a page until the cache serves it, and returns what it serves. */
async function warm(reader: APIRequestContext, path: string): Promise<string> {
  await read(reader, path);
  // A claims list is kept from its second request (lib/cache/list-admission.ts), a page from its first.
  if (path.startsWith("/claims?")) await read(reader, path);
  const again = await read(reader, path);
  expect(again.cache, `${path} is served from the cache once it has been kept`).toBe("HIT");
  return again.html;
}

test("a change is on the cached reader pages at once, and pages it does not touch stay cached", async ({ page: editor, playwright }) => {
  test.slow(); // two claims recorded and published through the desk
  const reader = await playwright.request.newContext();
  await signIn(editor, "editor");
  const first = await publishClaim(editor, unique("Cached claim to edit"), unique("Harbour master"));
  // In words of its own: a claim that looked like the first would list it as related, and its
  // page would rightly change with it (ADR 030).
  const other = await publishClaim(editor, unique("Cached claim left alone"), unique("Port authority"), undefined, "Ferry timetables stayed the same through the winter.");

  const otherClaimPage = await warm(reader, `/claims/${other.claimId}`);
  const otherClaimantPage = await warm(reader, `/claimants/${other.claimantId}`);
  await warm(reader, `/claims/${first.claimId}`);
  await warm(reader, `/claimants/${first.claimantId}`);
  // The claims list, filtered (lib/cache/claim-list.ts): one cached copy per set of filters.
  const firstList = `/claims?claimant=${first.claimantId}&status=unsupported`;
  await warm(reader, firstList);

  // The editor rewrites the first claim's summary.
  const rewritten = unique("Rewritten summary");
  await rewriteSummary(editor, first.claimId, rewritten);

  // The very next read of each page that shows the claim has the new summary.
  const claimPage = await read(reader, `/claims/${first.claimId}`);
  expect(claimPage.cache).not.toBe("HIT");
  expect(claimPage.html).toContain(rewritten);
  const claimantPage = await read(reader, `/claimants/${first.claimantId}`);
  expect(claimantPage.cache).not.toBe("HIT");
  expect(claimantPage.html).toContain(rewritten);
  const listPage = await read(reader, firstList);
  expect(listPage.cache).not.toBe("HIT");
  expect(listPage.html).toContain(rewritten);
  // And that fresh copy is what the cache serves from then on.
  expect((await read(reader, `/claims/${first.claimId}`)).cache).toBe("HIT");

  // The other claim and its claimant share the story, not the claim: still the same cached copies.
  const otherClaim = await read(reader, `/claims/${other.claimId}`);
  expect(otherClaim.cache).toBe("HIT");
  expect(otherClaim.html).toBe(otherClaimPage);
  const otherClaimant = await read(reader, `/claimants/${other.claimantId}`);
  expect(otherClaimant.cache).toBe("HIT");
  expect(otherClaimant.html).toBe(otherClaimantPage);
  await reader.dispose();
});

test("renaming a claimant changes every cached claim page that names them, and only those", async ({ page: editor, playwright }) => {
  test.slow();
  const reader = await playwright.request.newContext();
  await signIn(editor, "editor");
  const oldName = unique("Deputy mayor");
  const renamed = await publishClaim(editor, unique("Claim by a claimant to rename"), oldName);
  // In words of its own, so its page lists no other test's claim as related (ADR 030): a change
  // to one of those would rightly change this page too.
  const other = await publishClaim(editor, unique("Claim by a claimant kept"), unique("Treasurer"), undefined, "Library opening hours were cut on Sundays.");
  expect(await warm(reader, `/claims/${renamed.claimId}`)).toContain(oldName);
  const otherPage = await warm(reader, `/claims/${other.claimId}`);

  const newName = unique("First deputy mayor");
  await editor.goto(`/desk/claimants/${renamed.claimantId}/edit`);
  await editor.getByRole("textbox", { name: /^Name/ }).fill(newName);
  await editor.getByRole("button", { name: "Save claimant" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: newName })).toBeVisible();

  const claimPage = await read(reader, `/claims/${renamed.claimId}`);
  expect(claimPage.html).toContain(newName);
  expect(claimPage.html).not.toContain(oldName);
  const untouched = await read(reader, `/claims/${other.claimId}`);
  expect(untouched.cache).toBe("HIT");
  expect(untouched.html).toBe(otherPage);
  await reader.dispose();
});

test("unpublishing takes the claim off the cached reader pages at once", async ({ page: editor, playwright }) => {
  const reader = await playwright.request.newContext();
  await signIn(editor, "editor");
  const summary = unique("Claim to unpublish");
  const { claimId, claimantId } = await publishClaim(editor, summary, unique("Lighthouse keeper"));
  await warm(reader, `/claims/${claimId}`);
  await editor.goto(`/desk/claims/${claimId}`);
  await editor.getByRole("button", { name: "Unpublish" }).click();
  await expect(editor.getByRole("heading", { name: "Draft: readers cannot see it" })).toBeVisible();
  expect((await reader.get(`/claims/${claimId}`)).status()).toBe(404);
  // The claimant's only claim is gone from view, so their page is too.
  expect((await reader.get(`/claimants/${claimantId}`)).status()).toBe(404);
  await reader.dispose();
});

test("a search asked before a change finds what the change made at once, and stops finding it when it is unpublished", async ({ page: editor, playwright }) => {
  // Search answers are kept in the data cache (lib/search.ts), the empty one too.
  const reader = await playwright.request.newContext();
  const word = `zq${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const search = async () => (await (await reader.get(`/api/claims?q=${word}`)).json()) as { items: { id: string }[]; total: number };
  const searchPage = async () => (await reader.get(`/claims?q=${word}`)).text();
  expect(await search()).toMatchObject({ items: [], total: 0 });
  expect(await searchPage()).toContain("No published claims match");

  await signIn(editor, "editor");
  const { claimId } = await publishClaim(editor, unique(`Searchable ${word}`), unique("Ferry pilot"));
  expect((await search()).items.map((item) => item.id)).toEqual([claimId]);
  expect(await searchPage()).toContain(`/claims/${claimId}`);

  await editor.goto(`/desk/claims/${claimId}`);
  await editor.getByRole("button", { name: "Unpublish" }).click();
  await expect(editor.getByRole("heading", { name: "Draft: readers cannot see it" })).toBeVisible();
  expect(await search()).toMatchObject({ items: [], total: 0 });
  expect(await searchPage()).toContain("No published claims match");
  await reader.dispose();
});

test("a signed-in person gets reader pages rendered for them, never the cached copy", async ({ page }) => {
  await signIn(page, "reviewer");
  const response = await page.goto("/claims/ice-tripled-azure-data");
  expect(response?.status()).toBe(200);
  expect(response?.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(response?.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
});

test("an open-data file is answered 304 while it is current, and in full once a change reaches it", async ({ page: editor, playwright }) => {
  test.slow();
  const reader = await playwright.request.newContext();
  const file = "/api/open-data/claims.csv";
  const first = await reader.get(file);
  expect(first.status()).toBe(200);
  expect(first.headers()["etag"]).toMatch(/^W\/".+"$/);
  // Browsers ask again each time; a shared cache may keep it for a minute (no edge purge is
  // configured on the test server), under the key every published change purges and the one a
  // restore purges.
  expect(first.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=30");
  expect(first.headers()["surrogate-key"]).toBe("site published");
  // The tests running alongside publish claims too, which rightly changes the file: ask until a
  // moment with no change between the two requests.
  let etag = "";
  await expect
    .poll(async () => {
      etag = (await reader.get(file)).headers()["etag"]!;
      return (await reader.get(file, { headers: { "If-None-Match": etag } })).status();
    }, { timeout: 30_000 })
    .toBe(304);

  await signIn(editor, "editor");
  const summary = unique("Claim new to the open data");
  await publishClaim(editor, summary, unique("Ferry captain"));
  const after = await reader.get(file, { headers: { "If-None-Match": etag } });
  expect(after.status()).toBe(200);
  expect(after.headers()["etag"]).not.toBe(etag);
  expect(await after.text()).toContain(summary);
  await reader.dispose();
});
