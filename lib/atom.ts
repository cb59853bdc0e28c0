/**
 * Atom 1.0 (RFC 4287) feeds, written as text: pure, no Next.js, no database. Entry text comes
 * from what people typed or pasted (summaries, correction notes), so every value is cleaned of
 * the characters XML 1.0 forbids and escaped, and a feed reader never meets a broken document.
 */

export interface AtomEntry {
  /** A permanent, absolute IRI: see atomTagId. */
  id: string;
  title: string;
  /** The entry's page, for people. */
  url: string;
  published: Date;
  updated: Date;
  /** Plain text; readers show it as typed, never as HTML. */
  summary: string;
  categories?: { term: string; label?: string }[];
}

export interface AtomFeed {
  /** A permanent, absolute IRI. */
  id: string;
  title: string;
  subtitle?: string;
  /** Where this feed is fetched from. */
  selfUrl: string;
  /** The HTML page the feed follows. */
  alternateUrl: string;
  /** When the feed last changed; entries updated later than this move it forward. */
  updated: Date;
  author: { name: string; uri?: string };
  entries: AtomEntry[];
}

/**
 * Characters XML 1.0 does not allow in a document at all, even escaped: C0 controls other than
 * tab, line feed and carriage return; U+FFFE and U+FFFF; and surrogates without their pair,
 * which JavaScript strings can hold but UTF-8 cannot encode.
 */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
// A parser turns a raw tab or line break inside an attribute into a space; as references they survive.
const ATTRIBUTE_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

function escapeText(value: string): string {
  return value.replace(XML_FORBIDDEN, "").replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c] ?? c);
}

function escapeAttribute(value: string): string {
  return value.replace(XML_FORBIDDEN, "").replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c);
}

/** RFC 3339 in UTC, to the second: "2026-11-29T10:00:00Z". An invalid Date throws. */
function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

const ABSOLUTE_IRI = /^[a-z][a-z0-9+.-]*:\S/i;

/** atom:id must be an absolute IRI (RFC 4287 §4.2.6); a relative one is a programming error. */
function checkedId(id: string, what: string): string {
  if (!ABSOLUTE_IRI.test(id)) throw new Error(`Atom ${what} id must be an absolute IRI, got "${id}"`);
  return id;
}

function element(name: string, text: string, attributes = ""): string {
  return `<${name}${attributes}>${escapeText(text)}</${name}>`;
}

function link(rel: string, type: string, href: string): string {
  return `<link rel="${rel}" type="${type}" href="${escapeAttribute(href)}"/>`;
}

function entryXml(entry: AtomEntry): string {
  const lines = [
    "  <entry>",
    `    ${element("id", checkedId(entry.id, "entry"))}`,
    `    ${element("title", entry.title, ' type="text"')}`,
    `    ${link("alternate", "text/html", entry.url)}`,
    `    ${element("published", rfc3339(entry.published))}`,
    `    ${element("updated", rfc3339(entry.updated))}`,
    `    ${element("summary", entry.summary, ' type="text"')}`,
    ...(entry.categories ?? []).map(
      (category) =>
        `    <category term="${escapeAttribute(category.term)}"${category.label === undefined ? "" : ` label="${escapeAttribute(category.label)}"`}/>`,
    ),
    "  </entry>",
  ];
  return lines.join("\n");
}

/** The feed as an Atom document, UTF-8, entries in the order given. */
export function buildAtomFeed(feed: AtomFeed): string {
  // A reader polls feed-level updated to decide whether to look at entries at all, so it may
  // never be older than the newest entry.
  const updated = feed.entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), feed.updated);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-GB">',
    `  ${element("id", checkedId(feed.id, "feed"))}`,
    `  ${element("title", feed.title, ' type="text"')}`,
    ...(feed.subtitle === undefined ? [] : [`  ${element("subtitle", feed.subtitle, ' type="text"')}`]),
    `  ${element("updated", rfc3339(updated))}`,
    `  ${link("self", "application/atom+xml", feed.selfUrl)}`,
    `  ${link("alternate", "text/html", feed.alternateUrl)}`,
    "  <author>",
    `    ${element("name", feed.author.name)}`,
    ...(feed.author.uri === undefined ? [] : [`    ${element("uri", feed.author.uri)}`]),
    "  </author>",
    `  ${element("generator", "Factline")}`,
    ...feed.entries.map(entryXml),
    "</feed>",
    "",
  ];
  return lines.join("\n");
}

const DNS_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** Characters RFC 4151 allows in the specific part unencoded: unreserved, sub-delims, ":@/?". */
const TAG_SPECIFIC_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/;

/**
 * An RFC 4151 tag URI: "tag:example.org,2026-11-29:claims/abc/correction/xyz". Unlike a page
 * URL it does not change when routes or the domain move, so a reader never shows an entry twice.
 * `date` must be a day the organisation held `host` and must never change for a given entry
 * (the claim's first publication, the correction's creation): a different date is another id.
 * `host` may carry a port ("localhost:3000"); tag URIs take the DNS name only.
 */
export function atomTagId(host: string, date: Date, specific: string): string {
  const name = host.trim().toLowerCase().replace(/:\d+$/, "").replace(/\.$/, "");
  if (!DNS_NAME.test(name)) throw new Error(`A tag URI needs a DNS name, got "${host}"`);
  let encoded = "";
  for (const character of specific.replace(XML_FORBIDDEN, "")) {
    encoded += TAG_SPECIFIC_SAFE.test(character)
      ? character
      : [...new TextEncoder().encode(character)].map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  }
  return `tag:${name},${date.toISOString().slice(0, 10)}:${encoded}`;
}
