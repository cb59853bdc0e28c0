import crypto from "node:crypto";
import fs from "node:fs";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { TEST_ACCOUNTS } from "./fixtures/accounts";
import { expectDesk, signIn, unique, uniqueAddress } from "./fixtures/auth";
import { publishClaim, readAsReader as read, rewriteSummary } from "./fixtures/claims";
import { ownServer, type OwnServer } from "./fixtures/own-server";
import type { DatabaseEngine } from "../lib/database-url";
import { startPostgres, type PostgresServer } from "../lib/testing/postgres-server";
import { startRedis, type TestRedis } from "../lib/testing/redis-server";

// Two `next start` processes of one production build, on one PostgreSQL database and one Redis,
// as several servers are run (docs/decisions/018-postgresql.md, 020-shared-cache-and-limits.md).
// A change made on the desk of server A is on server B's reader page, search and open data at B's
// next request; a session signed in on one is good on the other; the limits count the attempts
// made on both together; with Redis gone, both keep answering. Both servers and the database and
// Redis under them are this spec's own, started here on loopback and stopped after.
// Only where sessions and records live differs by engine, so on SQLite (two processes on one
// file, which README allows on one machine) only the session's journey runs again.

// Another pair of ports where other runs of this spec use these (E2E_SHARED_CACHE_PORT=3134: 3134 and 3135).
const A_PORT = Number(process.env.E2E_SHARED_CACHE_PORT ?? 3104);
const B_PORT = A_PORT + 1;

let redis: TestRedis;
let a: OwnServer;
let b: OwnServer;

test.describe.configure({ mode: "serial" });

/**
 * Starts servers A and B (into the variables above) for the tests of the describe it is called
 * in, on `engine`, with a Redis of their own, and stops them all after those tests.
 */
function twoServers(engine: DatabaseEngine): void {
  let postgres: PostgresServer | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    redis = await startRedis();
    // What every server of one newsroom shares (README, "Several server processes").
    const shared: Record<string, string> = { REDIS_URL: redis.url, BETTER_AUTH_SECRET: crypto.randomBytes(32).toString("base64url") };
    if (engine === "postgresql") {
      postgres = await startPostgres();
      // A database that does not exist yet: A migrates and seeds it and makes the test accounts.
      shared.E2E_DATABASE_URL = postgres.url("factline_e2e");
    }
    a = ownServer(A_PORT, shared);
    // B serves A's database as it is.
    b = ownServer(B_PORT, { ...shared, E2E_DATABASE_PORT: String(A_PORT) });
    await a.start();
    await b.start();
  });
  test.afterAll(async () => {
    await b?.stop();
    await a?.stop();
    await redis?.dispose();
    postgres?.stop();
  });
}

async function search(reader: APIRequestContext, origin: string, word: string): Promise<string[]> {
  const response = await reader.get(`${origin}/api/claims?q=${word}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
}

async function openDataTag(reader: APIRequestContext, origin: string): Promise<string> {
  const response = await reader.get(`${origin}/api/open-data/claims.json`);
  expect(response.status()).toBe(200);
  return response.headers().etag!;
}

/** A browser on `origin`'s sign-in page, from `address` (by default an address of its own). */
async function signInPage(browser: Browser, origin: string, address = uniqueAddress()) {
  const context = await browser.newContext({ baseURL: origin, extraHTTPHeaders: { "x-forwarded-for": address } });
  const page = await context.newPage();
  await page.goto("/sign-in");
  return page;
}

/** Signs in on A, works on B's desk with the same cookie, and signs out on B. */
async function sessionOnBothServers(browser: Browser): Promise<void> {
  const onA = await browser.newContext({ baseURL: a.origin });
  const editorOnA = await onA.newPage();
  await signIn(editorOnA, "editor");
  // The same cookie, and nothing else, taken to B.
  const onB = await browser.newContext({ baseURL: b.origin, storageState: await onA.storageState(), extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });
  const editorOnB = await onB.newPage();
  await editorOnB.goto("/desk");
  await expectDesk(editorOnB);
  const summary = unique("Recorded on server B");
  const { claimId } = await publishClaim(editorOnB, summary);
  await editorOnA.goto(`/desk/claims/${claimId}`);
  await expect(editorOnA.getByRole("heading", { level: 1, name: summary })).toBeVisible();

  // Without the cookie, B's desk asks who is there.
  const stranger = await browser.newContext({ baseURL: b.origin });
  const strangerPage = await stranger.newPage();
  await strangerPage.goto("/desk");
  await expect(strangerPage.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

  await editorOnB.goto("/desk");
  await editorOnB.getByRole("button", { name: "Sign out" }).click();
  await expect(editorOnB).toHaveURL(`${b.origin}/`);
  // A still sends the cookie; the session it named is gone from the database both servers read.
  await editorOnA.goto("/desk");
  await expect(editorOnA.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  for (const context of [onA, onB, stranger]) await context.close();
}

const SESSION_TITLE = "a session signed in on server A works on server B's desk, and signing out on B ends it on A";

const word = () => `zr${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe("on PostgreSQL", () => {
  twoServers("postgresql");

  test("a change on server A's desk is on server B's reader page, search and open data at B's next request", async ({ browser, playwright }) => {
    test.slow();
    const context = await browser.newContext({ baseURL: a.origin });
    const editor = await context.newPage();
    const reader = await playwright.request.newContext();
    await signIn(editor, "editor");

    const before = word();
    const { claimId } = await publishClaim(editor, unique(`Fares ${before}`));
    const claimPath = `/claims/${claimId}`;

    // B renders the page; A serves B's copy from the shared cache, never having rendered it.
    const onB = await read(reader, `${b.origin}${claimPath}`);
    expect(onB.html).toContain(before);
    const onA = await read(reader, `${a.origin}${claimPath}`);
    expect(onA.cache).toBe("HIT");
    expect(onA.html).toBe(onB.html);
    expect((await read(reader, `${b.origin}${claimPath}`)).cache).toBe("HIT");

    // B keeps answers to searches and the open data's version, the empty answer for the new word too.
    const after = word();
    expect(await search(reader, b.origin, before)).toEqual([claimId]);
    expect(await search(reader, b.origin, after)).toEqual([]);
    const tagBefore = await openDataTag(reader, b.origin);
    expect(await openDataTag(reader, b.origin)).toBe(tagBefore);

    const rewritten = unique(`Fares ${after}`);
    await rewriteSummary(editor, claimId, rewritten);

    // B's very next requests see it.
    const fresh = await read(reader, `${b.origin}${claimPath}`);
    expect(fresh.cache).not.toBe("HIT");
    expect(fresh.html).toContain(rewritten);
    expect(await search(reader, b.origin, after)).toEqual([claimId]);
    expect(await search(reader, b.origin, before)).toEqual([]);
    expect(await openDataTag(reader, b.origin)).not.toBe(tagBefore);
    await context.close();
    await reader.dispose();
  });

  test(SESSION_TITLE, async ({ browser }) => {
    test.slow();
    await sessionOnBothServers(browser);
  });

  test("one address's sign-in posts are counted once across both servers", async ({ request }) => {
    const from = uniqueAddress();
    const statuses: number[] = [];
    // 30 a minute per address (lib/rate-limit.ts), alternating servers: 15 reach each.
    for (let i = 0; i < 31; i++) {
      const origin = i % 2 === 0 ? a.origin : b.origin;
      const response = await request.post(`${origin}/sign-in`, { headers: { "x-forwarded-for": from, origin }, form: { email: "nobody@example.org", password: "not-it" } });
      statuses.push(response.status());
    }
    expect(statuses.slice(0, 30).filter((status) => status === 429)).toEqual([]);
    expect(statuses[30]).toBe(429);
  });

  test("a stranger's failed sign-ins at an account, made on both servers, are stopped at the count one server would, and the owner still signs in", async ({ browser }) => {
    const { email, password } = TEST_ACCOUNTS.reviewer;
    // Five tries an account from one address (lib/rate-limit.ts): three on A and two on B.
    // Counted apart, B would allow three more.
    const stranger = uniqueAddress();
    for (let i = 0; i < 5; i++) {
      const page = await signInPage(browser, i % 2 === 0 ? a.origin : b.origin, stranger);
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`${password}-wrong`);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByText("That email and password do not match an active account.")).toBeVisible();
      await page.context().close();
    }
    const page = await signInPage(browser, b.origin, stranger);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText(/^Too many wrong passwords for this account from here\. Try again in \d+ minutes\.$/)).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Desk" })).toHaveCount(0);
    await page.context().close();
    // The owner, from an address of their own, on either server.
    for (const origin of [a.origin, b.origin]) {
      const owner = await signInPage(browser, origin);
      await owner.getByLabel("Email").fill(email);
      await owner.getByLabel("Password").fill(password);
      await owner.getByRole("button", { name: "Sign in" }).click();
      await expectDesk(owner);
      await owner.context().close();
    }
  });

  test("one session's writes are counted once across both servers", async ({ request }) => {
    // 120 a minute per session (lib/rate-limit.ts), alternating servers: 60 reach each.
    const headers = { "x-forwarded-for": uniqueAddress(), cookie: `__Host-factline.session_token=flood-${word()}` };
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) {
      const response = await request.post(`${i % 2 === 0 ? a.origin : b.origin}/corrections`, { headers, form: { x: "1" } });
      statuses.push(response.status());
    }
    expect(statuses.slice(0, 120).filter((status) => status === 429)).toEqual([]);
    expect(statuses[120]).toBe(429);
  });

  test("with Redis gone, both servers keep answering readers and the desk, render every reader page afresh, and are shared again when it returns", async ({ browser, playwright }) => {
    test.slow();
    const context = await browser.newContext({ baseURL: a.origin });
    const editor = await context.newPage();
    // A request waiting on a dead Redis unbounded (about 20 s each with node-redis's defaults)
    // fails at this bound instead of passing late.
    const reader = await playwright.request.newContext({ timeout: 10_000 });
    await signIn(editor, "editor");
    const { claimId } = await publishClaim(editor, unique(`Tolls ${word()}`));
    await read(reader, `${b.origin}/claims/${claimId}`);

    // What each process logs from here on: a process may have logged a slow first connection
    // when it started (a loaded machine), which is not this outage.
    const logSince = new Map([a, b].map((server) => [server.logFile, fs.readFileSync(server.logFile, "utf8").length]));
    await redis.stop();
    for (const origin of [a.origin, b.origin]) {
      for (const path of [`/claims/${claimId}`, "/", `/api/claims?q=tolls`, "/api/open-data/claims.json", "/claimants"]) {
        const response = await reader.get(`${origin}${path}`);
        expect(response.status(), `${origin}${path}`).toBe(200);
      }
      // The desk, with the session A signed in (the cookie goes to both ports of 127.0.0.1).
      for (const path of ["/desk", `/desk/claims/${claimId}`]) {
        const response = await context.request.get(`${origin}${path}`, { timeout: 10_000 });
        expect(response.status(), `${origin}${path}`).toBe(200);
        expect(response.url(), `${origin}${path} is not the sign-in page`).toBe(`${origin}${path}`);
      }
    }
    // Signing in still works, each server counting the attempts on its own meanwhile.
    const onB = await browser.newContext({ baseURL: b.origin });
    await signIn(await onB.newPage(), "admin");
    await onB.close();
    // Nothing is kept in either process meanwhile, so B cannot serve a copy A's change made old.
    const rewritten = unique("Tolls rewritten while Redis is away");
    await rewriteSummary(editor, claimId, rewritten);
    for (const origin of [a.origin, b.origin]) {
      const page = await read(reader, `${origin}/claims/${claimId}`);
      expect(page.html, origin).toContain(rewritten);
      expect(page.cache, origin).not.toBe("HIT");
    }

    // Back (empty, as a restarted Redis without persistence is): shared again.
    await redis.start();
    await expect
      .poll(async () => {
        await read(reader, `${b.origin}/claims/${claimId}`);
        return (await read(reader, `${a.origin}/claims/${claimId}`)).cache;
      }, { timeout: 15_000 })
      .toBe("HIT");
    // Each process said so once, and once that it is back.
    // (Polled: a process reconnects on its own schedule, and its log line reaches the file after.)
    const count = (file: string, msg: string) =>
      fs.readFileSync(file, "utf8").slice(logSince.get(file)).split("\n").filter((line) => line.includes(`"msg":"${msg}`)).length;
    for (const server of [a, b]) {
      await expect
        .poll(async () => {
          await reader.get(`${server.origin}/`);
          return count(server.logFile, "redis is back");
        }, { message: server.origin, timeout: 15_000 })
        .toBe(1);
      expect(count(server.logFile, "redis unavailable"), server.origin).toBe(1);
    }
    await context.close();
    await reader.dispose();
  });
});

test.describe("on SQLite", () => {
  twoServers("sqlite");

  test(SESSION_TITLE, async ({ browser }) => {
    test.slow();
    await sessionOnBothServers(browser);
  });
});
