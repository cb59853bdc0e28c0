// Next.js 16 answers a page that calls notFound() or forbidden() with an empty "error shell"
// (`<html id="__next_error__">`, no `lang`, an empty <body>) and draws the not-found or
// forbidden page in the browser (vercel/next.js#62228). Without scripts a reader who follows a
// dead link sees a blank page. scripts/next-server.mjs passes such answers through here: their
// <body> gets a <noscript> copy of the page, made from the not-found page Next.js prerendered at
// build (with its header, footer and stylesheet), and <html> gets the layout's `lang`.
// Browsers that run scripts never parse a <noscript>, so what they draw is unchanged.
import zlib from "node:zlib";

/** The 403 page's words: app/forbidden.tsx shows them, and so does its copy for no scripts. */
export const FORBIDDEN_PAGE = {
  title: "Not allowed",
  text: "Your role does not give access to this page. Ask an administrator if you need it.",
  link: { href: "/desk", label: "Back to the desk" },
};

/** The error shell's opening, as Next.js writes it. */
const ERROR_SHELL = '<html id="__next_error__">';
/** The most of an answer held back to be rewritten; a larger one is passed on as it came. */
export const HOLD_LIMIT_BYTES = 512 * 1024;

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

function forbiddenMarkup() {
  const { title, text, link } = FORBIDDEN_PAGE;
  return (
    `<div id="desk-content"><h1 class="mb-4 font-serif text-3xl font-bold">${escapeHtml(title)}</h1>` +
    `<p class="mb-4">${escapeHtml(text)}</p>` +
    `<p><a href="${escapeHtml(link.href)}" class="text-blue-800 underline">${escapeHtml(link.label)}</a></p></div>`
  );
}

/**
 * The <noscript> copies for 404 and 403, from the prerendered not-found page's HTML: its
 * stylesheets and its body without scripts; the 403 copy has the forbidden words in its <main>.
 * Null when the HTML is not the page expected, so nothing is rewritten.
 */
export function noscriptPages(notFoundHtml) {
  const body = /<body([^>]*)>([\s\S]*)<\/body>/.exec(notFoundHtml);
  const main = /(<main\b[^>]*>)[\s\S]*(<\/main>)/;
  if (!body || !main.test(body[2]) || !body[2].includes("<h1")) return null;
  const stylesheets = (notFoundHtml.match(/<link rel="stylesheet"[^>]*>/g) ?? []).join("");
  const content = body[2].replace(/<script\b[\s\S]*?<\/script>/g, "").replace(/<noscript\b[\s\S]*?<\/noscript>/g, "");
  const bodyClass = /class="([^"]*)"/.exec(body[1])?.[1];
  const page = (inner) => `<noscript>${stylesheets}<div${bodyClass ? ` class="${bodyClass}"` : ""}>${inner}</div></noscript>`;
  return { 404: page(content), 403: page(content.replace(main, (_, open, close) => `${open}${forbiddenMarkup()}${close}`)) };
}

/** The error shell with its copy for no scripts and the layout's `lang`; null for any other page. */
export function withNoscriptCopy(html, copy) {
  const shell = html.indexOf(ERROR_SHELL);
  const body = html.indexOf("<body>");
  if (shell < 0 || shell > 100 || body < 0) return null;
  const start = body + "<body>".length;
  return `${html.slice(0, shell)}<html id="__next_error__" lang="en">${html.slice(shell + ERROR_SHELL.length, start)}${copy}${html.slice(start)}`;
}

const CODECS = {
  gzip: [zlib.gunzipSync, zlib.gzipSync],
  deflate: [zlib.inflateSync, zlib.deflateSync],
  br: [zlib.brotliDecompressSync, zlib.brotliCompressSync],
};

/**
 * The answer's bytes with `edit` applied to them as they read once decoded, in the answer's own
 * encoding (none, gzip, deflate or br); null when `edit` gives null, the encoding is another, or
 * the bytes do not decode.
 */
export function recodeBytes(bytes, encoding, edit) {
  const name = String(encoding ?? "").trim().toLowerCase();
  const codec = name === "" || name === "identity" ? null : CODECS[name];
  if (codec === undefined) return null;
  try {
    const plain = edit(codec ? codec[0](bytes) : bytes);
    if (plain === null) return null;
    return codec ? codec[1](plain) : plain;
  } catch {
    return null;
  }
}

/**
 * The answer's bytes with `edit` applied to their text, in the answer's own encoding; null when
 * `edit` gives null, the encoding is another, or the bytes do not decode.
 */
export function recodeBody(bytes, encoding, edit) {
  return recodeBytes(bytes, encoding, (plain) => {
    const html = edit(plain.toString("utf8"));
    return html === null ? null : Buffer.from(html, "utf8");
  });
}

/** The answer's bytes rewritten by withNoscriptCopy, in the answer's own encoding; null to leave them. */
export function rewriteBody(bytes, encoding, copy) {
  return recodeBody(bytes, encoding, (html) => withNoscriptCopy(html, copy));
}

/** A writeHead's headers, as an object or a flat list of names and values, one pair at a time. */
function* headerPairs(headers) {
  if (!headers) return;
  if (!Array.isArray(headers)) {
    yield* Object.entries(headers);
    return;
  }
  if (Array.isArray(headers[0])) {
    for (const [name, value] of headers) yield [name, value];
    return;
  }
  for (let i = 0; i + 1 < headers.length; i += 2) yield [headers[i], headers[i + 1]];
}

/**
 * Holds back a 404 or 403 HTML answer written to `response`, its head included, and sends it
 * rewritten by rewriteBody with its length set again. Any other answer, one over
 * HOLD_LIMIT_BYTES, or one whose head went out before its status was known, goes through as it
 * came, and so does the answer to a HEAD, which has no body to rewrite. Call before the request
 * handler writes anything.
 */
export function holdFallbackPage(request, response, pages) {
  if (!pages || request.method === "HEAD") return;
  holdAnswer(response, HOLD_LIMIT_BYTES, () => {
    const copy = pages[response.statusCode];
    const type = String(response.getHeader("content-type") ?? "");
    return copy && type.startsWith("text/html") ? (bytes, encoding) => rewriteBody(bytes, encoding, copy) : null;
  });
}

/**
 * Holds back the answer written to `response`, its head included, when `choose` (asked once, when
 * the status and headers are known) gives a rewrite for it, and sends the rewrite's bytes with the
 * length set again (the bytes as they came when the rewrite gives null). An answer over `limit`
 * bytes, or one whose head went out with its length before `choose` was asked, goes through as it
 * came. Call before the request handler writes anything.
 */
export function holdAnswer(response, limit, choose) {
  const { write, end, writeHead, flushHeaders } = response;
  let held = null;
  let size = 0;
  let decided = false;

  const decide = () => {
    if (decided) return;
    decided = true;
    const lengthSent = response.headersSent && response.getHeader("content-length") !== undefined;
    const rewrite = choose();
    if (rewrite && !lengthSent) held = { rewrite, chunks: [] };
  };
  const release = () => {
    const chunks = held.chunks;
    held = null;
    for (const chunk of chunks) write.call(response, chunk);
  };

  // Next.js may send a head with writeHead, and sends a rendered page's with flushHeaders before
  // any of the body: both wait while the answer is held.
  response.writeHead = function (status, reason, headers) {
    // While an answer is held, every writeHead is kept, not sent: Next.js's compression calls it
    // again before each write of a streamed answer (a router payload, flushHeaders then write).
    if (decided && !held) return writeHead.apply(response, arguments);
    if (typeof reason !== "string") [reason, headers] = [undefined, reason];
    response.statusCode = status;
    if (reason !== undefined) response.statusMessage = reason;
    for (const [name, value] of headerPairs(headers)) response.setHeader(name, value);
    decide();
    if (held) return response;
    return reason === undefined ? writeHead.call(response, status) : writeHead.call(response, status, reason);
  };
  response.flushHeaders = function () {
    decide();
    if (!held) flushHeaders.call(response);
  };

  response.write = function (chunk, encoding, callback) {
    decide();
    if (!held) return write.call(response, chunk, encoding, callback);
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
    held.chunks.push(bytes);
    size += bytes.length;
    const done = typeof encoding === "function" ? encoding : callback;
    if (size > limit) {
      release();
    }
    if (typeof done === "function") process.nextTick(done);
    return true;
  };

  response.end = function (chunk, encoding, callback) {
    if (typeof chunk === "function") [chunk, encoding, callback] = [undefined, undefined, chunk];
    if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
    decide();
    if (!held) return end.call(response, chunk, encoding, callback);
    if (chunk !== undefined && chunk !== null) {
      held.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, encoding ?? "utf8"));
    }
    const bytes = Buffer.concat(held.chunks);
    const rewritten = held.rewrite(bytes, response.getHeader("content-encoding"));
    held = null;
    const out = rewritten ?? bytes;
    if (rewritten && !response.headersSent && response.getHeader("content-length") !== undefined) {
      response.setHeader("content-length", out.length);
    }
    return end.call(response, out, callback);
  };
}
