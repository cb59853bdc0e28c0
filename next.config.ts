import path from "node:path";
import type { NextConfig } from "next";
import { claimListRewrite } from "./lib/cache/claim-list";
import { deskCopyRewrites } from "./lib/cache/desk-copies";
import { cachedCopyRewrites } from "./lib/cache/reader-routes";
import { FORM_BODY_LIMIT_BYTES, PROXY_BODY_LIMIT_BYTES } from "./lib/form-body";

// Sent with every response, pages and API alike. The Content-Security-Policy is not here: it
// carries a per-request nonce, so proxy.ts sets it (docs/decisions/009-content-security-policy.md).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Not no-referrer: under it a browser sends `Origin: null` on same-origin POSTs, which the
  // server-action and sign-in origin checks would refuse. Other sites (the sources readers follow
  // out to) see only our origin, never which claim or search they came from.
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // For browsers without CSP frame-ancestors, and for API responses, which carry no CSP.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  // Browsers ignore HSTS received over plain http, so the http quick start is unaffected; over
  // https it pins this host and its subdomains to https for two years.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
];

// With REDIS_URL set when the server starts, Next.js's cache (reader pages, kept searches, the
// open-data version) and its tag expiries are shared by every server process through Redis
// (docs/decisions/020-shared-cache-and-limits.md); Next keeps no copy in its own memory, which
// another process's expiry could not reach. Without it, the cache is this process's memory (ADR 014).
// Either way the handler adds a page's surrogate keys to it when it is stored (lib/edge/surrogate-keys.mjs).
const sharedCache: Pick<NextConfig, "cacheHandler" | "cacheMaxMemorySize"> = process.env.REDIS_URL?.trim()
  ? { cacheHandler: path.join(import.meta.dirname, "lib", "redis", "cache-handler.mjs"), cacheMaxMemorySize: 0 }
  : { cacheHandler: path.join(import.meta.dirname, "lib", "edge", "memory-cache-handler.mjs") };

const nextConfig: NextConfig = {
  ...sharedCache,
  poweredByHeader: false,
  // scripts/next-server.mjs tags the pages served from the cache, hashing natively: Next.js's own
  // tag is a JavaScript hash of the whole page on every response (lib/http/etag.mjs, ADR 041).
  generateEtags: false,
  // better-sqlite3 is a native addon: load it from node_modules at run time, never bundle it.
  serverExternalPackages: ["better-sqlite3"],
  typedRoutes: false,
  // forbidden(): a signed-in person without the role for a desk page gets a real 403 page.
  experimental: {
    // The cache of reader pages lives in this process only (ADR 014): nothing is written to disk,
    // so a restart, or a restored database, never serves a page rendered from older data.
    isrFlushToDisk: false,
    // Pages match case. Rewrites do not (measured: `/CLAIMS/<id>` is still rewritten), so
    // proxy.ts sends every other spelling of a reader address to its one spelling first.
    caseSensitiveRoutes: true,
    authInterrupts: true,
    // A source's captured text may be 500,000 characters, up to ~1.5 MB of UTF-8: let the form
    // reach its own validation (which answers in words) instead of Next's 1 MB refusal. proxy.ts
    // refuses a larger body with a 413 first (lib/form-body.ts); Next's own refusal is a 500.
    serverActions: { bodySizeLimit: FORM_BODY_LIMIT_BYTES },
    // How much of a POST body the proxy may read, and so hold in memory (lib/form-body.ts).
    proxyClientMaxBodySize: PROXY_BODY_LIMIT_BYTES,
  },
  // A reader's request for a reader page goes to its cached copy (docs/decisions/014-cached-reader-pages.md);
  // before the file-system routes, so the page itself answers only signed-in people. The insights
  // and claim finders go to a person's copy when the proxy names one (ADR 041).
  async rewrites() {
    return { beforeFiles: [...cachedCopyRewrites(), claimListRewrite(), ...deskCopyRewrites()], afterFiles: [], fallback: [] };
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
