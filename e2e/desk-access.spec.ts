import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { TEST_ACCOUNTS } from "./fixtures/accounts";
import { expectDesk, signIn, unique, uniqueAddress } from "./fixtures/auth";
import { SEED_STORY } from "./fixtures/seed";

test("a signed-out visitor is sent to sign in from every desk page, and back to that page after", async ({ page }) => {
  for (const path of ["/desk", "/desk/queue", "/desk/claims/new", "/desk/sources/new", "/desk/claims/ice-tripled-azure-data", "/desk/insights?weeks=26"]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(/\/sign-in\?next=/);
    // The page asked for, not the desk's front page: a colleague's link leads where it says.
    expect(new URL(page.url()).searchParams.get("next"), path).toBe(path);
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  }
  const account = TEST_ACCOUNTS.editor;
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
  await page.goto("/desk/claims/ice-tripled-azure-data");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk\/claims\/ice-tripled-azure-data$/);
  await expectDesk(page);
});

test("sign-in refuses a wrong password and a disabled account with the same message", async ({ page }) => {
  const generic = "That email and password do not match an active account.";
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(TEST_ACCOUNTS.reviewer.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(generic);
  await expect(page.getByLabel("Email")).toHaveValue(TEST_ACCOUNTS.reviewer.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Email").fill(TEST_ACCOUNTS.disabled.email);
  await page.getByLabel("Password").fill(TEST_ACCOUNTS.disabled.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(generic);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("sign-out ends the session on the server, not just in the browser", async ({ page, playwright, baseURL }) => {
  await signIn(page, "reviewer");
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  // Replaying the old cookie gets nowhere: the session row is gone.
  const replay = await playwright.request.newContext({ baseURL, storageState: { cookies, origins: [] } });
  const res = await replay.get("/desk", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toContain("/sign-in");
  await replay.dispose();
});

test("a visit to /sign-out asks to sign out, and signing in never lands there", async ({ page }) => {
  await signIn(page, "reviewer");
  // A bookmark or a typed address: an empty 405 before ("This page isn't working").
  await page.goto("/sign-out");
  await expect(page).toHaveURL(/\/desk\/sign-out$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign out" })).toBeVisible();
  await expect(page.getByText("You are signed in as Rita Reviewer")).toBeVisible();
  await page.getByRole("button", { name: "Sign out of Factline" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/desk");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  // Signed out already: /sign-out leads home, as signing out does, not to a sign-in that asks to sign out.
  await page.goto("/sign-out");
  await expect(page).toHaveURL(/\/$/);
  // A sign-in link that names /sign-out as where to go next leads to the desk instead.
  await page.goto("/sign-in?next=%2Fsign-out");
  await page.getByLabel("Email").fill(TEST_ACCOUNTS.reviewer.email);
  await page.getByLabel("Password").fill(TEST_ACCOUNTS.reviewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/desk$/);
});

/** Captures the raw server-action POST a browser makes, to replay it with other credentials. */
async function captureAction(page: Page, click: () => Promise<void>) {
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await click();
  const r = await request;
  return { url: r.url(), body: r.postDataBuffer()!, headers: r.headers() };
}

async function replay(api: APIRequestContext, captured: Awaited<ReturnType<typeof captureAction>>) {
  // The captured request's own cookie is left out: the replaying context sends its own (or none).
  const headers = Object.fromEntries(Object.entries(captured.headers).filter(([name]) => name !== "cookie"));
  return api.post(captured.url, { headers, data: captured.body, maxRedirects: 0 });
}

test("a reviewer cannot publish: no button, and the raw publish action is refused and changes nothing", async ({ browser, playwright, baseURL }) => {
  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, "editor");
  await editor.goto("/desk/claims/new");
  const summary = unique("Claim the reviewer tries to publish");
  await editor.getByLabel("The claim's words").fill("Words.");
  await editor.getByLabel("Summary").fill(summary);
  await editor.getByLabel("Claimant").selectOption({ label: "Microsoft" });
  await editor.getByLabel("Story").selectOption({ label: SEED_STORY });
  await editor.getByRole("button", { name: "Record claim" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  const claimUrl = editor.url().split(/[?#]/)[0]!;
  const claimId = claimUrl.split("/").at(-1)!;

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer");
  await reviewer.goto(claimUrl);
  await expect(reviewer.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  await expect(reviewer.getByRole("button", { name: "Publish" })).toHaveCount(0);

  // Capture the editor's own publish request without letting it through.
  await editor.route("**/*", async (route) => (route.request().headers()["next-action"] ? route.abort() : route.continue()));
  const captured = await captureAction(editor, () => editor.getByRole("button", { name: "Publish" }).click());

  const reviewerApi = await playwright.request.newContext({ baseURL, storageState: await reviewer.context().storageState() });
  const anonymousApi = await playwright.request.newContext({ baseURL });
  for (const [api, refusal] of [
    [reviewerApi, "Your role does not allow this."],
    [anonymousApi, "Please sign in to do this."],
  ] as const) {
    const res = await replay(api, captured);
    expect(res.status()).toBeLessThan(500);
    expect(await res.text()).toContain(refusal);
  }
  await reviewerApi.dispose();
  await anonymousApi.dispose();

  // Still a draft: readers get 404.
  const reader = await (await browser.newContext()).newPage();
  expect((await reader.goto(`/claims/${claimId}`))?.status()).toBe(404);
  await reviewer.reload();
  await expect(reviewer.getByText("Draft").first()).toBeVisible();
});

test("a signed-out POST to the claim-creating action is refused and creates nothing", async ({ browser, playwright, baseURL }) => {
  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer");
  await reviewer.goto("/desk/claims/new");
  const summary = unique("Claim from a stranger");
  await reviewer.getByLabel("The claim's words").fill("Words.");
  await reviewer.getByLabel("Summary").fill(summary);
  await reviewer.getByLabel("Claimant").selectOption({ label: "Microsoft" });
  await reviewer.getByLabel("Story").selectOption({ label: SEED_STORY });
  await reviewer.route("**/*", async (route) => (route.request().headers()["next-action"] ? route.abort() : route.continue()));
  const captured = await captureAction(reviewer, () => reviewer.getByRole("button", { name: "Record claim" }).click());

  const anonymousApi = await playwright.request.newContext({ baseURL });
  const res = await replay(anonymousApi, captured);
  expect(res.status()).toBeLessThan(500);
  expect(await res.text()).toContain("Please sign in to do this.");
  await anonymousApi.dispose();

  await reviewer.unroute("**/*");
  await reviewer.goto("/desk");
  await expect(reviewer.getByRole("link", { name: summary })).toHaveCount(0);
});

test("repeated failed sign-ins for one account from one place are stopped for a while, in words, with 429", async ({ page }) => {
  // From an address of its own, so its failures count against no other test's sign-ins.
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
  await page.goto("/sign-in");
  // An address no other test signs in with, so the lock touches nobody else.
  const email = `locked-${Date.now()}@example.org`;
  const attempt = async (password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    // Wait for the answer, so the next attempt is not typed into a form about to be reset.
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "Sign in" }).click()]);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
    return response;
  };
  for (let i = 0; i < 5; i++) {
    expect((await attempt(`wrong-${i}`)).status()).toBe(200);
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an active account.");
  }
  const refused = await attempt("wrong-again");
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(500);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many wrong passwords for this account from here. Try again in 10 minutes.");
  // The form is still there, with the email as typed, for when the wait is over.
  await expect(page.getByLabel("Email")).toHaveValue(email);
  const again = await attempt("wrong-still");
  expect(again.status()).toBe(429);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many wrong passwords for this account from here. Try again in 10 minutes.");
});

test("an admin creates an account in the app; disabling it ends that person's session at once, and enabling it lets them back", async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  await admin.getByRole("link", { name: "Accounts" }).click();
  const form = admin.getByRole("form", { name: "Create an account" });
  const email = `new-${Date.now()}@example.org`;
  await form.getByLabel("Name").fill("Nina Newcomer");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption({ label: "Reviewer" });
  await form.getByLabel("First password").fill("password1");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByText("That password is too common; choose another.")).toBeVisible();
  await expect(form.getByLabel("First password")).toHaveValue("");
  await expect(form.getByLabel("Email")).toHaveValue(email);
  await form.getByLabel("First password").fill("tidal-lantern-orbit-42");
  await form.getByRole("button", { name: "Create account" }).click();
  await expect(form.getByRole("status")).toContainText(`Created Nina Newcomer <${email}> as reviewer.`);

  const newcomer = await (await browser.newContext()).newPage();
  await newcomer.goto("/sign-in");
  await newcomer.getByLabel("Email").fill(email);
  await newcomer.getByLabel("Password").fill("tidal-lantern-orbit-42");
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expectDesk(newcomer);
  // A reviewer has no Accounts screen.
  await expect(newcomer.getByRole("link", { name: "Accounts" })).toHaveCount(0);

  await admin.reload();
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: "Disable Nina Newcomer" }).click();
  const row = admin.getByRole("row", { name: new RegExp(email) });
  await expect(row.getByRole("cell", { name: /^Disabled/ })).toBeVisible();
  await newcomer.goto("/desk");
  await expect(newcomer).toHaveURL(/\/sign-in/);

  // Undone: before, a disabled account stayed so, and its email could not be given a new one.
  await row.getByRole("button", { name: "Enable Nina Newcomer" }).click();
  await expect(row.getByRole("button", { name: "Disable Nina Newcomer" })).toBeVisible();
  await expect(row.getByRole("cell", { name: /^Disabled/ })).toHaveCount(0);
  await newcomer.getByLabel("Email").fill(email);
  await newcomer.getByLabel("Password").fill("tidal-lantern-orbit-42");
  await newcomer.getByRole("button", { name: "Sign in" }).click();
  await expectDesk(newcomer);
});

test("a reviewer who opens the accounts screen is refused", async ({ page, browser }) => {
  await signIn(page, "reviewer");
  const response = await page.goto("/desk/admin/users");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Create an account" })).toHaveCount(0);

  // Without scripts the page says so too: Next.js sends an empty shell for forbidden() and the
  // server adds a copy of the page for browsers that run none (lib/http/fallback-pages.mjs).
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const plain = await context.newPage();
  expect((await plain.goto("/desk/admin/users"))?.status()).toBe(403);
  await expect(plain.getByRole("heading", { level: 1, name: "Not allowed" })).toBeVisible();
  await expect(plain.locator("html")).toHaveAttribute("lang", "en");
  await expect(plain.getByRole("heading", { name: "Create an account" })).toHaveCount(0);
  await plain.getByRole("link", { name: "Back to the desk" }).click();
  await expect(plain.getByRole("navigation", { name: "Desk" })).toBeVisible();
  await context.close();
});
