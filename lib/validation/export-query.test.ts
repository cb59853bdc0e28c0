import { describe, expect, it } from "vitest";
import { exportQueryString, parseExportQuery } from "@/lib/validation/export-query";

const parse = (query: string, kind: Parameters<typeof parseExportQuery>[1] = "editor") => parseExportQuery(new URLSearchParams(query), kind);

describe("parseExportQuery", () => {
  it("reads every filter, with status repeatable and duplicates dropped", () => {
    const result = parse("story=s1&status=false&status=misleading&status=false&claimant=c1&from=2025-01-01&to=2025-12-31&publication=drafts&format=csv&layout=links&bom=1");
    expect(result).toEqual({
      ok: true,
      query: {
        filters: {
          story: "s1",
          statuses: ["false", "misleading"],
          claimant: "c1",
          from: new Date("2025-01-01T00:00:00Z"),
          to: new Date("2025-12-31T00:00:00Z"),
          publication: "drafts",
        },
        format: "csv",
        layout: "links",
        bom: true,
      },
    });
  });

  it("defaults: every claim for editors, published only for open data, one row per claim, no BOM", () => {
    expect(parse("")).toMatchObject({ ok: true, query: { filters: { statuses: [], publication: "all" }, layout: "claims", bom: false } });
    expect(parse("", "open-json")).toMatchObject({ ok: true, query: { filters: { publication: "published" } } });
  });

  it("treats empty values as no filter, as an untouched form sends them", () => {
    expect(parse("story=&claimant=&from=&to=&status=")).toMatchObject({ ok: true, query: { filters: { statuses: [], publication: "all" } } });
  });

  it("refuses open data's parameters it does not take: publication (drafts) and CSV options on JSON", () => {
    expect(parse("publication=all", "open-csv")).toMatchObject({ ok: false, message: "Unknown parameter: publication." });
    expect(parse("publication=", "open-json")).toMatchObject({ ok: false, message: "Unknown parameter: publication." });
    expect(parse("layout=links", "open-json")).toMatchObject({ ok: false, field: "query" });
    expect(parse("layout=links&bom=1", "open-csv")).toMatchObject({ ok: true, query: { layout: "links", bom: true } });
  });

  it("names the parameter that is wrong", () => {
    expect(parse("status=fake")).toMatchObject({ ok: false, field: "status" });
    expect(parse("from=2025-02-30")).toMatchObject({ ok: false, field: "from", message: 'Parameter "from" is not a real date.' });
    expect(parse("from=01/02/2025")).toMatchObject({ ok: false, field: "from" });
    // Days PostgreSQL cannot take (no year 0; the day after 9999-12-31 has five digits) are refused on both engines.
    expect(parse("from=0000-01-01")).toMatchObject({ ok: false, field: "from", message: 'Parameter "from" must be a day in the years 1000 to 2999.' });
    expect(parse("to=9999-12-31")).toMatchObject({ ok: false, field: "to" });
    expect(parse("from=1000-01-01&to=2999-12-31")).toMatchObject({ ok: true });
    expect(parse("from=2025-06-01&to=2025-05-31")).toMatchObject({ ok: false, field: "to" });
    expect(parse("story=a&story=b")).toMatchObject({ ok: false, message: 'Parameter "story" was given more than once.' });
    expect(parse("story=bad%20id")).toMatchObject({ ok: false, field: "story" });
    expect(parse("format=xlsx")).toMatchObject({ ok: false, field: "format" });
    expect(parse("bom=yes")).toMatchObject({ ok: false, field: "bom" });
  });

  it("refuses names that are keys of every object, with a value or without", () => {
    for (const query of ["__proto__=1", "__proto__=", "constructor=", "toString="]) {
      expect(parse(query, "open-json"), query).toMatchObject({ ok: false, field: "query", message: expect.stringMatching(/^Unknown parameter: /) });
    }
  });

  it("round-trips through exportQueryString", () => {
    const first = parse("story=s1&status=false&status=accurate&from=2025-01-01&publication=published");
    if (!first.ok) throw new Error(first.message);
    const again = parse(exportQueryString(first.query.filters).slice(1));
    expect(again).toEqual(first);
  });
});
