import fs from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn, unique, uniqueAddress } from "./fixtures/auth";
import { ownServer } from "./fixtures/own-server";
import { SEED_STORY } from "./fixtures/seed";
import { startRedis, type TestRedis } from "../lib/testing/redis-server";

// Two `next start` processes of one production build, on one SQLite file and one Redis
// (docs/decisions/020-shared-cache-and-limits.md). A change made on the desk of server A is on
// server B's reader page, search and open data at B's next request; with Redis gone, both keep
// answering.

const A_PORT = 3104;
const B_PORT = 3105;

let redis: TestRedis;
let a: ReturnType<typeof ownServer>;
let b: ReturnType<typeof ownServer>;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  redis = await startRedis();
  a = ownServer(A_PORT, { REDIS_URL: redis.url });
  b = ownServer(B_PORT, { REDIS_URL: redis.url, E2E_DATABASE_PORT: String(A_PORT) });
  await a.start();
  await b.start();
});

test.afterAll(async () => {
  await b?.stop();
  await a?.stop();
  await redis?.dispose();
});

async function read(reader: APIRequestContext, url: string): Promise<{ cache: string | undefined; html: string }> {
  const response = await reader.get(url);
  expect(response.status(), url).toBe(200);
  return { cache: response.headers()["x-nextjs-cache"], html: await response.text() };
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

async function publishClaim(editor: Page, summary: string): Promise<string> {
  await editor.goto("/desk/claims/new");
  await editor.getByLabel("The claim's words").fill("The ferry's fares doubled in 2025.");
  await editor.getByLabel("Summary").fill(summary);
  await editor.getByLabel("Claimant").selectOption({ label: "A new claimant…" });
  await editor.getByLabel("Name", { exact: true }).fill(unique("Ferry operator"));
  await editor.getByLabel("Kind").selectOption({ label: "Person" });
  await editor.getByLabel("Story").selectOption({ label: SEED_STORY });
  await editor.getByRole("button", { name: "Record claim" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  const claimId = editor.url().split("/desk/claims/")[1]!.split(/[?#]/)[0]!;
  const statusForm = editor.getByRole("form", { name: "Change the status" });
  await statusForm.getByLabel("Status").selectOption({ value: "unsupported" });
  await statusForm.getByLabel("Reason").fill("The fare tables do not show it.");
  await statusForm.getByRole("button", { name: "Save status" }).click();
  await expect(editor.getByText("Reason for the status: The fare tables do not show it.")).toBeVisible();
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.getByRole("heading", { name: "Published" })).toBeVisible();
  return claimId;
}

async function rewriteSummary(editor: Page, claimId: string, summary: string): Promise<void> {
  await editor.goto(`/desk/claims/${claimId}/edit`);
  await editor.getByLabel("Summary").fill(summary);
  await editor.getByRole("button", { name: "Save changes" }).click();
  await expect(editor.getByRole("heading", { level: 1, name: summary })).toBeVisible();
}

const word = () => `zr${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("a change on server A's desk is on server B's reader page, search and open data at B's next request", async ({ browser, playwright }) => {
  test.slow();
  const context = await browser.newContext({ baseURL: a.origin });
  const editor = await context.newPage();
  const reader = await playwright.request.newContext();
  await signIn(editor, "editor");

  const before = word();
  const claimId = await publishClaim(editor, unique(`Fares ${before}`));
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

test("with Redis gone, both servers keep answering at once, render every reader page afresh, and are shared again when it returns", async ({ browser, playwright }) => {
  test.slow();
  const context = await browser.newContext({ baseURL: a.origin });
  const editor = await context.newPage();
  const reader = await playwright.request.newContext({ timeout: 10_000 });
  await signIn(editor, "editor");
  const claimId = await publishClaim(editor, unique(`Tolls ${word()}`));
  await read(reader, `${b.origin}/claims/${claimId}`);

  await redis.stop();
  for (const origin of [a.origin, b.origin]) {
    const started = Date.now();
    for (const path of [`/claims/${claimId}`, "/", `/api/claims?q=tolls`, "/api/open-data/claims.json", "/claimants"]) {
      const response = await reader.get(`${origin}${path}`);
      expect(response.status(), `${origin}${path}`).toBe(200);
    }
    // Five requests, each waiting at most one bounded command timeout on a dead connection.
    expect(Date.now() - started, origin).toBeLessThan(8_000);
  }
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
  const count = (file: string, msg: string) => fs.readFileSync(file, "utf8").split("\n").filter((line) => line.includes(`"msg":"${msg}`)).length;
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
