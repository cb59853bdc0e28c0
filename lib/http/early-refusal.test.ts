import { describe, expect, it } from "vitest";
import { clientErrorAnswer, earlyRefusal } from "@/lib/http/early-refusal.mjs";

// What Next.js's client sends with a navigation: the pages it already shows, as URI-encoded JSON.
const STATE = encodeURIComponent(JSON.stringify(["", { children: ["claims", { children: ["__PAGE__", {}] }] }, null, "refetch"]));

describe("requests refused before Next.js sees them", () => {
  it("refuses TRACE, TRACK and CONNECT in words, with the methods pages answer", () => {
    for (const method of ["TRACE", "trace", "TRACK", "CONNECT"]) {
      expect(earlyRefusal(method, {}), method).toMatchObject({ status: 405, message: `This site does not answer ${method} requests.`, headers: { allow: "GET, HEAD, POST" } });
    }
    for (const method of ["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", undefined]) expect(earlyRefusal(method, {}), String(method)).toBeNull();
  });

  it("refuses a router state Next.js could not read, and passes one it can", () => {
    expect(earlyRefusal("GET", { "next-router-state-tree": STATE })).toBeNull();
    expect(earlyRefusal("GET", { rsc: "1" })).toBeNull();
    for (const state of ["not-json", "%E0%A4%A", encodeURIComponent("{}"), encodeURIComponent(JSON.stringify([1, {}])), encodeURIComponent(JSON.stringify(["", { children: ["x".repeat(40_001), {}] }]))]) {
      expect(earlyRefusal("GET", { "next-router-state-tree": state }), state.slice(0, 30)).toMatchObject({ status: 400 });
    }
    // Sent twice: Node hands over both, and Next.js refuses that too.
    expect(earlyRefusal("POST", { "next-router-state-tree": [STATE, STATE] })).toMatchObject({ status: 400 });
    expect(earlyRefusal("GET", { "next-router-state-tree": "x" })?.message).toBe("This request's Next-Router-State-Tree header is not one this site's pages send. Reload the page and try again.");
  });
});

describe("requests Node's parser refuses", () => {
  const raw = (line: string) => ({ code: "HPE_INVALID_CHARACTER", rawPacket: Buffer.from(`${line}\r\nHost: x\r\n\r\n`, "utf8") });

  it("answer the API in its JSON error shape, and pages in words", () => {
    const api = clientErrorAnswer(raw("GET /api/claims?q=fréquentation HTTP/1.1"));
    expect(api).toMatchObject({ status: 400, contentType: "application/json" });
    expect(JSON.parse(api.body)).toEqual({ error: { code: "bad_request", message: expect.stringContaining("percent-encoded") } });
    const page = clientErrorAnswer(raw("GET /claims?q=fréquentation HTTP/1.1"));
    expect(page).toMatchObject({ status: 400, contentType: "text/plain; charset=utf-8" });
    expect(page.body).toContain("?q=fr%C3%A9quentation");
    // Not the API: a page whose path only starts with the letters.
    expect(clientErrorAnswer(raw("GET /apiary HTTP/1.1")).contentType).toBe("text/plain; charset=utf-8");
  });

  it("say a head past 16 KB is too long, and answer what sent no first line at all", () => {
    expect(clientErrorAnswer({ code: "HPE_HEADER_OVERFLOW", rawPacket: Buffer.from("GET /api/claims?q=" + "a".repeat(20_000)) })).toMatchObject({ status: 431, contentType: "application/json" });
    expect(clientErrorAnswer({ code: "HPE_INVALID_METHOD" })).toMatchObject({ status: 400, contentType: "text/plain; charset=utf-8" });
    // The statuses Node gives a slow request and an oversized chunk extension stay theirs.
    expect(clientErrorAnswer({ code: "ERR_HTTP_REQUEST_TIMEOUT" })).toMatchObject({ status: 408 });
    expect(clientErrorAnswer({ code: "HPE_CHUNK_EXTENSIONS_OVERFLOW" })).toMatchObject({ status: 413 });
  });
});
