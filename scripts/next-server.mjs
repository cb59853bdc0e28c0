// The production server: Next.js's request handler behind a plain Node HTTP server, so that the
// few requests Next.js would answer with a 500 before the proxy can see them are refused first,
// in words (lib/http/early-refusal.mjs). Everything else is Next.js as `next start` serves it.
// `node scripts/next-server.mjs --port P [--hostname H]`; npm start, the end-to-end server and the
// measuring scripts run it on the build in .next.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import next from "next";
import { holdCopyNonce } from "../lib/http/copy-nonce.mjs";
import { earlyRefusal } from "../lib/http/early-refusal.mjs";
import { holdEntityTag } from "../lib/http/etag.mjs";
import { holdFallbackPage, noscriptPages } from "../lib/http/fallback-pages.mjs";
import { keepIdleConnections } from "../lib/http/keep-alive.mjs";
import { seeOtherToSignIn } from "../lib/http/see-other.mjs";

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : fallback;
}

const port = Number(option("port", process.env.PORT || "3000"));
// As `next start`: every address, IPv6 and IPv4, unless one is named.
const hostname = option("hostname", process.env.HOSTNAME || "");
process.env.NODE_ENV = "production";
// Desk pages may come from a person's cached copy: this server puts each response's own nonce in
// place of the copy's (lib/http/copy-nonce.mjs), so proxy.ts may choose one (ADR 041).
process.env.FACTLINE_DESK_COPIES = "1";

const dir = path.resolve(import.meta.dirname, "..");
const app = next({ dev: false, dir, hostname: hostname || "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();

// A 404 or 403 page is Next.js's empty error shell until scripts run; its body gets a copy for
// browsers without them, made from the not-found page prerendered at build (lib/http/fallback-pages.mjs).
const notFoundFile = path.join(dir, ".next", "server", "app", "_not-found.html");
const fallbackPages = fs.existsSync(notFoundFile) ? noscriptPages(fs.readFileSync(notFoundFile, "utf8")) : null;
if (!fallbackPages) console.warn(`No usable ${notFoundFile}: 404 and 403 pages stay empty without scripts.`);

const server = keepIdleConnections(http.createServer((request, response) => {
  const refusal = earlyRefusal(request.method, request.headers);
  if (refusal) {
    response.writeHead(refusal.status, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff", ...refusal.headers });
    response.end(refusal.message);
    return;
  }
  seeOtherToSignIn(request, response);
  holdFallbackPage(request, response, fallbackPages);
  holdCopyNonce(request, response);
  holdEntityTag(request, response);
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    response.end("Something went wrong on our side.");
  });
}));
const listening = () => console.log(`Factline is listening on http://${hostname || "localhost"}:${port}`);
if (hostname) server.listen(port, hostname, listening);
else server.listen(port, listening);

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    // Open keep-alive connections would hold close() up: give them a moment, then go.
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
