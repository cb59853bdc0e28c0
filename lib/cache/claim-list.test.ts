import { describe, expect, it } from "vitest";
// How Next.js matches a rewrite's `has` and `missing` conditions (server/lib/router-utils/resolve-routes.js).
import { matchHas } from "next/dist/shared/lib/router/utils/prepare-destination";
import { CLAIM_LIST_HEADER, claimListKey, claimListKeyFor, claimListQuery, claimListRewrite } from "@/lib/cache/claim-list";
import { CACHED_PREFIX, SESSION_COOKIE_NAMES, isCachedTreePath } from "@/lib/cache/reader-routes";
import { encodeCursor } from "@/lib/cursor";
import { parseClaimQuery } from "@/lib/validation/claim-query";

const params = (query: string) => new URLSearchParams(query);

describe("the key of a cached claims list", () => {
  it("names the filters whatever their order, empty fields and unknown parameters", () => {
    const key = claimListKey(params("status=false&story=microsoft-ice-surveillance"));
    expect(key).toBe("false.microsoft-ice-surveillance.~.~.~");
    // The filter form sends every field; an untouched one is empty, and is no filter.
    expect(claimListKey(params("q=&status=false&story=microsoft-ice-surveillance&claimant=&source=&utm_source=x"))).toBe(key);
    expect(claimListKey(params("story=microsoft-ice-surveillance&status=false"))).toBe(key);
    expect(claimListKey(params(""))).toBe("~.~.~.~.~");
  });

  it("reads back as the very query the list page reads", () => {
    const cursor = encodeCursor({ n: 20, p: "2026-07-01T00:00:00.000Z", id: "ice-tripled-azure-data" });
    for (const query of ["", "status=accurate", "claimant=microsoft&source=guardian-ice-azure", `story=s&cursor=${cursor}`]) {
      const back = claimListQuery(claimListKey(params(query))!)!;
      expect(parseClaimQuery(back, { unknown: "ignore" }), query).toEqual(parseClaimQuery(params(query), { unknown: "ignore" }));
    }
  });

  it("is none for what the page renders per request: a search, a page size, a repeated or malformed parameter", () => {
    for (const query of ["q=tripled", "limit=5", "status=false&status=accurate", "story=a&story=", "status=fal%20se", "story=%2Fx", `source=${"x".repeat(401)}`]) {
      expect(claimListKey(params(query)), query).toBeNull();
    }
    // Only the list's own address, read: not another spelling, not a form post.
    expect(claimListKeyFor("GET", "/claims", params("status=false"))).not.toBeNull();
    expect(claimListKeyFor("HEAD", "/claims", params(""))).not.toBeNull();
    expect(claimListKeyFor("POST", "/claims", params(""))).toBeNull();
    expect(claimListKeyFor("GET", "/Claims", params(""))).toBeNull();
    expect(claimListKeyFor("GET", "/claims/", params(""))).toBeNull();
  });

  it("never reads back a key the proxy could not have made", () => {
    for (const key of ["", "a.b", "~.~.~.~.~.~", "fal se.~.~.~.~", "../x.~.~.~.~"]) expect(claimListQuery(key), key).toBeNull();
  });

  it("is what Next.js's rewrite matches: the proxy's header, and no session cookie", () => {
    const rewrite = claimListRewrite();
    expect(rewrite.source).toBe("/claims");
    expect(isCachedTreePath(rewrite.destination)).toBe(true);
    expect(rewrite.destination).toBe(`${CACHED_PREFIX}/claim-list/:key`);
    const request = (headers: Record<string, string>) => ({ headers }) as never;
    const longest = claimListKey(params(`status=${"a".repeat(400)}&story=${"b".repeat(400)}&claimant=${"c".repeat(400)}&source=${"d".repeat(400)}&cursor=${"e".repeat(400)}`))!;
    for (const key of ["~.~.~.~.~", "false.microsoft-ice-surveillance.~.~.~", longest]) {
      expect(matchHas(request({ [CLAIM_LIST_HEADER]: key }), {}, rewrite.has, rewrite.missing)).toEqual({ key });
    }
    expect(matchHas(request({}), {}, rewrite.has, rewrite.missing)).toBe(false);
    for (const name of SESSION_COOKIE_NAMES) {
      expect(matchHas(request({ [CLAIM_LIST_HEADER]: "~.~.~.~.~", cookie: `${name}=abc` }), {}, rewrite.has, rewrite.missing)).toBe(false);
    }
  });
});
