import { createRequire } from "node:module";
import path from "node:path";
import { Readability } from "@mozilla/readability";
import { Parser } from "htmlparser2";
import { parseHTML } from "linkedom";
import { CaptureError } from "@/lib/capture/fetch";
import { CAPTURED_TEXT_MAX } from "@/lib/validation/source";

/**
 * The most elements a page may have for Readability to read it. Readability works on the
 * server's own thread, and its time grows with the page: a 5 MB page of tiny elements holds some
 * 700,000. Ordinary articles have a few thousand; 30,000 take Readability about a second.
 */
export const CAPTURE_MAX_ELEMENTS = 30_000;

/**
 * The most nodes of any kind (elements, runs of text, comments) a page may have. Elements alone
 * do not bound the work: linkedom builds a node for each run of text (an entity ends one) and
 * each comment, and Readability walks them all. A page holding the most text a source may keep
 * (CAPTURED_TEXT_MAX), with seven entities in every sentence, has about 90,000. 150,000 comments
 * take linkedom and Readability about 2 s; 5 MB of them took 4 s, and 5 MB of `x&amp;` 20 s.
 */
export const CAPTURE_MAX_NODES = 150_000;

/** What a capture takes from a page: its main text, and what it says about itself. */
export interface ExtractedPage {
  kind: "html" | "text" | "pdf";
  text: string;
  title: string | null;
  publisher: string | null;
  author: string | null;
  /** As the page gives it, ISO 8601 when it can be read as a date (YYYY-MM-DD). */
  publishedAt: string | null;
}

function pageKind(contentType: string, body: Buffer): ExtractedPage["kind"] | null {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type === "text/html" || type === "application/xhtml+xml") return "html";
  if (type === "text/plain") return "text";
  if (type === "application/pdf") return "pdf";
  if (type === "" || type === "application/octet-stream") {
    if (body.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
    if (/^\s*</.test(body.subarray(0, 512).toString("latin1"))) return "html";
  }
  return null;
}

function charset(contentType: string, body: Buffer): string {
  const declared = contentType.match(/charset\s*=\s*"?([\w.:-]+)/i)?.[1];
  const meta = declared ? undefined : body.subarray(0, 2048).toString("latin1").match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
  return (declared ?? meta ?? "utf-8").toLowerCase();
}

function decodeText(contentType: string, body: Buffer): string {
  try {
    return new TextDecoder(charset(contentType, body)).decode(body);
  } catch {
    return new TextDecoder("utf-8").decode(body);
  }
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text : null;
}

/**
 * A page's zone, in the forms Date.parse reads, at the end: an offset after a time ("23:30 -0500",
 * "23:30:00 GMT-0500 (Eastern Standard Time)") or a zone's name after a number ("11:30 PM EST",
 * "23:30Z", "17 Mar 2025 GMT"). What comes before it is kept ($1).
 */
const WRITTEN_ZONES = [
  /(\d:\d{2}(?::\d{2}(?:\.\d+)?)?(?: ?[ap]\.?m\.?)?) ?(?:gmt|utc|ut)? ?[+-]\d{1,2}(?::?\d{2})? ?(?:\([^()]*\))?$/i,
  /(\d(?: ?[ap]\.?m\.?)?) ?(?:gmt|utc|ut|z|[ecmp][sd]t) ?(?:\([^()]*\))?$/i,
];

/**
 * Longer than any date a page writes ("Wednesday, 17 September 2025 23:30:00 GMT-0500 (Eastern
 * Standard Time)" is 72): a longer value is not read as a date. The page supplies it, and the
 * patterns above would otherwise run over all of it on the server's thread.
 */
const DATE_MAX = 100;

/**
 * A date the form can take (YYYY-MM-DD), from whatever a page's metadata says: the day as
 * written, in the zone it is written in. A source's date is a calendar date; "17 Mar 2025
 * 23:30 -0500" was published on the 17th, though it was the 18th in Greenwich.
 */
export function isoDay(value: string | null | undefined): string | null {
  // Spaces of any kind and number read as one, as the patterns above expect them.
  const text = value?.replace(/\s+/gu, " ").trim();
  if (!text || text.length > DATE_MAX) return null;
  // ISO 8601 (2025-03-17T23:30:00-05:00): the date comes first, whatever the offset after it.
  const iso = text.match(/^(\d{4}-\d{2}-\d{2})/);
  if (iso) return iso[1]!;
  // PDF dates: D:20250412093000Z
  const pdf = text.match(/^D:(\d{4})(\d{2})(\d{2})/);
  if (pdf) return `${pdf[1]}-${pdf[2]}-${pdf[3]}`;
  // Without its zone, Date.parse reads a date in the server's own zone, whose calendar then
  // gives back the day as written, whatever that zone is.
  const parsed = new Date(Date.parse(WRITTEN_ZONES.reduce((written, zone) => written.replace(zone, "$1"), text)));
  if (Number.isNaN(parsed.getTime())) return null;
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(parsed.getFullYear(), 4)}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}`;
}

const BLOCKS = new Set(["P", "DIV", "SECTION", "ARTICLE", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TR", "FIGCAPTION", "BR", "HR", "DT", "DD", "TABLE", "UL", "OL"]);

interface TextNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<TextNode>;
}

/** The text of an element, one paragraph per block, so sentences never run across blocks. */
function paragraphs(root: TextNode): string {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    const text = current.replace(/\s+/g, " ").trim();
    if (text) out.push(text);
    current = "";
  };
  const walk = (node: TextNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    if (node.nodeName === "SCRIPT" || node.nodeName === "STYLE" || node.nodeName === "NOSCRIPT") return;
    const isBlock = BLOCKS.has(node.nodeName);
    if (isBlock) flush();
    // Read once: linkedom builds the list anew at each read, and reading it per child made a
    // page of many paragraphs quadratic (20,000 under one element took minutes).
    const children = node.childNodes;
    for (let i = 0; i < children.length; i++) walk(children[i]!);
    if (isBlock) flush();
  };
  walk(root);
  flush();
  return out.join("\n\n");
}

function meta(document: Document, ...names: string[]): string | null {
  for (const name of names) {
    const element = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = clean(element?.getAttribute("content"));
    if (value) return value;
  }
  return null;
}

const TOO_COMPLEX = `The page is too complex to read (more than ${CAPTURE_MAX_ELEMENTS.toLocaleString("en")} HTML elements); nothing was captured.`;
const TOO_MANY_NODES = `The page is too complex to read (more than ${CAPTURE_MAX_NODES.toLocaleString("en")} pieces of text and markup); nothing was captured.`;

/** Thrown by the count below to stop its tokenizer at a limit. */
class PastTheLimit {
  constructor(readonly message: string) {}
}

/**
 * Refuses a page past CAPTURE_MAX_ELEMENTS or CAPTURE_MAX_NODES before any document is built,
 * counted with the tokenizer linkedom parses with (htmlparser2: the same tags, the same runs of
 * text, raw text in scripts and styles alike) and stopped at the limit. linkedom took 3.7 s of
 * the server's thread to build a 5 MB page of 655,362 tiny elements that the element limit then
 * refused; the tokenizer counts them all in 0.2 s, and stops at the limit in a hundredth of that.
 */
function refuseTooComplex(html: string): void {
  let elements = 0;
  let nodes = 0;
  const node = () => {
    if (++nodes > CAPTURE_MAX_NODES) throw new PastTheLimit(TOO_MANY_NODES);
  };
  const parser = new Parser({
    onopentag() {
      if (++elements > CAPTURE_MAX_ELEMENTS) throw new PastTheLimit(TOO_COMPLEX);
      node();
    },
    ontext: node,
    oncomment: node,
  });
  try {
    parser.end(html);
  } catch (error) {
    if (error instanceof PastTheLimit) throw new CaptureError("too-large", error.message);
    throw error;
  }
}

function extractHtml(html: string): ExtractedPage {
  // Counted before the document is built, not left to Readability's maxElemsToParse: Readability
  // counts with getElementsByTagName("*"), which linkedom answers with no elements, so its check
  // never fires. linkedom adds no element of its own (no html, body or tbody a tag did not open),
  // so the tokenizer's count is the document's.
  refuseTooComplex(html);
  const { document } = parseHTML(html);
  const title = meta(document, "og:title", "twitter:title") ?? clean(document.querySelector("title")?.textContent);
  const publisher = meta(document, "og:site_name", "application-name", "publisher");
  const author = meta(document, "author", "article:author", "parsely-author", "dc.creator");
  const published = meta(document, "article:published_time", "datePublished", "date", "dc.date", "pubdate");
  // The headline as the page shows it: Readability keeps it out of the article's content, and a
  // claim made in a headline is one a fact-checker quotes.
  // The article's own h1 first: a selector list would give the page's first h1, a logo's as often.
  const headline = clean((document.querySelector("article h1") ?? document.querySelector("main h1") ?? document.querySelector("h1"))?.textContent);
  // Readability changes the document it reads: read the metadata first.
  const article = new Readability(document as unknown as Document, { charThreshold: 200, maxElemsToParse: CAPTURE_MAX_ELEMENTS }).parse();
  let text = "";
  if (article?.content) text = paragraphs(parseHTML(`<!doctype html><html><body>${article.content}</body></html>`).document.body as unknown as TextNode);
  if (!text) text = paragraphs(parseHTML(html).document.body as unknown as TextNode);
  if (headline && !text.includes(headline)) text = `${headline}\n\n${text}`;
  return {
    kind: "html",
    text,
    title: title ?? clean(article?.title),
    publisher: publisher ?? clean(article?.siteName),
    author: author ?? clean(article?.byline)?.replace(/^by\s+/i, "") ?? null,
    publishedAt: isoDay(published ?? article?.publishedTime),
  };
}

function extractPlainText(text: string): ExtractedPage {
  const normalised = text.replace(/\r\n?/g, "\n").trim();
  const firstLine = normalised.split("\n", 1)[0]?.trim() ?? "";
  return { kind: "text", text: normalised, title: firstLine || null, publisher: null, author: null, publishedAt: null };
}

interface PdfTextItem {
  str?: string;
  hasEOL?: boolean;
}

async function extractPdf(body: Buffer): Promise<ExtractedPage> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // The metrics of the 14 standard fonts, read from the package on disk: pdf.js never fetches.
  const standardFontDataUrl = `${path.join(path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")), "standard_fonts")}/`;
  let pdf;
  try {
    pdf = await getDocument({ data: new Uint8Array(body), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, standardFontDataUrl, verbosity: 0 }).promise;
  } catch {
    throw new CaptureError("unreadable", "That PDF could not be read; nothing was captured.");
  }
  try {
    const pages: string[] = [];
    let length = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      let text = "";
      try {
        const content = await (await pdf.getPage(n)).getTextContent();
        for (const item of content.items as PdfTextItem[]) {
          text += item.str ?? "";
          if (item.hasEOL) text += "\n";
        }
      } catch {
        // A damaged page is the document's fault, said as such, not an error of ours.
        throw new CaptureError("unreadable", `Page ${n} of that PDF could not be read; nothing was captured.`);
      }
      const cleaned = text.replace(/[ \t]+/g, " ").replace(/ *\n */g, "\n").trim();
      pages.push(cleaned);
      // pdf.js reads on the server's own thread: past what a source holds, stop reading pages.
      // The length of the pages joined as below, each non-empty one after a blank line.
      if (cleaned) length += (length > 0 ? 2 : 0) + cleaned.length;
      if (length > CAPTURED_TEXT_MAX) throw new CaptureError("too-large", `The page's text is longer than ${CAPTURED_TEXT_MAX.toLocaleString("en")} characters, more than a source holds.`);
    }
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const str = (key: string) => (typeof info[key] === "string" ? clean(info[key] as string) : null);
    return { kind: "pdf", text: pages.filter(Boolean).join("\n\n"), title: str("Title"), publisher: null, author: str("Author"), publishedAt: isoDay(str("CreationDate")) };
  } finally {
    await pdf.destroy();
  }
}

/** The main text and metadata of a fetched page; a refusal for a kind Factline does not read. */
export async function extractPage(page: { contentType: string; body: Buffer }): Promise<ExtractedPage> {
  const kind = pageKind(page.contentType, page.body);
  if (kind === "pdf") return extractPdf(page.body);
  if (kind === "text") return extractPlainText(decodeText(page.contentType, page.body));
  if (kind === "html") return extractHtml(decodeText(page.contentType, page.body));
  const type = page.contentType.split(";")[0]!.trim() || "an unknown kind of file";
  throw new CaptureError("unsupported", `Factline captures web pages, plain text and PDF; that address sent ${type}.`);
}
