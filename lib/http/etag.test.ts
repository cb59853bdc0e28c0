import http from "node:http";
import { createRequire } from "node:module";
import type net from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { entityTag, holdEntityTag } from "@/lib/http/etag.mjs";

const PAGE = "<!DOCTYPE html><html><body><h1>A claim</h1><p>“Ünïcode”</p></body></html>";

describe("holdEntityTag on a real server", () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
  });

  async function serve(handler: (response: http.ServerResponse) => void, init: RequestInit = {}): Promise<Response> {
    const server = http.createServer((request, response) => {
      holdEntityTag(request, response);
      handler(response);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    // Node's http, not fetch: fetch adds `Cache-Control: no-cache` to a conditional request,
    // which (rightly) is never answered 304.
    return new Promise<Response>((resolve, reject) => {
      http
        .get({ host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": "identity", ...(init.headers as Record<string, string>) } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            const headers = new Headers();
            for (const [name, value] of Object.entries(res.headers)) if (typeof value === "string") headers.set(name, value);
            resolve(new Response(res.statusCode === 304 ? null : Buffer.concat(chunks), { status: res.statusCode, headers }));
          });
        })
        .on("error", reject);
    });
  }

  /** How Next.js sends a page from its cache: headers set, then the whole body in end(). */
  const cached = (body: Buffer | string, headers: Record<string, string> = {}) => (res: http.ServerResponse) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("x-nextjs-cache", "HIT");
    res.setHeader("cache-control", "public, max-age=0, s-maxage=60");
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.end(body);
  };

  it("tags a cached page by its bytes, and answers 304 with no body to a request holding the tag", async () => {
    const first = await serve(cached(PAGE));
    const etag = first.headers.get("etag");
    expect(etag).toBe(entityTag(Buffer.from(PAGE)));
    expect(await first.text()).toBe(PAGE);
    const again = await serve(cached(PAGE), { headers: { "if-none-match": etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    // Weak or listed, as browsers and shared caches send it; never to a request that asks past caches.
    expect((await serve(cached(PAGE), { headers: { "if-none-match": `"other", W/${etag}` } })).status).toBe(304);
    expect((await serve(cached(PAGE), { headers: { "if-none-match": etag!, "cache-control": "no-cache" } })).status).toBe(200);
    // A changed page has another tag, and is sent whole.
    const changed = await serve(cached(`${PAGE} `), { headers: { "if-none-match": etag! } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toBe(`${PAGE} `);
  });

  it("tags a compressed page by the bytes sent, so each encoding has its own", async () => {
    const gzipped = zlib.gzipSync(Buffer.from(PAGE));
    const response = await serve((res) => {
      res.setHeader("content-encoding", "gzip");
      cached(gzipped)(res);
    });
    expect(response.headers.get("etag")).toBe(entityTag(gzipped));
    expect(response.headers.get("etag")).not.toBe(entityTag(Buffer.from(PAGE)));
  });

  it("leaves untagged what no one may keep or Next.js did not serve from its cache, and keeps a tag of the handler's own", async () => {
    const copy = await serve(cached(PAGE, { "cache-control": "private, no-store" }));
    expect(copy.headers.get("etag")).toBeNull();
    const rendered = await serve((res) => {
      res.setHeader("content-type", "text/html");
      res.end(PAGE);
    });
    expect(rendered.headers.get("etag")).toBeNull();
    const own = await serve(cached("{}", { etag: 'W/"v1"' }));
    expect(own.headers.get("etag")).toBe('W/"v1"');
    const missing = await serve((res) => {
      res.statusCode = 404;
      cached(PAGE)(res);
    });
    expect(missing.headers.get("etag")).toBeNull();
  });
});

describe("holdEntityTag and holdCopyNonce behind Next.js's compression", () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
  });

  // How Next.js streams a cached router payload: compression installed after our wrappers, the
  // head flushed, then the body written in pieces (compression asks for the head before each).
  async function streamed(headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    const { holdCopyNonce } = await import("@/lib/http/copy-nonce.mjs");
    // Next.js's own copy of the middleware (untyped), as its server installs it.
    const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as (options?: object) => (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
    const compress = compression({ threshold: 0 });
    const server = http.createServer((request, response) => {
      holdCopyNonce(request, response);
      holdEntityTag(request, response);
      compress(request, response, () => {
        response.statusCode = 200;
        response.setHeader("content-type", "text/x-component");
        response.setHeader("x-nextjs-cache", "HIT");
        for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
        response.flushHeaders();
        response.write(PAGE.slice(0, 20));
        response.write(PAGE.slice(20));
        response.end();
      });
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    return new Promise((resolve, reject) => {
      const request = http.get({ host: "127.0.0.1", port, path: "/", headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: zlib.gunzipSync(Buffer.concat(chunks)).toString() }));
      });
      request.setTimeout(5_000, () => request.destroy(new Error("the answer never ended")));
      request.on("error", reject);
    });
  }

  it("tags a streamed, compressed cached answer and ends it", async () => {
    const answer = await streamed({ "cache-control": "public, max-age=0, s-maxage=60" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers.etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(answer.body).toBe(PAGE);
  });

  it("gives a streamed, compressed copy its own nonce and ends it", async () => {
    const copy = "Q29weU5vbmNlMTIzNDU2Nw==";
    const answer = await streamed({ "cache-control": "private, no-store", "content-security-policy": `script-src 'nonce-${copy}'`, "x-factline-copy-nonce": copy, "x-nextjs-stale-time": "300" });
    expect(answer.status).toBe(200);
    expect(answer.headers.etag).toBeUndefined();
    expect(answer.headers["x-factline-copy-nonce"]).toBeUndefined();
    expect(answer.headers["x-nextjs-stale-time"]).toBe("30");
    expect(String(answer.headers["content-security-policy"])).not.toContain(copy);
    expect(answer.body).toBe(PAGE);
  });
});
