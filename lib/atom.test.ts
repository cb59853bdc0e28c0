import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { atomTagId, buildAtomFeed, type AtomEntry, type AtomFeed } from "@/lib/atom";

type Node = Record<string, unknown[]> & { "#text"?: string } & Record<`@_${string}`, string>;

// Every element parses as an array, so a test can count how many a parent holds.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (_name, _path, _isLeaf, isAttribute) => !isAttribute,
});

function parseFeed(xml: string): Node {
  const validation = XMLValidator.validate(xml);
  expect(validation).toBe(true);
  const document = parser.parse(xml) as { feed?: Node[] };
  expect(document.feed).toHaveLength(1);
  return document.feed![0]!;
}

function children(node: Node, name: string): Node[] {
  return (node[name] ?? []) as Node[];
}

function text(node: Node, name: string): string {
  const found = children(node, name);
  expect(found, `exactly one <${name}>`).toHaveLength(1);
  const value = found[0]!;
  return typeof value === "string" ? value : (value["#text"] ?? "");
}

function links(node: Node, rel: string): Node[] {
  return children(node, "link").filter((l) => (l["@_rel"] ?? "alternate") === rel);
}

const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S+$/i;
// What XML 1.0 forbids anywhere in a document (raw or as the target of a reference).
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function entry(overrides: Partial<AtomEntry> & Pick<AtomEntry, "id">): AtomEntry {
  return {
    title: "Microsoft said it ended the contract",
    url: "https://factline.example/claims/abc",
    published: new Date("2026-01-10T09:00:00Z"),
    updated: new Date("2026-01-10T09:00:00Z"),
    summary: "Rated Misleading.",
    ...overrides,
  };
}

function feed(overrides: Partial<AtomFeed> = {}): AtomFeed {
  return {
    id: "tag:factline.example,2026-01-01:feeds/corrections",
    title: "Factline: corrections",
    subtitle: "Every published change to a verdict",
    selfUrl: "https://factline.example/feeds/corrections.atom",
    alternateUrl: "https://factline.example/corrections",
    updated: new Date("2026-01-01T00:00:00Z"),
    author: { name: "Factline Desk", uri: "https://factline.example" },
    entries: [
      entry({
        id: "tag:factline.example,2026-01-10:claims/abc",
        updated: new Date("2026-03-02T12:30:00Z"),
        categories: [{ term: "misleading", label: "Misleading" }, { term: "microsoft-ice" }],
      }),
      entry({ id: "tag:factline.example,2026-01-12:claims/def", title: "ICE has no cloud contracts left" }),
    ],
    ...overrides,
  };
}

describe("buildAtomFeed", () => {
  it("writes a feed that meets RFC 4287's rules for feeds and entries", () => {
    const xml = buildAtomFeed(feed());
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(true);
    const root = parseFeed(xml);
    expect(root["@_xmlns"]).toBe("http://www.w3.org/2005/Atom");

    expect(text(root, "id")).toMatch(ABSOLUTE_IRI);
    expect(text(root, "title")).toBe("Factline: corrections");
    expect(text(root, "subtitle")).toBe("Every published change to a verdict");
    expect(text(root, "updated")).toMatch(RFC_3339);
    expect(text(root, "generator")).toBe("Factline");
    const self = links(root, "self");
    expect(self).toHaveLength(1);
    expect(self[0]).toMatchObject({ "@_type": "application/atom+xml", "@_href": "https://factline.example/feeds/corrections.atom" });
    expect(links(root, "alternate")).toEqual([
      expect.objectContaining({ "@_type": "text/html", "@_href": "https://factline.example/corrections" }),
    ]);
    const authors = children(root, "author");
    expect(authors).toHaveLength(1);
    expect(text(authors[0]!, "name")).toBe("Factline Desk");
    expect(text(authors[0]!, "uri")).toBe("https://factline.example");

    const entries = children(root, "entry");
    expect(entries).toHaveLength(2);
    for (const item of entries) {
      expect(text(item, "id")).toMatch(ABSOLUTE_IRI);
      expect(text(item, "title")).not.toBe("");
      expect(text(item, "updated")).toMatch(RFC_3339);
      expect(text(item, "published")).toMatch(RFC_3339);
      expect(text(item, "summary")).toBe("Rated Misleading.");
      expect(links(item, "alternate")).toHaveLength(1);
      expect(children(item, "title")[0]).toMatchObject({ "@_type": "text" });
      expect(children(item, "summary")[0]).toMatchObject({ "@_type": "text" });
    }
    const ids = entries.map((item) => text(item, "id"));
    expect(new Set(ids).size).toBe(ids.length);
    expect(children(entries[0]!, "category")).toEqual([
      expect.objectContaining({ "@_term": "misleading", "@_label": "Misleading" }),
      expect.objectContaining({ "@_term": "microsoft-ice" }),
    ]);
    expect(children(entries[1]!, "category")).toHaveLength(0);
  });

  it("dates the feed by its newest entry when that is newer than the feed", () => {
    const root = parseFeed(buildAtomFeed(feed()));
    expect(text(root, "updated")).toBe("2026-03-02T12:30:00Z");
    const newer = parseFeed(buildAtomFeed(feed({ updated: new Date("2026-05-01T08:00:00.250Z") })));
    expect(text(newer, "updated")).toBe("2026-05-01T08:00:00Z");
  });

  it("keeps text that looks like markup, entities or quotes as the text it is", () => {
    const hostile = `Microsoft <script>alert("x")</script> & ICE’s “deal” — 'over' ]]> &amp;`;
    const xml = buildAtomFeed(
      feed({
        title: hostile,
        author: { name: `O'Brien & "Partners" <desk>` },
        selfUrl: "https://factline.example/feeds/all.atom?story=a&status=false",
        entries: [
          entry({
            id: "tag:factline.example,2026-01-10:claims/abc",
            title: hostile,
            summary: hostile,
            url: `https://factline.example/claims/abc?q="x"&y='z'`,
            categories: [{ term: `a&b"c'<d>`, label: hostile }],
          }),
        ],
      }),
    );
    expect(xml).not.toContain("<script>");
    const root = parseFeed(xml);
    expect(text(root, "title")).toBe(hostile);
    expect(text(children(root, "author")[0]!, "name")).toBe(`O'Brien & "Partners" <desk>`);
    expect(links(root, "self")[0]!["@_href"]).toBe("https://factline.example/feeds/all.atom?story=a&status=false");
    const item = children(root, "entry")[0]!;
    expect(text(item, "title")).toBe(hostile);
    expect(text(item, "summary")).toBe(hostile);
    expect(links(item, "alternate")[0]!["@_href"]).toBe(`https://factline.example/claims/abc?q="x"&y='z'`);
    expect(children(item, "category")[0]).toMatchObject({ "@_term": `a&b"c'<d>`, "@_label": hostile });
  });

  it("drops the characters XML 1.0 forbids and keeps the rest of the text", () => {
    const dirty = "Before\u0000NUL, bell\u0007, lone \uD800 high, lone \uDC00 low, \uFFFF, tab\tand emoji 😀 after";
    const xml = buildAtomFeed(
      feed({ title: dirty, entries: [entry({ id: "tag:factline.example,2026-01-10:claims/abc", title: dirty, summary: dirty })] }),
    );
    expect(xml).not.toMatch(XML_FORBIDDEN);
    // A lone surrogate would not survive UTF-8: the document must be the same after encoding.
    expect(Buffer.from(xml, "utf8").toString("utf8")).toBe(xml);
    const root = parseFeed(xml);
    const clean = "BeforeNUL, bell, lone  high, lone  low, , tab\tand emoji 😀 after";
    expect(text(root, "title")).toBe(clean);
    const item = children(root, "entry")[0]!;
    expect(text(item, "title")).toBe(clean);
    expect(text(item, "summary")).toBe(clean);
  });

  it("writes a valid feed with no entries", () => {
    const root = parseFeed(buildAtomFeed(feed({ entries: [], subtitle: undefined })));
    expect(children(root, "entry")).toHaveLength(0);
    expect(children(root, "subtitle")).toHaveLength(0);
    expect(text(root, "updated")).toBe("2026-01-01T00:00:00Z");
    expect(text(root, "id")).toMatch(ABSOLUTE_IRI);
  });

  it("refuses an id that is not an absolute IRI", () => {
    expect(() => buildAtomFeed(feed({ id: "/feeds/corrections" }))).toThrow(/absolute IRI/);
    expect(() => buildAtomFeed(feed({ entries: [entry({ id: "claims/abc" })] }))).toThrow(/absolute IRI/);
  });
});

describe("atomTagId", () => {
  const day = new Date("2026-11-29T23:59:59Z");

  it("builds an RFC 4151 tag URI", () => {
    expect(atomTagId("example.org", day, "claims/abc/correction/xyz")).toBe("tag:example.org,2026-11-29:claims/abc/correction/xyz");
  });

  it("takes the DNS name only, lower-cased, and the date in UTC", () => {
    expect(atomTagId("Factline.Example:3000", new Date("2026-01-01T00:30:00+02:00"), "claims/a")).toBe(
      "tag:factline.example,2025-12-31:claims/a",
    );
  });

  it("percent-encodes what the specific part may not hold", () => {
    const id = atomTagId("example.org", day, "stories/café au lait#1%");
    expect(id).toBe("tag:example.org,2026-11-29:stories/caf%C3%A9%20au%20lait%231%25");
    expect(id).toMatch(/^tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:[A-Za-z0-9\-._~!$&'()*+,;=:@/?%]*$/);
  });

  it("refuses a host that is not a DNS name", () => {
    expect(() => atomTagId("https://example.org", day, "x")).toThrow(/DNS name/);
    expect(() => atomTagId("", day, "x")).toThrow(/DNS name/);
  });
});
