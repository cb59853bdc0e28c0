import http from "node:http";
import type net from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { FORBIDDEN_PAGE, HOLD_LIMIT_BYTES, holdFallbackPage, noscriptPages, rewriteBody, withNoscriptCopy, type NoscriptPages } from "@/lib/http/fallback-pages.mjs";

// What Next.js prerenders for the not-found page, cut down: stylesheet, body class, scripts.
const PRERENDERED =
  '<!DOCTYPE html><html lang="en"><head><link rel="stylesheet" href="/_next/static/a.css" data-precedence="next"/>' +
  '<script src="/_next/static/x.js" async=""></script></head><body class="flex min-h-screen flex-col"><div hidden=""></div>' +
  '<header><a href="/">Factline</a></header><main id="main" class="px-4"><div id="desk-content"><h1>Page not found</h1>' +
  '<p>We have no page at this address.</p></div></main><footer>Footer</footer>' +
  "<script>self.__next_f.push([1,\"payload\"])</script></body></html>";

// Next.js's error shell for notFound() and forbidden(), cut down.
const SHELL =
  '<!DOCTYPE html><html id="__next_error__"><head><title>Page not found · Factline</title></head><body>' +
  '<div hidden=""></div><script nonce="n">self.__next_f.push([0])</script></body></html>';

describe("noscriptPages", () => {
  const pages = noscriptPages(PRERENDERED)!;

  it("copies the prerendered page's stylesheet and body, without its scripts", () => {
    expect(pages[404]).toMatch(/^<noscript><link rel="stylesheet" href="\/_next\/static\/a.css"[^>]*><div class="flex min-h-screen flex-col">/);
    expect(pages[404]).toContain("<h1>Page not found</h1>");
    expect(pages[404]).toContain("<footer>Footer</footer>");
    expect(pages[404]).not.toContain("<script");
    expect(pages[404]).not.toContain("payload");
    expect(pages[404].endsWith("</div></noscript>")).toBe(true);
  });

  it("puts the forbidden page's words in the 403 copy's main, in the same frame", () => {
    expect(pages[403]).toContain(`>${FORBIDDEN_PAGE.title}</h1>`);
    expect(pages[403]).toContain(FORBIDDEN_PAGE.text);
    expect(pages[403]).toContain(`<a href="${FORBIDDEN_PAGE.link.href}" class="text-blue-800 underline">${FORBIDDEN_PAGE.link.label}</a>`);
    expect(pages[403]).not.toContain("Page not found");
    expect(pages[403]).toContain("<header>");
    expect(pages[403]).toContain('<main id="main" class="px-4"><div id="desk-content">');
  });

  it("gives nothing for a page it does not recognise, so nothing is rewritten", () => {
    expect(noscriptPages("<html><body><p>hi</p></body></html>")).toBeNull();
    expect(noscriptPages("")).toBeNull();
  });
});

describe("withNoscriptCopy", () => {
  it("adds the layout's lang and the copy at the start of the error shell's body", () => {
    expect(withNoscriptCopy(SHELL, "<noscript>copy</noscript>")).toBe(
      '<!DOCTYPE html><html id="__next_error__" lang="en"><head><title>Page not found · Factline</title></head><body>' +
        '<noscript>copy</noscript><div hidden=""></div><script nonce="n">self.__next_f.push([0])</script></body></html>',
    );
  });

  it("leaves a page that is not the error shell alone", () => {
    expect(withNoscriptCopy(PRERENDERED, "<noscript>copy</noscript>")).toBeNull();
    // A page that merely quotes the shell's markup somewhere in its text.
    expect(withNoscriptCopy(`<!DOCTYPE html><html lang="en"><body>${"x".repeat(200)}&lt;html id="__next_error__"&gt;</body></html>`, "c")).toBeNull();
  });
});

describe("rewriteBody", () => {
  const copy = "<noscript>copy</noscript>";
  it.each([
    ["gzip", zlib.gzipSync, zlib.gunzipSync],
    ["deflate", zlib.deflateSync, zlib.inflateSync],
    ["br", zlib.brotliCompressSync, zlib.brotliDecompressSync],
  ] as const)("rewrites a %s body in its own encoding", (encoding, encode, decode) => {
    const out = rewriteBody(encode(Buffer.from(SHELL)), encoding, copy);
    expect(decode(out!).toString()).toBe(withNoscriptCopy(SHELL, copy));
  });

  it("rewrites a plain body, and leaves an unknown encoding or a broken body alone", () => {
    expect(rewriteBody(Buffer.from(SHELL), undefined, copy)!.toString()).toBe(withNoscriptCopy(SHELL, copy));
    expect(rewriteBody(Buffer.from(SHELL), "zstd", copy)).toBeNull();
    expect(rewriteBody(Buffer.from("not gzip"), "gzip", copy)).toBeNull();
  });
});

describe("holdFallbackPage on a real server", () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
  });
  const pages: NoscriptPages = { 404: "<noscript>not found</noscript>", 403: "<noscript>not allowed</noscript>" };

  async function serve(handler: (response: http.ServerResponse) => void, method = "GET"): Promise<Response> {
    const server = http.createServer((request, response) => {
      holdFallbackPage(request, response, pages);
      handler(response);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    return fetch(`http://127.0.0.1:${port}/`, { method, headers: { "accept-encoding": "identity" } });
  }

  it("rewrites a stored page sent with writeHead and its length, and sets the length again", async () => {
    // How Next.js sends a page from its cache.
    const response = await serve((res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.writeHead(404, { "content-length": Buffer.byteLength(SHELL), "x-kept": "yes" });
      res.end(SHELL);
    });
    const body = await response.text();
    expect(response.status).toBe(404);
    expect(response.headers.get("x-kept")).toBe("yes");
    expect(body).toBe(withNoscriptCopy(SHELL, pages[404]));
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(body));
  });

  it("rewrites a rendered 403 whose head was flushed before its gzip body came in pieces", async () => {
    // How Next.js streams a rendered page, through its compression.
    const gzipped = zlib.gzipSync(Buffer.from(SHELL));
    const response = await serve((res) => {
      res.statusCode = 403;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-encoding", "gzip");
      res.flushHeaders();
      res.write(gzipped.subarray(0, 10));
      res.write(gzipped.subarray(10));
      res.end();
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(withNoscriptCopy(SHELL, pages[403]));
  });

  it("passes every other answer through as it came", async () => {
    const ok = await serve((res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end(SHELL);
    });
    expect(await ok.text()).toBe(SHELL);
    const json = await serve((res) => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end('{"error":"not found"}');
    });
    expect(await json.text()).toBe('{"error":"not found"}');
    const gone = await serve((res) => {
      res.writeHead(410, { "content-type": "text/html" });
      res.end(SHELL);
    });
    expect(await gone.text()).toBe(SHELL);
  });

  it("rewrites a stored page sent as Next.js sends one: its length set, then the whole body in end()", async () => {
    const response = await serve((res) => {
      res.statusCode = 404;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-length", Buffer.byteLength(SHELL));
      res.end(SHELL);
    });
    const body = await response.text();
    expect(body).toBe(withNoscriptCopy(SHELL, pages[404]));
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(body));
  });

  it("leaves a HEAD answer's length as Next.js set it: there is no body to rewrite", async () => {
    const response = await serve((res) => {
      res.statusCode = 404;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-length", Buffer.byteLength(SHELL));
      res.end(null);
    }, "HEAD");
    expect(response.status).toBe(404);
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(SHELL));
  });

  it("passes on a page too large to hold, whole and unchanged", async () => {
    const big = SHELL.replace("<body>", `<body><p>${"x".repeat(HOLD_LIMIT_BYTES)}</p>`);
    const response = await serve((res) => {
      res.statusCode = 404;
      res.setHeader("content-type", "text/html");
      res.write(big.slice(0, 1000));
      res.write(big.slice(1000));
      res.end();
    });
    expect(await response.text()).toBe(big);
  });
});
