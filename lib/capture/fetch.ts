import { createHash } from "node:crypto";
import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import type { LookupFunction, TcpSocketConnectOpts } from "node:net";
import zlib from "node:zlib";
import { classifyAddress, classifyHostname, ipLiteral } from "@/lib/capture/address";
import { AppError } from "@/lib/errors";

/**
 * Fetches one page for a capture, following redirects itself so that every hop's address is
 * checked (lib/capture/address.ts) after DNS, and connecting only to the addresses checked: the
 * request's `lookup` returns them, so no second lookup can be rebound to an inner address.
 */

export const CAPTURE_MAX_REDIRECTS = 5;
/** How long one address of a name is waited for before the next one is tried. */
const CAPTURE_ATTEMPT_MS = 2_500;
export const CAPTURE_TIME_LIMIT_MS = 10_000;
export const CAPTURE_SIZE_LIMIT_BYTES = 5 * 1024 * 1024;

export type CaptureRefusal =
  | "scheme"
  | "credentials"
  | "private"
  | "metadata"
  | "not-found"
  | "unreachable"
  | "timeout"
  | "too-large"
  | "too-many-redirects"
  | "http-status"
  | "bad-redirect"
  | "unsupported"
  | "unreadable";

/** A capture that could not be made: the request's fault, with a sentence for the person who asked. */
export class CaptureError extends AppError {
  readonly refusal: CaptureRefusal;
  constructor(refusal: CaptureRefusal, message: string) {
    super("bad_request", message);
    this.name = "CaptureError";
    this.refusal = refusal;
  }
}

const PRIVATE_MESSAGE = "That address is inside a private network; Factline only captures public pages.";
const METADATA_MESSAGE = "That address is a cloud metadata service; Factline only captures public pages.";

export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  contentType: string;
  body: Buffer;
  sha256: string;
  /** How many redirects were followed. */
  redirects: number;
  ms: number;
}

interface ResolvedAddress {
  address: string;
  family: number;
}

type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

let resolver: Resolver = systemResolver;

/** Replaces DNS (tests only: a name can then resolve to any address without a real DNS server). */
export function setCaptureResolverForTests(next: Resolver | null): void {
  resolver = next ?? systemResolver;
}

/**
 * The one port on 127.0.0.1 a test run may capture from: the fixture server's
 * (FACTLINE_CAPTURE_TEST_ORIGIN=http://127.0.0.1:<port>). Honoured only under NODE_ENV=test
 * (vitest) or in the e2e server (scripts/e2e-server.ts sets FACTLINE_E2E_SERVER=1 for the server
 * it starts); `npm start` refuses to start with it set. Every other loopback or private address,
 * and the metadata addresses always, are still refused.
 */
export function testPort(): number | null {
  const origin = process.env.FACTLINE_CAPTURE_TEST_ORIGIN?.trim();
  if (!origin) return null;
  if (process.env.NODE_ENV !== "test" && process.env.FACTLINE_E2E_SERVER !== "1") return null;
  const match = origin.match(/^http:\/\/127\.0\.0\.1:(\d{2,5})$/);
  return match ? Number(match[1]) : null;
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
}

function refusalFor(kind: "private" | "metadata"): CaptureError {
  return kind === "metadata" ? new CaptureError("metadata", METADATA_MESSAGE) : new CaptureError("private", PRIVATE_MESSAGE);
}

/** The scheme and credentials rules, for the typed address and for every redirect. */
export function checkCaptureUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CaptureError("scheme", "That is not a web address Factline can capture; it must start with http:// or https://.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CaptureError("scheme", "Factline only captures http:// and https:// addresses.");
  }
  if (url.username || url.password) {
    throw new CaptureError("credentials", "That address holds a user name or password; Factline only captures public pages.");
  }
  return url;
}

function timeLimitPassed(): CaptureError {
  return new CaptureError("timeout", `The page did not answer within ${CAPTURE_TIME_LIMIT_MS / 1000} seconds.`);
}

/**
 * `lookup`'s answer, or the time limit's refusal once `signal` aborts first. A lookup cannot be
 * cancelled (the system resolver runs on libuv's threads), only no longer waited for.
 */
function withinTimeLimit<T>(lookup: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(timeLimitPassed());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(timeLimitPassed());
    signal.addEventListener("abort", onAbort, { once: true });
    lookup.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** The addresses to connect to for `url`, all checked; a refusal if any address the name has is not public. */
async function vettedAddresses(url: URL, signal: AbortSignal): Promise<ResolvedAddress[]> {
  const named = classifyHostname(url.hostname);
  if (named) throw refusalFor(named);
  const literal = ipLiteral(url.hostname);
  const allowedPort = testPort();
  let addresses: ResolvedAddress[];
  if (literal) addresses = [{ address: literal, family: literal.includes(":") ? 6 : 4 }];
  else {
    try {
      // The lookup is part of the capture's time: a resolver that hangs must not outlast it.
      addresses = await withinTimeLimit(resolver(url.hostname), signal);
    } catch (error) {
      if (error instanceof CaptureError) throw error;
      throw new CaptureError("not-found", "No site answers to that address's name; check it for typing mistakes.");
    }
    if (addresses.length === 0) throw new CaptureError("not-found", "No site answers to that address's name; check it for typing mistakes.");
  }
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    const isFixture = allowedPort !== null && address === "127.0.0.1" && portOf(url) === allowedPort;
    if (kind && !isFixture) throw refusalFor(kind);
  }
  return addresses;
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function decoded(response: http.IncomingMessage): NodeJS.ReadableStream {
  switch ((response.headers["content-encoding"] ?? "").toLowerCase().trim()) {
    case "gzip":
    case "x-gzip":
      return response.pipe(zlib.createGunzip());
    case "deflate":
      return response.pipe(zlib.createInflate());
    case "br":
      return response.pipe(zlib.createBrotliDecompress());
    default:
      return response;
  }
}

function requestOnce(url: URL, targets: ResolvedAddress[], signal: AbortSignal): Promise<Hop> {
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: ResolvedAddress[]) => void)(null, targets);
    else callback(null, targets[0]!.address, targets[0]!.family);
  };
  const options: http.RequestOptions & Pick<TcpSocketConnectOpts, "autoSelectFamily" | "autoSelectFamilyAttemptTimeout"> = {
    lookup,
    // With it, Node asks `lookup` for every address and tries each in turn, the next on a failure
    // or when an attempt has had no answer for a while (RFC 8305's "happy eyeballs", IPv6 and IPv4
    // alternately): a host whose first address cannot be reached from here is still captured.
    // Set, not left to Node's default, which a flag turns off: only the first address would be tried.
    autoSelectFamily: true,
    // Node gives up on an attempt after 250 ms by default, and waits only for the last address:
    // a distant site (or one lost SYN) on its first address, with an unreachable second, would
    // fail where one address alone succeeded. A few seconds still leave the 10 s limit room.
    autoSelectFamilyAttemptTimeout: CAPTURE_ATTEMPT_MS,
    signal,
    agent: false,
    headers: {
      "user-agent": "Factline-capture/1.0 (fact-check source capture)",
      accept: "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.9,*/*;q=0.1",
      "accept-encoding": "gzip, deflate, br",
    },
  };
  const get = url.protocol === "https:" ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const request = get(
      url,
      options,
      (response) => {
        const status = response.statusCode ?? 0;
        if (REDIRECTS.has(status) || status < 200 || status >= 300) {
          response.resume();
          resolve({ status, headers: response.headers, body: null });
          return;
        }
        const declared = Number(response.headers["content-length"]);
        if (!response.headers["content-encoding"] && Number.isFinite(declared) && declared > CAPTURE_SIZE_LIMIT_BYTES) {
          response.destroy();
          reject(tooLarge());
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const stream = decoded(response);
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > CAPTURE_SIZE_LIMIT_BYTES) {
            response.destroy();
            reject(tooLarge());
            return;
          }
          chunks.push(chunk);
        });
        stream.on("end", () => resolve({ status, headers: response.headers, body: Buffer.concat(chunks) }));
        stream.on("error", reject);
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}

function tooLarge(): CaptureError {
  return new CaptureError("too-large", `The page is larger than ${CAPTURE_SIZE_LIMIT_BYTES / 1024 / 1024} MB.`);
}

/** Fetches `address`, following at most CAPTURE_MAX_REDIRECTS redirects, within the time and size limits. */
export async function fetchForCapture(address: string): Promise<FetchedPage> {
  const started = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), CAPTURE_TIME_LIMIT_MS);
  try {
    let url = checkCaptureUrl(address);
    for (let redirects = 0; ; redirects++) {
      const targets = await vettedAddresses(url, controller.signal);
      let hop: Hop;
      try {
        hop = await requestOnce(url, targets, controller.signal);
      } catch (error) {
        if (error instanceof CaptureError) throw error;
        if (controller.signal.aborted) throw timeLimitPassed();
        throw new CaptureError("unreachable", "The site could not be reached; check the address, or try again later.");
      }
      if (REDIRECTS.has(hop.status)) {
        const location = hop.headers.location;
        if (!location) throw new CaptureError("bad-redirect", "The page redirects without saying where to; nothing was captured.");
        if (redirects + 1 > CAPTURE_MAX_REDIRECTS) throw new CaptureError("too-many-redirects", `Too many redirects (more than ${CAPTURE_MAX_REDIRECTS}).`);
        let next: string;
        try {
          next = new URL(location, url).href;
        } catch {
          throw new CaptureError("bad-redirect", "The page redirects to an address that is not valid; nothing was captured.");
        }
        url = checkCaptureUrl(next);
        continue;
      }
      if (!hop.body) throw new CaptureError("http-status", `The page answered with HTTP status ${hop.status}; nothing was captured.`);
      return {
        requestedUrl: address,
        finalUrl: url.href,
        status: hop.status,
        contentType: String(hop.headers["content-type"] ?? ""),
        body: hop.body,
        sha256: createHash("sha256").update(hop.body).digest("hex"),
        redirects,
        ms: Math.round(performance.now() - started),
      };
    }
  } finally {
    clearTimeout(timer);
  }
}
