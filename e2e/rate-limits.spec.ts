import { expect, test } from "@playwright/test";
import { uniqueAddress as address } from "./fixtures/auth";

// Writes are limited per session and per address in proxy.ts (lib/rate-limit.ts), before any
// action runs. Each test sends from its own forwarded address, so it uses up no other test's.

test("a flood of sign-in posts from one address is answered 429 with Retry-After", async ({ request }) => {
  const from = address();
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) {
    const response = await request.post("/sign-in", { headers: { "x-forwarded-for": from }, form: { email: "nobody@example.org", password: "not-it" } });
    statuses.push(response.status());
    if (response.status() === 429) {
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      expect(await response.text()).toMatch(/Too many sign-in attempts from this address\. Try again in \d+ seconds\./);
    }
  }
  expect(statuses.slice(0, 30).every((status) => status !== 429)).toBe(true);
  expect(statuses[30]).toBe(429);
  // Reading is never limited.
  expect((await request.get("/sign-in", { headers: { "x-forwarded-for": from } })).status()).toBe(200);
});

test("one session's writes past 120 in a minute are answered 429, and another session's are not", async ({ request }) => {
  const from = address();
  // The production server's session cookie: the one name its session lookup reads, so the one the limit counts.
  const session = (id: string) => ({ "x-forwarded-for": from, cookie: `__Host-factline.session_token=flood-${id}` });
  const flood = `${Date.now()}`;
  let refused = null as Awaited<ReturnType<typeof request.post>> | null;
  for (let i = 0; i < 121 && !refused; i++) {
    const response = await request.post("/corrections", { headers: session(flood), form: { x: "1" } });
    if (response.status() === 429) refused = response;
    else expect(i).toBeLessThan(120);
  }
  expect(refused, "the 121st write").not.toBeNull();
  expect(Number(refused!.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused!.text()).toContain("Too many changes in a minute from this account");
  const other = await request.post("/corrections", { headers: session(`${flood}-other`), form: { x: "1" } });
  expect(other.status()).not.toBe(429);
});

test("posts from another site are refused before they count, so they cannot use up a newsroom's allowance", async ({ request }) => {
  const from = address();
  for (let i = 0; i < 35; i++) {
    const response = await request.post("/sign-in", { headers: { "x-forwarded-for": from, origin: "https://elsewhere.example" }, form: { email: "x@example.org", password: "y" } });
    expect(response.status()).toBe(403);
  }
  const own = await request.post("/sign-in", { headers: { "x-forwarded-for": from }, form: { email: "nobody@example.org", password: "not-it" } });
  expect(own.status()).not.toBe(429);
  expect(own.status()).not.toBe(403);
});
