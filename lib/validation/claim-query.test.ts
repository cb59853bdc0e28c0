import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/cursor";
import { claimQueryString, parseClaimQuery, toSearchParams } from "./claim-query";

const parse = (query: string) => parseClaimQuery(new URLSearchParams(query));

describe("claim query parameters", () => {
  it("default to the first page of 20", () => {
    expect(parse("")).toEqual({ ok: true, filters: {}, limit: 20, cursor: null });
  });

  it("read every filter, trim the words and ignore empty values from an untouched form", () => {
    const result = parse("status=false&claimant=c1&story=s1&source=src_1&q=%20tripled%20&limit=100");
    expect(result).toEqual({
      ok: true,
      filters: { status: "false", claimant: "c1", story: "s1", source: "src_1", q: "tripled" },
      limit: 100,
      cursor: null,
    });
    expect(parse("status=&claimant=&q=")).toEqual({ ok: true, filters: {}, limit: 20, cursor: null });
    expect(parse("q=%20%20")).toMatchObject({ ok: true, filters: {} });
  });

  it("decode a cursor it gave out", () => {
    const cursor = { n: 20, p: "2026-01-01T00:00:00.000Z", id: "x" };
    expect(parse(`cursor=${encodeCursor(cursor)}`)).toMatchObject({ ok: true, cursor });
  });

  it.each([
    ["status=bogus", "status"],
    ["status=Accurate", "status"],
    ["limit=-1", "limit"],
    ["limit=abc", "limit"],
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=1e2", "limit"],
    ["cursor=%%%", "cursor"],
    ["claimant=a%20b", "claimant"],
    [`source=${"x".repeat(65)}`, "source"],
    [`q=${"x".repeat(201)}`, "q"],
    ["limit=5&limit=6", "limit"],
  ])("refuse %s, naming the parameter", (query, field) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.message).toContain(field);
    }
  });

  it("refuse unknown parameters by name, with a value or without", () => {
    const result = parse("colour=blue");
    expect(result).toEqual({ ok: false, field: "query", message: "Unknown parameter: colour." });
    expect(parse("colour=")).toEqual({ ok: false, field: "query", message: "Unknown parameter: colour." });
    expect(parse("q=tripled&colour")).toMatchObject({ ok: false, message: "Unknown parameter: colour." });
  });

  it("ignore unknown parameters when asked, as the reader page does for shared links, and still check the known ones", () => {
    const page = (query: string) => parseClaimQuery(new URLSearchParams(query), { unknown: "ignore" });
    expect(page("q=tripled&utm_source=newsletter&utm_medium=email&fbclid=IwAR0x&fbclid=again&__proto__=1")).toEqual({
      ok: true,
      filters: { q: "tripled" },
      limit: 20,
      cursor: null,
    });
    expect(page("utm_source=x&status=bogus")).toMatchObject({ ok: false, field: "status" });
    expect(page("utm_source=x&q=a&q=b")).toMatchObject({ ok: false, field: "q" });
  });

  it("refuse names that are keys of every object, which a plain assignment would drop", () => {
    expect(parse("__proto__=1")).toMatchObject({ ok: false, message: "Unknown parameter: __proto__." });
    expect(parse("constructor=1")).toMatchObject({ ok: false, message: "Unknown parameter: constructor." });
  });

  it("name a parameter without echoing what cannot be read: control characters, a page-long name, hundreds of names", () => {
    expect(parse("limit%00=1")).toMatchObject({ ok: false, message: "Unknown parameter: limit\uFFFD." });
    expect(parse("%E2%80%AEq=1")).toMatchObject({ ok: false, message: "Unknown parameter: \uFFFDq." });
    expect(parse("=1")).toMatchObject({ ok: false, message: "Unknown parameter: (no name)." });
    expect(parse(`${"n".repeat(10_000)}=1`)).toMatchObject({ ok: false, message: `Unknown parameter: ${"n".repeat(40)}….` });
    expect(parse(Array.from({ length: 300 }, (_, i) => `x${i}=1`).join("&"))).toMatchObject({ ok: false, message: "Unknown parameters: x0, x1, x2, x3, x4 and 295 more." });
    expect(parse(`${"n".repeat(10_000)}=1&${"n".repeat(10_000)}=2`)).toMatchObject({ ok: false, message: `Parameter "${"n".repeat(40)}…" was given more than once.` });
  });

  it("say what limit takes, not how it was checked, for a number past 2^53", () => {
    expect(parse("limit=99999999999999999999")).toMatchObject({ ok: false, message: 'Parameter "limit" must be a whole number from 1 to 100.' });
  });

  it("write filters back as a stable, shareable query string", () => {
    expect(claimQueryString({ source: "s", q: "a b", status: "false" })).toBe("?q=a+b&status=false&source=s");
    expect(claimQueryString({})).toBe("");
    expect(claimQueryString({ story: "st" }, { cursor: "abc" })).toBe("?story=st&cursor=abc");
    expect(claimQueryString({}, { cursor: "abc", limit: 5 })).toBe("?limit=5&cursor=abc");
    expect(claimQueryString({}, { limit: 20 })).toBe("");
  });

  it("keep repeated keys when converting a page's searchParams", () => {
    expect(toSearchParams({ a: ["1", "2"], b: "3", c: undefined }).toString()).toBe("a=1&a=2&b=3");
  });
});
