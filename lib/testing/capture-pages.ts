import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local server of pages to capture (unit tests and e2e/desk-capture.spec.ts): an article with
 * metadata, plain text, a PDF with a text layer, redirect chains, a slow page, oversized pages,
 * and redirects into private space. The article can be replaced, to capture it again changed.
 */

export const ARTICLE_SENTENCES = [
  "The city council approved a budget of $48.2 million for the harbour bridge on Tuesday.",
  "Spending on road repairs more than tripled since 2019, according to the council's own figures.",
  "“We will finish the bridge by 2027,” said Mayor Ana Ruiz at the meeting.",
  "The transport authority denied that the tender had been rushed.",
];

export function articleHtml(sentences: readonly string[] = ARTICLE_SENTENCES): string {
  const paragraphs = sentences.map((s) => `<p>${s} Residents followed the debate closely, and several spoke during the public comment period that evening.</p>`).join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour bridge budget approved | Harbour Gazette</title>
<meta property="og:title" content="Harbour bridge budget approved">
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Lena Okafor">
<meta property="article:published_time" content="2026-03-17T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour bridge budget approved</h1>
<p class="byline">By Lena Okafor</p>
${paragraphs}
</article>
<footer>© Harbour Gazette. All rights reserved. Subscribe to our newsletter.</footer>
</body></html>`;
}

/** Metadata longer than the source form takes: a title of 600 characters, a publisher and an author of 250. */
export const LONG_METADATA = {
  title: `Harbour bridge budget approved ${"after another long night of debate in the council chamber ".repeat(10)}`.slice(0, 600).trim(),
  publisher: `The ${"Harbour and Estuary Gazette and Evening Courier ".repeat(5)}`.slice(0, 250).trim(),
  author: `Lena Okafor, ${"with reporting from the harbour desk and agencies, ".repeat(5)}`.slice(0, 250).trim(),
};

export const PLAIN_TEXT = "Statement from the port authority\n\nThe port handled 1.2 million containers in 2025, up 8% on the year before.\n";

/** 50 pages of 130 lines of about 100 characters: some 650,000 characters of text, in about 700 kB. */
export const LONG_REPORT_PAGES = Array.from({ length: 50 }, (_, p) => Array.from({ length: 130 }, (_, l) => `Page ${p} line ${l}: the harbour handled more containers than the year before, officials said again.`));

export const PDF_SENTENCE = "Unemployment fell to 4.1 percent in March.";

function pdfEscape(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A one-page PDF whose text layer holds `lines`, written object by object with a correct xref. */
export function makePdf(lines: readonly string[], info: { title: string; author: string }): Buffer {
  return makePdfPages([lines], info, 12);
}

/** A PDF of several pages, each holding its lines in type of `size` points (small, so long lines stay on the page). */
export function makePdfPages(pages: readonly (readonly string[])[], info: { title: string; author: string }, size: number): Buffer {
  // Objects: 1 catalog, 2 page tree, 3 font, 4 document information, then each page and its contents.
  const pageObject = (i: number) => 5 + 2 * i;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${pageObject(i)} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Title (${pdfEscape(info.title)}) /Author (${pdfEscape(info.author)}) /CreationDate (D:20260301120000Z) >>`,
    ...pages.flatMap((lines, i) => {
      const stream = `BT /F1 ${size} Tf 36 756 Td ${size + 2} TL ${lines.map((l) => `(${pdfEscape(l)}) Tj T*`).join(" ")} ET`;
      return [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${pageObject(i) + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
        `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
      ];
    }),
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

export interface CapturePages {
  origin: string;
  port: number;
  /** Replaces the article's sentences (a page that changed since its last capture). */
  setArticle: (sentences: readonly string[]) => void;
  close: () => Promise<void>;
}

const OVERSIZED = 5 * 1024 * 1024 + 1024;

export async function startCapturePages(port = 0): Promise<CapturePages> {
  let article = articleHtml();
  const pending = new Set<http.ServerResponse>();
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://fixture").pathname;
    const chain = path.match(/^\/chain\/(\d+)$/);
    if (chain) {
      const left = Number(chain[1]);
      response.writeHead(302, { location: left <= 1 ? "/article" : `/chain/${left - 1}` }).end();
      return;
    }
    switch (path) {
      case "/article":
        response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(article);
        return;
      case "/long-metadata":
        response
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(
            articleHtml()
              .replace('content="Harbour bridge budget approved"', `content="${LONG_METADATA.title}"`)
              .replace('content="Harbour Gazette"', `content="${LONG_METADATA.publisher}"`)
              .replace('content="Lena Okafor"', `content="${LONG_METADATA.author}"`),
          );
        return;
      case "/plain.txt":
        response.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(PLAIN_TEXT);
        return;
      case "/report.pdf":
        response.writeHead(200, { "content-type": "application/pdf" }).end(makePdf(["Labour market report", PDF_SENTENCE], { title: "Labour market report", author: "Statistics Office" }));
        return;
      case "/long-report.pdf":
        // A text layer longer than a source holds (CAPTURED_TEXT_MAX), in a file well under the size limit.
        response.writeHead(200, { "content-type": "application/pdf" }).end(makePdfPages(LONG_REPORT_PAGES, { title: "Long report", author: "Statistics Office" }, 4));
        return;
      case "/image.png":
        response.writeHead(200, { "content-type": "image/png" }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
        return;
      case "/missing":
        response.writeHead(404, { "content-type": "text/html" }).end("<p>Not here</p>");
        return;
      case "/slow":
        // Answers only when the server closes: longer than any capture waits.
        pending.add(response);
        return;
      case "/large":
        response.writeHead(200, { "content-type": "text/plain" });
        for (let sent = 0; sent < OVERSIZED; sent += 64 * 1024) response.write("x".repeat(64 * 1024));
        response.end();
        return;
      case "/large-declared":
        response.writeHead(200, { "content-type": "text/plain", "content-length": String(OVERSIZED) }).end("x".repeat(OVERSIZED));
        return;
      case "/to-loopback":
        response.writeHead(302, { location: "http://127.0.0.1/admin" }).end();
        return;
      case "/to-metadata":
        response.writeHead(301, { location: "http://169.254.169.254/latest/meta-data/" }).end();
        return;
      case "/to-private-name":
        response.writeHead(307, { location: "http://intranet.capture.test/" }).end();
        return;
      case "/to-file":
        response.writeHead(302, { location: "file:///etc/passwd" }).end();
        return;
      default:
        response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    origin: `http://127.0.0.1:${actual}`,
    port: actual,
    setArticle: (sentences) => {
      article = articleHtml(sentences);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const response of pending) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
