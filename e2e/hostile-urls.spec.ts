import { expect, test } from "@playwright/test";
import { Visitor, formFields } from "../scripts/load/no-js-form";
import { TEST_ACCOUNTS } from "./fixtures/accounts";

// Hostile addresses against the production server (issue 6): very long, malformed and odd URLs and
// methods get a 4xx (JSON from the API), never a 5xx. The handlers' own checks are fuzzed in
// process by lib/api/routes-fuzz.test.ts; this is the HTTP layer in front of them.

const LONG = "a".repeat(10_000);

const PAGES = [
  `/claims/${LONG}`,
  `/sources/${LONG}`,
  `/claimants/${LONG}`,
  `/stories/${LONG}`,
  `/claims?q=${LONG}`,
  `/claims?q=%22&status=${LONG}`,
  "/claims?q=%E0%A4%A",
  "/claims?q=%ED%A0%80",
  "/claims?q=%zz",
  "/claims/%00",
  "/claims/%ED%A0%80",
  "/claims/..%2F..%2Fetc%2Fpasswd",
  "/claims/%3Cscript%3Ealert(1)%3C%2Fscript%3E",
  `/desk/claims/${LONG}`,
  "/sign-in?next=javascript:alert(1)",
  `/sign-in?next=${LONG}`,
];

const API = [
  `/api/claims?q=${LONG}`,
  `/api/claims/${LONG}`,
  `/api/sources/${LONG}`,
  "/api/claims?limit=1e309",
  "/api/claims?cursor=%00",
  "/api/claims/%ED%A0%80",
  `/api/open-data/claims.csv?${LONG}=1`,
  "/api/exports?format=csv",
];

test("long and malformed page addresses get a 4xx or a page, never a 5xx", async ({ request }) => {
  for (const path of PAGES) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), `${path.slice(0, 80)}…`).toBeLessThan(500);
  }
});

test("long and malformed API addresses get a 4xx with a JSON error, never a 5xx", async ({ request }) => {
  for (const path of API) {
    const response = await request.get(path, { maxRedirects: 0 });
    const label = `${path.slice(0, 80)}…: HTTP ${response.status()}`;
    expect(response.status(), label).toBeGreaterThanOrEqual(400);
    expect(response.status(), label).toBeLessThan(500);
    expect(response.headers()["content-type"], label).toContain("application/json");
    const body = (await response.json()) as { error?: { message?: unknown } };
    expect(typeof body.error?.message, label).toBe("string");
  }
});

test("pages answer GET, HEAD and POST only; the API its own methods; never a 5xx", async ({ request }) => {
  for (const method of ["PUT", "PATCH", "DELETE", "OPTIONS"] as const) {
    for (const path of ["/", "/claims", "/desk", "/sign-in"]) {
      const response = await request.fetch(path, { method, data: "x", maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow, `${method} ${path}`).toBe("GET, HEAD, POST");
    }
  }
  // The API reads only; a refusal says so in its JSON error shape, with the methods it answers.
  for (const method of ["PUT", "PATCH", "DELETE", "POST"] as const) {
    for (const path of ["/api/claims", "/api/open-data/claims.json", "/api/claims/ice-tripled-azure-data", "/api/no-such-route"]) {
      const response = await request.fetch(path, { method, data: "x", maxRedirects: 0 });
      expect(response.status(), `${method} ${path}`).toBe(405);
      expect(response.headers().allow, `${method} ${path}`).toBe("GET, HEAD, OPTIONS");
      expect(await response.json(), `${method} ${path}`).toEqual({ error: { code: "method_not_allowed", message: `The API answers GET, HEAD, OPTIONS only, not ${method}.` } });
    }
  }
  for (const path of ["/", "/claims"]) expect((await request.head(path)).status(), `HEAD ${path}`).toBe(200);
});

test("an API address that names no route gets the API's 404 in JSON, not the readers' page", async ({ request }) => {
  for (const path of ["/api", "/api/nope", "/api/claims/ice-tripled-azure-data/sources", "/api/open-data/claims.xml"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"], path).toContain("application/json");
    expect(await response.json(), path).toEqual({ error: { code: "not_found", message: "No API answers at this address." } });
  }
  // Routes that exist still answer.
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a page that is not there says so in its title; a corrections link cut short says it names no page", async ({ page }) => {
  for (const address of ["/claims/no-such-claim", "/no-such-page"]) {
    await page.goto(address);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page).toHaveTitle("Page not found · Factline");
  }
  for (const address of ["/corrections?cursor=garbage", "/corrections?cursor=a&cursor=b"]) {
    await page.goto(address);
    await expect(page.getByRole("main").getByRole("alert")).toContainText("This link asks for a page of the corrections we cannot find.");
    await expect(page.getByRole("list", { name: "Corrections, newest first" })).toHaveCount(0);
  }
  await page.getByRole("link", { name: "Start from the newest corrections" }).click();
  await expect(page).toHaveURL(/\/corrections$/);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
});

test("TRACE gets a 405 in words, on pages and the API alike", async ({ request }) => {
  for (const path of ["/", "/claims", "/desk", "/api/claims"]) {
    const response = await request.fetch(path, { method: "TRACE", maxRedirects: 0 });
    expect(response.status(), `TRACE ${path}`).toBe(405);
    expect(await response.text(), `TRACE ${path}`).toBe("This site does not answer TRACE requests.");
  }
  // A method Node.js does not know is refused by its own parser, before any of ours.
  expect((await request.fetch("/", { method: "TRACK", maxRedirects: 0 })).status()).toBe(400);
});

test("a client navigation with a router state the site never sends gets a 400 in words; the browser's own gets its page", async ({ page, request }) => {
  // The header a real client navigation sends, captured from the browser.
  const sent = page.waitForRequest((r) => r.headers().rsc === "1" && r.headers()["next-router-state-tree"] !== undefined);
  await page.goto("/claims");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Methodology" }).click();
  const state = (await sent).headers()["next-router-state-tree"]!;
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  for (const path of ["/sign-in", "/claims?q=azure", "/claims?claimant=the-guardian", "/claims/ice-tripled-azure-data", "/desk"]) {
    for (const bad of ["not-json", "%7B%22a%22%3A1%7D", "%E0%A4%A", encodeURIComponent(JSON.stringify([1, {}]))]) {
      const response = await request.get(path, { headers: { rsc: "1", "next-router-state-tree": bad } });
      const label = `${path} with ${bad}`;
      expect(response.status(), label).toBe(400);
      expect(await response.text(), label).toContain("Next-Router-State-Tree header is not one this site's pages send");
    }
    expect((await request.get(path, { headers: { rsc: "1", "next-router-state-tree": state } })).status(), path).toBeLessThan(400);
  }
});

const OFF_SITE = ["javascript:alert(1)", "https://evil.example/", "//evil.example/", "/\\evil.example", "/%2F/evil.example", "\t//evil.example"];
const isOnSite = (target: string) => target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\");

test("a sign-in link cannot send a person to another site or a script after signing in", async ({ page, baseURL }) => {
  for (const next of OFF_SITE) {
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    // The form carries where to go next; whatever the link said, it is a path on this site.
    const target = await page.locator('input[name="next"]').inputValue();
    expect(isOnSite(target), `${next} → ${target}`).toBe(true);
  }
  // Nor can a hand-made sign-in post: the action checks the address again.
  for (const [n, next] of OFF_SITE.entries()) {
    const visitor = new Visitor(baseURL!, `10.32.0.${n + 1}`);
    const fields = formFields((await visitor.get("/sign-in")).html, 'name="password"');
    fields.set("email", TEST_ACCOUNTS.reviewer.email);
    fields.set("password", TEST_ACCOUNTS.reviewer.password);
    fields.set("next", next);
    const result = await visitor.post("/sign-in", fields);
    expect(result.status, next).toBe(303);
    expect(isOnSite(result.location ?? ""), `${next} → ${result.location}`).toBe(true);
  }
});
