// Requests refused before Next.js sees them (scripts/next-server.mjs). Next.js answers each of
// these with a 500, from code that runs before the proxy (proxy.ts) or hides the header from it:
// - TRACE, TRACK and CONNECT: Next.js builds a fetch Request for every request, which refuses
//   these methods ("'TRACE' HTTP method is unsupported") before the proxy runs.
// - A `Next-Router-State-Tree` header it cannot read (a client navigation names the pages the
//   browser already shows): Next.js strips it from the request the proxy sees, then fails on it
//   while rendering. It is read here with Next.js's own function, so exactly what rendering
//   would fail on is refused, in words.
// Plain JavaScript: the production server loads it without a build step.

import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state.js";

const REFUSED_METHODS = new Set(["TRACE", "TRACK", "CONNECT"]);
const ROUTER_STATE_HEADER = "next-router-state-tree";

/**
 * @param {string | undefined} method
 * @param {Record<string, string | string[] | undefined>} headers Node's request headers (lower-case names)
 * @returns {{ status: number; message: string; headers: Record<string, string> } | null}
 */
export function earlyRefusal(method, headers) {
  if (REFUSED_METHODS.has((method ?? "").toUpperCase())) {
    return { status: 405, message: `This site does not answer ${method} requests.`, headers: { allow: "GET, HEAD, POST" } };
  }
  const state = headers[ROUTER_STATE_HEADER];
  if (state !== undefined) {
    try {
      parseAndValidateFlightRouterState(state);
    } catch {
      return { status: 400, message: "This request's Next-Router-State-Tree header is not one this site's pages send. Reload the page and try again.", headers: {} };
    }
  }
  return null;
}

/**
 * What a request Node's HTTP parser refused gets (the server's `clientError`): an address with
 * bytes a URL may not hold as they are (curl sends `?q=fréquentation` unencoded; browsers encode
 * it), a malformed head, or one past 16 KB. Node would answer a bare 400 or 431 with no body. The
 * request's path is read from its raw first line when it got that far: the API's refusals are
 * JSON in its one error shape, a page's are words.
 * @param {{ code?: string; rawPacket?: Buffer }} error
 * @returns {{ status: number; contentType: string; body: string }}
 */
export function clientErrorAnswer(error) {
  // The statuses Node itself gives these (a slow request, a head or a chunk too large); the rest
  // is a malformed request.
  const { status, message } =
    error.code === "HPE_HEADER_OVERFLOW"
      ? { status: 431, message: "This request's address and headers are too long: together they may hold at most 16 KB." }
      : error.code === "ERR_HTTP_REQUEST_TIMEOUT"
        ? { status: 408, message: "This request took too long to arrive; send it again." }
        : error.code === "HPE_CHUNK_EXTENSIONS_OVERFLOW"
          ? { status: 413, message: "This request's chunk extensions are too long." }
          : { status: 400, message: "This request is not well-formed HTTP. An address must be percent-encoded: ?q=fr%C3%A9quentation, not ?q=fréquentation." };
  const firstLine = error.rawPacket ? error.rawPacket.subarray(0, 2048).toString("latin1").split("\r\n", 1)[0] : "";
  if (/^[A-Z]+ \/api(?:[/?#\s]|$)/.test(firstLine ?? "")) {
    return { status, contentType: "application/json", body: JSON.stringify({ error: { code: "bad_request", message } }) };
  }
  return { status, contentType: "text/plain; charset=utf-8", body: message };
}
