import { expect, test, type APIResponse, type BrowserContext, type Page } from "@playwright/test";

const HOME = "/";
const CLAIM = "/claims/ice-tripled-azure-data";
const SIGN_IN = "/sign-in";
const SEARCH = "/claims?q=tripled";
const PAGES = [HOME, CLAIM, SIGN_IN, SEARCH];
const API = "/api/health";
/**
 * The presence of a session cookie is what sends a reader page's request to the per-request render
 * (docs/decisions/014-cached-reader-pages.md); its value does not matter to the proxy.
 */
const SIGNED_IN = { cookie: "factline.session_token=any-value" };

const STATIC_HEADERS: Record<string, string> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  "cross-origin-opener-policy": "same-origin",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
};

declare global {
  interface Window {
    __cspViolations: string[];
    __sameDocument?: boolean;
    __injected?: string;
    __next_f?: unknown[];
  }
}

/** Makes the browser send a session cookie, as a signed-in person's does. */
async function addSessionCookie(context: BrowserContext): Promise<void> {
  await context.addCookies([{ name: "factline.session_token", value: "any-value", url: test.info().project.use.baseURL! }]);
}

/** The response's CSP as directive name → sources. */
function policyOf(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"];
  expect(header, `CSP on ${response.url()}`).toBeTruthy();
  const directives = header!.split(";").map((d) => d.trim().split(/\s+/));
  return new Map(directives.filter((d) => d[0]).map(([name, ...sources]) => [name!, sources]));
}

function nonceOf(response: APIResponse): string {
  const scriptSrc = policyOf(response).get("script-src") ?? [];
  const nonces = scriptSrc.flatMap((s) => /^'nonce-(.+)'$/.exec(s)?.[1] ?? []);
  expect(nonces).toHaveLength(1);
  return nonces[0]!;
}

/** The nonce attribute of every <script> tag in the HTML (browsers hide it from the DOM). */
function scriptNonces(html: string): (string | null)[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((tag) => /\snonce="([^"]*)"/.exec(tag[0])?.[1] ?? null);
}

/** Records CSP violations the page reports, from before its first script runs. */
async function watchForViolations(page: Page): Promise<string[]> {
  const consoleErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) consoleErrors.push(message.text());
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return consoleErrors;
}

async function violations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations);
}

/** React has hydrated the document: it attaches its fiber to every element it adopts. */
async function expectHydrated(page: Page): Promise<void> {
  await expect
    .poll(() => page.locator("body").evaluate((body) => Object.keys(body).some((key) => key.startsWith("__reactFiber$"))))
    .toBe(true);
}

for (const path of [...PAGES, API]) {
  test(`${path} is sent with the security headers`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(200);
    const headers = response.headers();
    for (const [name, value] of Object.entries(STATIC_HEADERS)) expect(headers[name], name).toBe(value);
    if (path === API) {
      // JSON runs no script: the API gets the static headers only.
      expect(headers["content-security-policy"]).toBeUndefined();
    } else {
      expect(policyOf(response).get("frame-ancestors")).toEqual(["'none'"]);
    }
  });
}

test("each per-request page response has its own nonce, and the policy allows no inline script, plugin or framing", async ({ request }) => {
  const first = await request.get(SEARCH);
  const second = await request.get(SEARCH);
  const nonce = nonceOf(first);
  expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(nonceOf(second)).not.toBe(nonce);

  const policy = policyOf(first);
  expect(policy.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
  expect(policy.get("script-src-attr")).toEqual(["'none'"]);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("style-src")).not.toContain("'unsafe-inline'");
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  // The test server is plain http: upgrading its requests to https would break every page.
  expect(policy.has("upgrade-insecure-requests")).toBe(false);
});

test("a reader page comes from the cache, under one policy with no nonce that still refuses handlers, plugins and framing", async ({ request }) => {
  // Other specs visit this page too: past its revalidate time a read is STALE while the copy is
  // rendered again, so wait for a fresh copy, then read it twice.
  await expect.poll(async () => (await request.get(CLAIM)).headers()["x-nextjs-cache"], { timeout: 30_000 }).toBe("HIT");
  const first = await request.get(CLAIM);
  const second = await request.get(CLAIM);
  expect(first.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(await second.text()).toBe(await first.text());
  expect(second.headers()["content-security-policy"]).toBe(first.headers()["content-security-policy"]);
  const policy = policyOf(second);
  // The same HTML goes to every reader, so its inline data scripts cannot carry a per-request nonce.
  expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
  expect(policy.get("script-src-attr")).toEqual(["'none'"]);
  expect(policy.get("default-src")).toEqual(["'self'"]);
  expect(policy.get("style-src")).toEqual(["'self'"]);
  expect(policy.get("object-src")).toEqual(["'none'"]);
  expect(policy.get("base-uri")).toEqual(["'self'"]);
  expect(policy.get("form-action")).toEqual(["'self'"]);
  expect(policy.get("connect-src")).toEqual(["'self'"]);
  expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  expect(scriptNonces(await second.text()).filter((n) => n !== null)).toEqual([]);
});

test("the cached copies are reached only through the proxy, not by their own address", async ({ request }) => {
  for (const path of ["/cached/current/claims/ice-tripled-azure-data", "/cached/current", "/cached"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});

test("every script in a signed-in person's home page carries that response's nonce", async ({ request }) => {
  const response = await request.get(HOME, { headers: SIGNED_IN });
  expect(response.headers()["x-nextjs-cache"], "served from Next's page cache").toBeUndefined();
  const nonce = nonceOf(response);
  const nonces = scriptNonces(await response.text());
  expect(nonces.length).toBeGreaterThan(0);
  expect(nonces.filter((n) => n !== nonce)).toEqual([]);
});

for (const [path, headers] of [["/methodology", SIGNED_IN], ["/no-such-page", {}], ["/claims/no-such-claim/extra", {}]] as const) {
  test(`${path}${headers === SIGNED_IN ? " (signed in)" : ""} is rendered per request, so its scripts carry the nonce`, async ({ request }) => {
    const response = await request.get(path, { headers });
    // Checked first because it fails the same way every time: after a revalidatePath the first
    // visitor's render, nonce included, is what the cache keeps and serves to the next ones.
    expect(response.headers()["x-nextjs-cache"], "served from Next's page cache").toBeUndefined();
    const nonce = nonceOf(response);
    const nonces = scriptNonces(await response.text());
    expect(nonces.length).toBeGreaterThan(0);
    expect(nonces.filter((n) => n !== nonce)).toEqual([]);
  });
}

test("a nonce or policy sent by the client is replaced, not used", async ({ request }) => {
  const response = await request.get(SEARCH, {
    headers: { "x-nonce": "attacker", "content-security-policy": "script-src 'nonce-YXR0YWNrZXI='" },
  });
  const nonce = nonceOf(response);
  expect(nonce).not.toBe("YXR0YWNrZXI=");
  const html = await response.text();
  expect(html).not.toContain("YXR0YWNrZXI=");
  expect(scriptNonces(html).filter((n) => n !== nonce)).toEqual([]);
});

test("the home page, a claim, the sign-in page and a search load and hydrate with no CSP violation", async ({ page }) => {
  const consoleErrors = await watchForViolations(page);
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeAttached();
    await expectHydrated(page);
    expect(await page.evaluate(() => Array.isArray(window.__next_f))).toBe(true);
    expect(await violations(page), path).toEqual([]);
  }
  expect(consoleErrors).toEqual([]);
});

test("signed in, the home page and a claim load and hydrate with no CSP violation", async ({ page, context }) => {
  await addSessionCookie(context);
  const consoleErrors = await watchForViolations(page);
  for (const path of [HOME, CLAIM]) {
    const response = await page.goto(path);
    expect(response?.headers()["x-nextjs-cache"], path).toBeUndefined();
    await expectHydrated(page);
    expect(await violations(page), path).toEqual([]);
  }
  expect(consoleErrors).toEqual([]);
});

test("on a cached reader page, an inline event handler that reaches the HTML is blocked and reported", async ({ page }) => {
  const consoleErrors = await watchForViolations(page);
  await page.route(CLAIM, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace("</body>", `<img src="/missing.png" alt="" onerror="window.__injected = 'handler'"></body>`);
    await route.fulfill({ response, body: html });
  });
  await page.goto(CLAIM);
  await expectHydrated(page);
  await expect.poll(async () => (await violations(page)).map((v) => v.split(" ")[0])).toEqual(["script-src-attr"]);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  await expect.poll(() => consoleErrors.length).toBe(1);
});

test("script that reaches a per-request page's HTML without the nonce is blocked and reported", async ({ page, context }) => {
  await addSessionCookie(context);
  const consoleErrors = await watchForViolations(page);
  // What unescaped stored text would put in a page: an inline script and an inline handler. The
  // response keeps the server's headers, policy included.
  const injected = `<script>window.__injected = "script";</script><img src="/missing.png" alt="" onerror="window.__injected = 'handler'">`;
  await page.route(CLAIM, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: (await response.text()).replace("</body>", `${injected}</body>`) });
  });
  await page.goto(CLAIM);
  await expectHydrated(page);
  await expect
    .poll(async () => (await violations(page)).map((v) => v.split(" ")[0]).sort())
    .toEqual(["script-src-attr", "script-src-elem"]);
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  await expect.poll(() => consoleErrors.length).toBe(2);
});

test("the sign-in form shows a field error without reloading the page", async ({ page }) => {
  const consoleErrors = await watchForViolations(page);
  await page.goto(SIGN_IN);
  await expectHydrated(page);
  // Survives only if the form is submitted by the page's own JavaScript, not by a full reload.
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter an email address like name@example.org.");
  await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  expect(await violations(page)).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test("the session cookie is __Host-, Secure, HttpOnly and SameSite=Lax, and signing out clears it", async ({ request, baseURL }) => {
  const { formAction, formFields } = await import("../scripts/load/no-js-form");
  const { TEST_ACCOUNTS } = await import("./fixtures/accounts");
  const page = await request.get(SIGN_IN);
  const fields = formFields(await page.text(), 'name="password"');
  fields.set("email", TEST_ACCOUNTS.reviewer.email);
  fields.set("password", TEST_ACCOUNTS.reviewer.password);
  // As a browser without JavaScript sends the form; from an address of its own, for the limits.
  const headers = { origin: baseURL!, "x-forwarded-for": "198.51.100.250" };
  const signedIn = await request.post(SIGN_IN, { multipart: Object.fromEntries(fields), headers, maxRedirects: 0 });
  expect(signedIn.status()).toBe(303);
  const cookies = signedIn.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);
  const session = cookies.find((c) => c.startsWith("__Host-factline.session_token="));
  expect(session, cookies.join("\n")).toBeTruthy();
  const attributes = session!.split(";").slice(1).map((a) => a.trim().toLowerCase());
  expect(attributes).toEqual(expect.arrayContaining(["secure", "httponly", "samesite=lax", "path=/"]));
  // Host-only: a __Host- cookie may not name a domain, and browsers refuse one that does.
  expect(attributes.some((a) => a.startsWith("domain="))).toBe(false);
  // Every cookie Factline sets is out of scripts' reach.
  for (const cookie of cookies) expect(cookie.toLowerCase(), cookie.split("=")[0]).toContain("httponly");

  // Signing out ends the session and tells the browser to drop the cookie.
  const desk = await request.get("/desk");
  expect(desk.status()).toBe(200);
  const deskHtml = await desk.text();
  const signOut = formFields(deskHtml, "Sign out");
  const signedOut = await request.post(formAction(deskHtml, "Sign out", "/desk"), { multipart: Object.fromEntries(signOut), headers, maxRedirects: 0 });
  expect(signedOut.status()).toBe(303);
  const cleared = signedOut.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.startsWith("__Host-factline.session_token="));
  expect(cleared?.value.toLowerCase()).toMatch(/max-age=0|expires=thu, 01 jan 1970/);
  expect((await request.get("/desk", { maxRedirects: 0 })).status()).not.toBe(200);
});
