import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./fixtures/auth";
import { rewriteSummary } from "./fixtures/claims";
import { ownServer } from "./fixtures/own-server";
import { startVarnish, type TestVarnish } from "../lib/testing/varnish-server";

// Varnish with deploy/varnish/factline.vcl in front of a production server of this spec's own
// (docs/decisions/022-edge-cache.md). Readers go through Varnish; the editor works on the app.
// The app purges through a relay in this test, which passes each PURGE on to Varnish, or answers
// 503 while told to fail, to show that a failed purge is retried.

const APP_PORT = 3108;
const SECRET = "edge-cache-spec-secret-0123456789";
const EDITED = "ice-tripled-azure-data";
// Another claim of the seed story: other claimant, and none of EDITED's sources but the article,
// whose own fields an edit of EDITED leaves alone.
const UNRELATED = "dell-ice-microsoft-licenses-2025";

let varnish: TestVarnish;
let app: ReturnType<typeof ownServer>;
let relay: http.Server;
const purges: { keys: string; status: number }[] = [];
let failNext = 0;

test.describe.configure({ mode: "serial" });
// The editor's browser works on the app itself.
test.use({ baseURL: `http://127.0.0.1:${APP_PORT}` });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  varnish = await startVarnish({ backendPort: APP_PORT, purgeSecret: SECRET });
  relay = http.createServer((request, response) => {
    const keys = String(request.headers["xkey-purge"] ?? "");
    if (failNext > 0) {
      failNext--;
      purges.push({ keys, status: 503 });
      response.statusCode = 503;
      response.end();
      return;
    }
    const forwarded = http.request(varnish.origin, { method: request.method, headers: { "xkey-purge": keys, "x-purge-secret": String(request.headers["x-purge-secret"] ?? "") } }, (answer) => {
      purges.push({ keys, status: answer.statusCode ?? 0 });
      response.statusCode = answer.statusCode ?? 502;
      answer.resume();
      answer.on("end", () => response.end());
    });
    forwarded.on("error", () => {
      response.statusCode = 502;
      response.end();
    });
    forwarded.end();
  });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}/`;
  app = ownServer(APP_PORT, { FACTLINE_PURGE_URL: relayUrl, FACTLINE_PURGE_SECRET: SECRET });
  await app.start();
});

test.afterAll(async () => {
  await app?.stop();
  await varnish?.stop();
  await new Promise((resolve) => relay?.close(resolve));
});

async function throughEdge(reader: APIRequestContext, path: string, headers: Record<string, string> = {}): Promise<{ cache: string; html: string; headers: Record<string, string> }> {
  const response = await reader.get(`${varnish.origin}${path}`, { headers });
  expect(response.status(), path).toBe(200);
  return { cache: response.headers()["x-cache"]!, html: await response.text(), headers: response.headers() };
}

test("a reader's second request is a hit at the edge, which the page allowed and can purge", async ({ playwright }) => {
  const reader = await playwright.request.newContext();
  const first = await throughEdge(reader, `/claims/${EDITED}`);
  expect(first.headers["surrogate-key"]?.split(" ")).toContain(`claim:${EDITED}`);
  // And the key a restore purges to empty the edge of every page (scripts/db-restore.ts).
  expect(first.headers["surrogate-key"]?.split(" ")[0]).toBe("site");
  // Purges are configured on this server, so the edge may keep it for a day.
  expect(first.headers["cache-control"]).toBe("public, max-age=0, s-maxage=86400, stale-while-revalidate=60");
  expect((await throughEdge(reader, `/claims/${EDITED}`)).cache).toBe("HIT");
  await reader.dispose();
});

test("a desk edit is on the claim's page through the edge at once, while an unrelated page stays a hit", async ({ page: editor, playwright }) => {
  const reader = await playwright.request.newContext();
  for (const path of [`/claims/${EDITED}`, `/claims/${UNRELATED}`]) {
    await throughEdge(reader, path);
    expect((await throughEdge(reader, path)).cache, path).toBe("HIT");
  }
  await signIn(editor, "editor");
  const summary = "Edited behind the edge: ICE tripled its Azure data";
  await rewriteSummary(editor, EDITED, summary);
  // The purge is sent after the desk's answer, off its path: ask until it has landed.
  await expect.poll(async () => (await throughEdge(reader, `/claims/${EDITED}`)).html, { timeout: 10_000 }).toContain(summary);
  expect(purges.some((purge) => purge.status === 200 && purge.keys.split(" ").includes(`claim:${EDITED}`))).toBe(true);
  expect((await throughEdge(reader, `/claims/${UNRELATED}`)).cache).toBe("HIT");
  await reader.dispose();
});

test("a signed-in person is never given the shared copy, and their page is not kept for readers", async ({ page: editor, playwright }) => {
  const reader = await playwright.request.newContext();
  await throughEdge(reader, `/claims/${UNRELATED}`);
  expect((await throughEdge(reader, `/claims/${UNRELATED}`)).cache).toBe("HIT");
  await signIn(editor, "editor");
  const cookie = (await editor.context().cookies(app.origin)).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookie).toContain("factline.session_token=");
  const signedIn = await throughEdge(reader, `/claims/${UNRELATED}`, { cookie });
  expect(signedIn.cache).toBe("MISS");
  expect(signedIn.headers["cache-control"]).toMatch(/private/);
  expect(signedIn.headers["surrogate-key"]).toBeUndefined();
  // The signed-in page names the desk; the readers' copy, still a hit, does not.
  expect(signedIn.html).toContain("/desk");
  const again = await throughEdge(reader, `/claims/${UNRELATED}`);
  expect(again.cache).toBe("HIT");
  expect(again.html).not.toContain('href="/desk"');
  await reader.dispose();
});

test("a purge the edge did not take is retried until it does, and the failure is logged", async ({ page: editor, playwright }) => {
  const reader = await playwright.request.newContext();
  await throughEdge(reader, `/claims/${EDITED}`);
  expect((await throughEdge(reader, `/claims/${EDITED}`)).cache).toBe("HIT");
  await signIn(editor, "editor");
  const before = purges.length;
  failNext = 2;
  const summary = "Edited while the edge refused purges: ICE tripled its Azure data";
  await rewriteSummary(editor, EDITED, summary);
  await expect.poll(async () => (await throughEdge(reader, `/claims/${EDITED}`)).html, { timeout: 15_000 }).toContain(summary);
  const forThisEdit = purges.slice(before).filter((purge) => purge.keys.split(" ").includes(`claim:${EDITED}`));
  expect(forThisEdit.map((purge) => purge.status)).toEqual([503, 503, 200]);
  await expect.poll(() => fs.readFileSync(app.logFile, "utf8")).toContain("edge purge failed; retrying");
  await reader.dispose();
});
