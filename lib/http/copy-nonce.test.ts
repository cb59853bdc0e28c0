import http from "node:http";
import type net from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { COPY_NONCE_HEADER, freshNonce, holdCopyNonce, withResponseNonce } from "@/lib/http/copy-nonce.mjs";

const COPY = "Q29weU5vbmNlMTIzNDU2Nw==";
const POLICY = `default-src 'self'; script-src 'self' 'nonce-${COPY}' 'strict-dynamic'`;
// A copy's page, cut down: its scripts carry the copy's nonce, and so does a preload and the payload.
const PAGE =
  `<!DOCTYPE html><html lang="en"><head><link rel="preload" as="script" nonce="${COPY}" href="/_next/a.js"/>` +
  `<script src="/_next/a.js" nonce="${COPY}" async=""></script></head><body><h1>Insights</h1>` +
  `<script nonce="${COPY}">self.__next_f.push([1,"nonce:\\"${COPY}\\""])</script></body></html>`;

function scriptNonces(html: string): (string | null)[] {
  return [...html.matchAll(/<script\b[^>]*>/gi)].map((tag) => /\snonce="([^"]*)"/.exec(tag[0])?.[1] ?? null);
}
const policyNonce = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? "")?.[1];

describe("freshNonce", () => {
  it("is 128 random bits in the form Next.js reads back, new each time", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => freshNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("withResponseNonce", () => {
  it("replaces every use of the copy's nonce, and nothing else", () => {
    expect(withResponseNonce(`${PAGE}<p>nonce</p>`, COPY, "NEW")).toBe(`${PAGE.replaceAll(COPY, "NEW")}<p>nonce</p>`);
  });
});

describe("holdCopyNonce on a real server", () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
  });

  async function serve(handler: (response: http.ServerResponse) => void, method = "GET"): Promise<Response> {
    const server = http.createServer((request, response) => {
      holdCopyNonce(request, response);
      handler(response);
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    return fetch(`http://127.0.0.1:${port}/`, { method, headers: { "accept-encoding": "identity" } });
  }

  /** How Next.js sends a page from its cache: the proxy's headers, then the whole body. */
  const fromCache = (body: Buffer, encoding?: string) => (res: http.ServerResponse) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-security-policy", POLICY);
    res.setHeader(COPY_NONCE_HEADER, COPY);
    if (encoding) res.setHeader("content-encoding", encoding);
    res.writeHead(200, { "content-length": body.length, "x-nextjs-cache": "HIT" });
    res.end(body);
  };

  it("sends each response of a copy with a nonce of its own, on every script and in its policy", async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3; i += 1) {
      const response = await serve(fromCache(Buffer.from(PAGE)));
      const body = await response.text();
      const nonce = policyNonce(response.headers.get("content-security-policy"))!;
      expect(nonce).not.toBe(COPY);
      expect(response.headers.get("content-security-policy")).toBe(POLICY.replace(COPY, nonce));
      expect(scriptNonces(body)).toEqual([nonce, nonce]);
      expect(body).not.toContain(COPY);
      expect(body).toBe(PAGE.replaceAll(COPY, nonce));
      expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(body));
      expect(response.headers.get(COPY_NONCE_HEADER)).toBeNull();
      expect(response.headers.get("x-nextjs-cache")).toBe("HIT");
      seen.add(nonce);
    }
    expect(seen.size).toBe(3);
  });

  it.each([
    ["gzip", zlib.gzipSync, zlib.gunzipSync],
    ["br", zlib.brotliCompressSync, zlib.brotliDecompressSync],
  ] as const)("rewrites a %s page, streamed in pieces after its head, in its own encoding", async (encoding, encode, decode) => {
    const bytes = encode(Buffer.from(PAGE));
    const server = http.createServer((request, res) => {
      holdCopyNonce(request, res);
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-security-policy", POLICY);
      res.setHeader(COPY_NONCE_HEADER, COPY);
      res.setHeader("content-encoding", encoding);
      res.flushHeaders();
      res.write(bytes.subarray(0, 7));
      res.write(bytes.subarray(7));
      res.end();
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as net.AddressInfo;
    const body = await new Promise<{ headers: http.IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      http.get({ host: "127.0.0.1", port, path: "/" }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, bytes: Buffer.concat(chunks) }));
      }).on("error", reject);
    });
    const nonce = policyNonce(String(body.headers["content-security-policy"]))!;
    expect(nonce).not.toBe(COPY);
    expect(decode(body.bytes).toString()).toBe(PAGE.replaceAll(COPY, nonce));
    expect(body.headers[COPY_NONCE_HEADER]).toBeUndefined();
  });

  it("when the page cannot be read, sends it as it came under the new policy, so no script of it runs", async () => {
    const response = await serve(fromCache(Buffer.from(PAGE), "zstd"));
    const body = await response.text();
    const nonce = policyNonce(response.headers.get("content-security-policy"))!;
    expect(nonce).not.toBe(COPY);
    expect(scriptNonces(body).filter((n) => n === nonce)).toEqual([]);
    expect(response.headers.get(COPY_NONCE_HEADER)).toBeNull();
  });

  it("takes the header off a HEAD answer too, whose policy gets a nonce of its own", async () => {
    const response = await serve((res) => {
      res.setHeader("content-type", "text/html");
      res.setHeader("content-security-policy", POLICY);
      res.setHeader(COPY_NONCE_HEADER, COPY);
      res.setHeader("content-length", Buffer.byteLength(PAGE));
      res.end(null);
    }, "HEAD");
    expect(response.headers.get(COPY_NONCE_HEADER)).toBeNull();
    expect(policyNonce(response.headers.get("content-security-policy"))).not.toBe(COPY);
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(PAGE));
  });

  it("passes every other answer through as it came, a per-request page's nonce included", async () => {
    const response = await serve((res) => {
      res.writeHead(200, { "content-type": "text/html", "content-security-policy": POLICY });
      res.end(PAGE);
    });
    expect(await response.text()).toBe(PAGE);
    expect(response.headers.get("content-security-policy")).toBe(POLICY);
    // A header whose nonce the policy does not name is taken off, and the answer left alone.
    const stray = await serve((res) => {
      res.writeHead(200, { "content-type": "text/html", "content-security-policy": POLICY, [COPY_NONCE_HEADER]: "c29tZXRoaW5nIGVsc2UhIQ==" });
      res.end(PAGE);
    });
    expect(await stray.text()).toBe(PAGE);
    expect(stray.headers.get(COPY_NONCE_HEADER)).toBeNull();
  });
});

describe("withResponseNonceBytes", () => {
  it("writes the response's nonce over every use of the copy's in the page's bytes, whatever text is around them", async () => {
    const { withResponseNonceBytes } = await import("@/lib/http/copy-nonce.mjs");
    const page = `<p>“Ünïcode” — 数字 🙂</p>${PAGE}<p>${COPY.slice(0, 10)}</p>`;
    const fresh = freshNonce();
    expect(withResponseNonceBytes(Buffer.from(page), COPY, fresh).toString()).toBe(page.replaceAll(COPY, fresh));
    // A nonce of another length goes through the text.
    expect(withResponseNonceBytes(Buffer.from(page), COPY, "short").toString()).toBe(page.replaceAll(COPY, "short"));
    expect(withResponseNonceBytes(Buffer.from("none here"), COPY, fresh).toString()).toBe("none here");
  });
});
