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
