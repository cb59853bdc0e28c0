import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { captureLog } from "@/lib/testing/capture-log";
import { edgePurgeConfig, purgeEdge, purgeKeys, readerCacheControl } from "./purge";
import { SITE_KEY, SURROGATE_KEY_MAX_LENGTH, surrogateKeysFor, withSurrogateKeys } from "./surrogate-keys.mjs";

const SECRET = "a-purge-secret-of-some-length";

describe("surrogate keys", () => {
  it("name the app's own tags, once each, and none of Next's implicit path tags, after the key every kept page has", () => {
    const stored = "_N_T_/layout,_N_T_/cached/layout,_N_T_/cached/current/claims/x,claim:x,claimant:microsoft,source:guardian,claim:x,published";
    expect(surrogateKeysFor(stored)).toBe("site claim:x claimant:microsoft source:guardian published");
    // No tag the app expires is the site's key: a purge of one record never empties the edge.
    expect(SITE_KEY).toBe("site");
    expect(surrogateKeysFor("site")).toBeNull();
    expect(surrogateKeysFor("_N_T_/layout")).toBeNull();
    expect(surrogateKeysFor(undefined)).toBeNull();
  });

  it("are left off a page with more than fit in a header, so no shared cache keeps what it could not purge", () => {
    const many = Array.from({ length: 1_000 }, (_, i) => `claimant:claimant-number-${i}`).join(",");
    expect(many.length).toBeGreaterThan(SURROGATE_KEY_MAX_LENGTH);
    expect(surrogateKeysFor(many)).toBeNull();
    const value = { kind: "APP_PAGE", headers: { "x-next-cache-tags": many, "surrogate-key": "stale" } };
    expect(withSurrogateKeys(value).headers).not.toHaveProperty("surrogate-key");
  });

  it("are added to a stored page's headers, which Next.js sends with every copy it serves", () => {
    const value: { kind: string; html: string; headers: Record<string, string> } = { kind: "APP_PAGE", html: "<p>", headers: { "x-next-cache-tags": "_N_T_/x,source:s1,source-claims:s1" } };
    expect(withSurrogateKeys(value).headers["surrogate-key"]).toBe("site source:s1 source-claims:s1");
    const data = { kind: "FETCH", data: { body: "" } };
    expect(withSurrogateKeys(data)).toEqual({ kind: "FETCH", data: { body: "" } });
  });
});

describe("edge configuration", () => {
  it("is off without FACTLINE_PURGE_URL, and refuses half of one", () => {
    expect(edgePurgeConfig({})).toBeNull();
    expect(() => edgePurgeConfig({ FACTLINE_PURGE_URL: "http://127.0.0.1:6081/" })).toThrow(/FACTLINE_PURGE_SECRET/);
    expect(() => edgePurgeConfig({ FACTLINE_PURGE_URL: "ftp://edge/", FACTLINE_PURGE_SECRET: SECRET })).toThrow(/http or https/);
    expect(edgePurgeConfig({ FACTLINE_PURGE_URL: " http://127.0.0.1:6081/ ", FACTLINE_PURGE_SECRET: SECRET })).toEqual({ url: "http://127.0.0.1:6081/", secret: SECRET });
  });

  it("lets a shared cache keep reader pages for a day when it is purged, a minute when it is not", () => {
    expect(readerCacheControl({ url: "http://edge/", secret: SECRET })).toBe("public, max-age=0, s-maxage=86400, stale-while-revalidate=60");
    expect(readerCacheControl(null)).toBe("public, max-age=0, s-maxage=60, stale-while-revalidate=30");
  });
});

interface Received {
  method: string;
  keys: string | undefined;
  secret: string | undefined;
}

/** A real HTTP server standing in for the edge's purge endpoint: it answers `statuses` in turn. */
async function edge(statuses: number[]): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const server = http.createServer((request, response) => {
    received.push({ method: request.method!, keys: request.headers["xkey-purge"] as string | undefined, secret: request.headers["x-purge-secret"] as string | undefined });
    response.statusCode = statuses[received.length - 1] ?? 200;
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}


type LogEvent = { level: string; msg: string; failure?: string; attempts?: number };
const events = (log: ReturnType<typeof captureLog>) => log.lines() as LogEvent[];

let cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

describe("purging the edge", () => {
  it("sends PURGE with the keys and the secret, in the form Varnish's xkey takes", async () => {
    const server = await edge([200]);
    cleanups.push(server.close);
    expect(await purgeKeys({ url: server.url, secret: SECRET }, ["claim:x", "published"])).toBe(true);
    expect(server.received).toEqual([{ method: "PURGE", keys: "claim:x published", secret: SECRET }]);
  });

  it("retries a purge the edge did not confirm, logging each failure, until it does", async () => {
    const server = await edge([503, 500, 200]);
    const log = captureLog();
    cleanups.push(server.close, log.restore);
    expect(await purgeKeys({ url: server.url, secret: SECRET }, ["claim:x"], { delays: [5, 5, 5] })).toBe(true);
    expect(server.received).toHaveLength(3);
    expect(events(log).map((e) => [e.msg, e.failure])).toEqual([
      ["edge purge failed; retrying", "HTTP 503"],
      ["edge purge failed; retrying", "HTTP 500"],
      ["edge purge succeeded after retrying", undefined],
    ]);
    // The secret is never written to the log.
    expect(JSON.stringify(events(log))).not.toContain(SECRET);
  });

  it("gives up after its last retry, says so at error level, and never throws", async () => {
    const server = await edge([503, 503, 503]);
    const log = captureLog();
    cleanups.push(server.close, log.restore);
    expect(await purgeKeys({ url: server.url, secret: SECRET }, ["claim:x"], { delays: [5, 5] })).toBe(false);
    expect(server.received).toHaveLength(3);
    expect(events(log).at(-1)).toMatchObject({ level: "error", attempts: 3, failure: "HTTP 503" });
  });

  it("retries when nothing answers at the address", async () => {
    const server = await edge([]);
    const url = server.url;
    await server.close();
    const log = captureLog();
    cleanups.push(log.restore);
    expect(await purgeKeys({ url, secret: SECRET }, ["claim:x"], { delays: [5] })).toBe(false);
    expect(events(log).map((e) => e.msg)).toEqual(["edge purge failed; retrying", "edge purge given up: these keys may be served stale at the edge until their s-maxage ends"]);
    expect(events(log)[0]!.failure).toMatch(/ECONNREFUSED/);
  });

  it("sends nothing without an edge, and splits many keys into several requests", async () => {
    expect(purgeEdge(["claim:x"], null)).toBeNull();
    const server = await edge([]);
    cleanups.push(server.close);
    const keys = Array.from({ length: 250 }, (_, i) => `claim:c${i}`);
    expect(await purgeEdge(keys, { url: server.url, secret: SECRET })).toBe(true);
    expect(server.received.map((r) => r.keys!.split(" ").length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
    expect(new Set(server.received.flatMap((r) => r.keys!.split(" ")))).toEqual(new Set(keys));
  });
});
