import { logEvent } from "@/lib/log";

// Purging a shared cache in front of the app (a CDN, Varnish) by surrogate key, after the app has
// expired the same tags in its own cache (lib/cache/expire.ts; docs/decisions/022-edge-cache.md).
// Configured by FACTLINE_PURGE_URL and FACTLINE_PURGE_SECRET; without them, nothing is sent.
//
// The request is the one Varnish's xkey module takes (deploy/varnish/factline.vcl):
//   PURGE <FACTLINE_PURGE_URL>  with  xkey-purge: <key> <key> …  and  x-purge-secret: <secret>
// It is sent off the request path: the desk's answer never waits on the edge. A purge the edge
// did not confirm with a 2xx is retried with growing pauses, and every failure is logged.

export interface EdgePurgeConfig {
  url: string;
  secret: string;
}

/** The edge to purge, or null when none is configured. Refuses half a configuration at start. */
export function edgePurgeConfig(env: Record<string, string | undefined> = process.env): EdgePurgeConfig | null {
  const url = env.FACTLINE_PURGE_URL?.trim();
  if (!url) return null;
  const secret = env.FACTLINE_PURGE_SECRET?.trim() ?? "";
  if (secret.length < 16) throw new Error("FACTLINE_PURGE_URL is set, so FACTLINE_PURGE_SECRET must be too: at least 16 characters, the same as the edge's.");
  if (!/^https?:\/\//.test(url)) throw new Error(`FACTLINE_PURGE_URL must be an http or https address, got ${url}`);
  return { url, secret };
}

let current: { config: EdgePurgeConfig | null } | null = null;

/**
 * This process's edge, read once. `npm start` refuses half a configuration before the server
 * starts (scripts/start.ts); a server started otherwise logs it once and purges nothing.
 */
export function currentEdgePurgeConfig(): EdgePurgeConfig | null {
  if (current === null) {
    try {
      current = { config: edgePurgeConfig() };
    } catch (error) {
      logEvent("error", "edge purge not configured", { reason: error instanceof Error ? error.message : String(error) });
      current = { config: null };
    }
  }
  return current.config;
}

/** Pauses before each retry (ms): six tries over about 15 s, then the purge is given up and logged. */
export const PURGE_RETRY_DELAYS_MS = [250, 750, 1_500, 4_000, 8_000];
const PURGE_TIMEOUT_MS = 2_000;
/** Keys per request: a header line stays well under Varnish's 8 KB. */
const KEYS_PER_REQUEST = 100;

type Sleep = (ms: number) => Promise<void>;
const sleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sends one purge, with retries; resolves true once the edge confirmed it, false when given up. Never throws. */
export async function purgeKeys(config: EdgePurgeConfig, keys: string[], { delays = PURGE_RETRY_DELAYS_MS, wait = sleep }: { delays?: number[]; wait?: Sleep } = {}): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    let failure: string;
    try {
      const response = await fetch(config.url, {
        method: "PURGE",
        headers: { "xkey-purge": keys.join(" "), "x-purge-secret": config.secret },
        signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (response.ok) {
        if (attempt > 0) logEvent("info", "edge purge succeeded after retrying", { keys, attempts: attempt + 1 });
        return true;
      }
      failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    const delay = delays[attempt];
    if (delay === undefined) {
      logEvent("error", "edge purge given up: these keys may be served stale at the edge until their s-maxage ends", { keys, attempts: attempt + 1, failure });
      return false;
    }
    logEvent("warn", "edge purge failed; retrying", { keys, attempt: attempt + 1, failure, retryInMs: delay });
    await wait(delay);
  }
}

/** Purges `tags` at the edge, when one is configured, without making the caller wait. */
export function purgeEdge(tags: string[], config: EdgePurgeConfig | null = currentEdgePurgeConfig()): Promise<boolean> | null {
  if (config === null || tags.length === 0) return null;
  const batches: string[][] = [];
  for (let start = 0; start < tags.length; start += KEYS_PER_REQUEST) batches.push(tags.slice(start, start + KEYS_PER_REQUEST));
  return Promise.all(batches.map((keys) => purgeKeys(config, keys))).then((results) => results.every(Boolean));
}

/**
 * How long a shared cache may keep a reader page. With a purge configured, a day: every change
 * purges what it touched. Without one, a minute, the longest a reader could see an old page.
 * Browsers keep nothing (max-age=0) and ask again with the ETag.
 */
export function readerCacheControl(config: EdgePurgeConfig | null): string {
  return config ? "public, max-age=0, s-maxage=86400, stale-while-revalidate=60" : "public, max-age=0, s-maxage=60, stale-while-revalidate=30";
}
