import { describe, expect, it } from "vitest";
import { earlyRefusal } from "@/lib/http/early-refusal.mjs";

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
