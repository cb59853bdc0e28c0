import { createHash } from "node:crypto";
import { redisUrl, withRedis } from "@/lib/redis/connection.mjs";
import { SIGN_OUT_PATH } from "@/lib/sign-out-path";

/**
 * Fixed-window counters. Without REDIS_URL they are kept in this process's memory (one server
 * process sees every request; a restart forgets the counts, which errs on the side of letting
 * people back in). With REDIS_URL every server process counts in Redis, so a limit holds across
 * them all; while Redis is away each process counts in its own memory (ADR 020).
 */
interface Window {
  count: number;
  resetAt: number;
}

export interface Limit {
  /** How many hits a window allows. */
  max: number;
  windowMs: number;
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** What the sign-in action and the proxy count with: in memory, or shared through Redis. */
export interface Limiter {
  /** Whether `key` may go ahead, without counting this as a hit. */
  check(key: string, limit: Limit): LimitResult | Promise<LimitResult>;
  /** Counts a hit for `key`; refused once the window's hits reach the limit. */
  hit(key: string, limit: Limit): LimitResult | Promise<LimitResult>;
  reset(key: string): void | Promise<void>;
}

const MAX_KEYS = 50_000;

/** Counts in this process's memory. */
export class RateLimiter implements Limiter {
  private readonly windows = new Map<string, Window>();
  constructor(private readonly now: () => number = Date.now) {}

  /** Whether `key` may go ahead, without counting this as a hit. */
  check(key: string, limit: Limit): LimitResult {
    const w = this.current(key);
    if (w && w.count >= limit.max) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - this.now()) / 1000)) };
    return { ok: true };
  }

  /** Counts a hit for `key`; refused once the window's hits reach the limit. */
  hit(key: string, limit: Limit): LimitResult {
    const refused = this.check(key, limit);
    if (!refused.ok) return refused;
    const now = this.now();
    const w = this.current(key);
    if (w) w.count += 1;
    else {
      if (this.windows.size >= MAX_KEYS) this.sweep();
      this.windows.set(key, { count: 1, resetAt: now + limit.windowMs });
    }
    return { ok: true };
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): Window | undefined {
    const w = this.windows.get(key);
    if (w && w.resetAt <= this.now()) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    // Still full of live windows: drop the oldest half rather than grow without bound.
    if (this.windows.size >= MAX_KEYS) {
      let n = Math.floor(MAX_KEYS / 2);
      for (const key of this.windows.keys()) {
        if (n-- <= 0) break;
        this.windows.delete(key);
      }
    }
  }
}

// One window in Redis: refuses without counting once the count has reached the limit, as the
// memory counter does; the first hit starts the window's clock.
const HIT_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then
  return {0, redis.call('PTTL', KEYS[1])}
end
count = redis.call('INCR', KEYS[1])
if count == 1 or redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return {1, redis.call('PTTL', KEYS[1])}
`;
const CHECK_SCRIPT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count >= tonumber(ARGV[1]) then return {0, redis.call('PTTL', KEYS[1])} end
return {1, 0}
`;

function answer([allowed, ttlMs]: [number, number]): LimitResult {
  return allowed === 1 ? { ok: true } : { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(ttlMs / 1000)) };
}

/**
 * Counts in Redis, shared by every server process with the same REDIS_URL and `name`; while Redis
 * is away (or slow to answer), in `fallback`, this process's memory. Keys are hashed: a session
 * cookie's value is one of them, and it must not sit in Redis readable.
 */
export class SharedRateLimiter implements Limiter {
  constructor(
    private readonly name: string,
    readonly fallback: RateLimiter = new RateLimiter(),
  ) {}

  private redisKey(key: string): string {
    return `factline:limit:${this.name}:${createHash("sha256").update(key).digest("base64url")}`;
  }

  check(key: string, limit: Limit): Promise<LimitResult> {
    return withRedis(
      async (client) => answer((await client.eval(CHECK_SCRIPT, { keys: [this.redisKey(key)], arguments: [String(limit.max)] })) as [number, number]),
      () => this.fallback.check(key, limit),
    );
  }

  hit(key: string, limit: Limit): Promise<LimitResult> {
    return withRedis(
      async (client) => answer((await client.eval(HIT_SCRIPT, { keys: [this.redisKey(key)], arguments: [String(limit.max), String(limit.windowMs)] })) as [number, number]),
      () => this.fallback.hit(key, limit),
    );
  }

  async reset(key: string): Promise<void> {
    this.fallback.reset(key);
    await withRedis(
      async (client) => {
        await client.del(this.redisKey(key));
      },
      () => {},
    );
  }
}

/** Shared through Redis when REDIS_URL is set at start, otherwise in this process's memory. */
export function createLimiter(name: string): Limiter {
  return redisUrl() ? new SharedRateLimiter(name) : new RateLimiter();
}

/**
 * Sign-in attempts (docs/decisions/025-sign-in-limits.md). Counted per account and address
 * together, so a stranger's wrong passwords use up only their own tries at an account; per
 * account across every address, a ceiling that makes slow guessing from many addresses useless
 * and that never shuts the owner out of a place they have signed in from before; and per address
 * across every account.
 */
export const SIGN_IN_PAIR_LIMIT: Limit = { max: 5, windowMs: 10 * 60_000 };
export const SIGN_IN_ACCOUNT_LIMIT: Limit = { max: 100, windowMs: 24 * 60 * 60_000 };
export const SIGN_IN_ADDRESS_LIMIT: Limit = { max: 60, windowMs: 15 * 60_000 };
/** How long an address an account signed in from stays one of its own places. */
export const KNOWN_ADDRESS_MS = 30 * 24 * 60 * 60_000;

export interface SignInAttempt {
  /** As the sign-in form's schema reads it: trimmed, lower case. */
  email: string;
  address: string;
}

export type SignInRefusal = { scope: "pair" | "account" | "address"; retryAfterSeconds: number };

const signInKeys = ({ email, address }: SignInAttempt) => ({
  pair: `sign-in:pair:${JSON.stringify([email, address])}`,
  account: `sign-in:account:${email}`,
  address: `sign-in:address:${address}`,
  known: `sign-in:known:${JSON.stringify([email, address])}`,
});

// A known place is a window of one hit: while it lasts, the one hit is the mark.
const KNOWN: Limit = { max: 1, windowMs: KNOWN_ADDRESS_MS };

/**
 * Whether this attempt must be refused. `check` only looks (the proxy, to answer a refused
 * attempt with 429 before the action runs); `count` then counts it against every limit that
 * applies (the sign-in action, before the password is tried, so parallel attempts cannot slip
 * past). A refused attempt counts against none: a stranger held back by one limit cannot go on
 * spending the account's ceiling. The longest wait of the limits that refuse is the one given.
 */
export async function limitSignIn(attempt: SignInAttempt, mode: "check" | "count", on: Limiter = limiter): Promise<SignInRefusal | null> {
  const keys = signInKeys(attempt);
  const isKnownPlace = !(await on.check(keys.known, KNOWN)).ok;
  const limits: [SignInRefusal["scope"], string, Limit][] = [
    ["address", keys.address, SIGN_IN_ADDRESS_LIMIT],
    ["pair", keys.pair, SIGN_IN_PAIR_LIMIT],
    // The owner at a place of their own is held by the pair's limit alone: however many
    // addresses a stranger guesses from, the account's ceiling never shuts them out there.
    ...(isKnownPlace ? [] : [["account", keys.account, SIGN_IN_ACCOUNT_LIMIT] as [SignInRefusal["scope"], string, Limit]]),
  ];
  const refusedBy = async (count: boolean) => {
    let refusal: SignInRefusal | null = null;
    for (const [scope, key, limit] of limits) {
      const result = count ? await on.hit(key, limit) : await on.check(key, limit);
      if (!result.ok && (!refusal || result.retryAfterSeconds > refusal.retryAfterSeconds)) refusal = { scope, retryAfterSeconds: result.retryAfterSeconds };
    }
    return refusal;
  };
  return (await refusedBy(false)) ?? (mode === "count" ? await refusedBy(true) : null);
}

/**
 * A success gives this account's tries from this address back and makes the address one of the
 * account's places. The account's ceiling is not given back: the owner signing in must not hand
 * a stranger a fresh allowance. Nor is the address's: it may be trying many accounts.
 */
export async function signedInFrom(attempt: SignInAttempt, on: Limiter = limiter): Promise<void> {
  const keys = signInKeys(attempt);
  await on.reset(keys.pair);
  // Reset first, so the mark's window starts again at each sign-in.
  await on.reset(keys.known);
  await on.hit(keys.known, KNOWN);
}

/** Forgets every count of this attempt's account and address (tests start from nothing). */
export async function forgetSignIns(attempt: SignInAttempt, on: Limiter = limiter): Promise<void> {
  for (const key of Object.values(signInKeys(attempt))) await on.reset(key);
}

/**
 * The refusal in words a reporter reads in the sign-in form: what happened and when to try again.
 * Each starts "Too many ", which lib/domain/refusal.ts knows: the sign-in action answers with
 * these words, and the proxy refuses with its own (writeRefusalMessage), which the form shows too.
 */
export function signInRefusalMessage({ scope, retryAfterSeconds }: SignInRefusal): string {
  const wait = waitInWords(retryAfterSeconds);
  switch (scope) {
    case "pair":
      return `Too many wrong passwords for this account from here. Try again in ${wait}.`;
    case "account":
      return `Too many wrong passwords for this account from other places, so for now it can be signed in to only from places it was used before. Try again from one of those, or in ${wait}.`;
    case "address":
      return `Too many sign-in attempts from this address. Try again in ${wait}.`;
  }
}

/** "45 seconds", "10 minutes", "1 hour": rounded up, so the person never comes back too early. */
export function waitInWords(seconds: number): string {
  const [amount, unit] = seconds < 60 ? [seconds, "second"] : seconds < 3600 ? [Math.ceil(seconds / 60), "minute"] : [Math.ceil(seconds / 3600), "hour"];
  return `${amount} ${unit}${amount === 1 ? "" : "s"}`;
}

const globalForLimits = globalThis as unknown as { factlineLimiter?: Limiter; factlineWriteLimiter?: Limiter };
export const limiter: Limiter = (globalForLimits.factlineLimiter ??= createLimiter("sign-in"));
/**
 * The proxy's counts of writes, apart from the sign-in counts above: a flood of made-up keys
 * (cookie values, addresses) fills this one, and can never push an account's sign-in count out.
 */
export const writeLimiter: Limiter = (globalForLimits.factlineWriteLimiter ??= createLimiter("write"));

/**
 * Writes: every POST to a page is a server action (a form sent, with or without JavaScript).
 * Counted in proxy.ts before the action runs, per session and per address, and refused with 429
 * and Retry-After past the limit. A reviewer saves a form every few seconds at most; twenty
 * reviewers behind one newsroom address stay well under the address's limit. Sign-in has its own,
 * tighter address limit here, on top of the ones in the action (limitSignIn).
 */
export const WRITE_SESSION_LIMIT: Limit = { max: 120, windowMs: 60_000 };
export const WRITE_ADDRESS_LIMIT: Limit = { max: 600, windowMs: 60_000 };
export const SIGN_IN_POST_ADDRESS_LIMIT: Limit = { max: 30, windowMs: 60_000 };

export interface WriteRequest {
  path: string;
  address: string;
  /** The session cookie's value, or null without one. Only used as a key (hashed in Redis). */
  session: string | null;
}

export type WriteRefusal = { scope: "session" | "address" | "sign-in"; retryAfterSeconds: number };

/**
 * The refusal of a post in words, as the proxy answers it (each starts "Too many ", which
 * lib/domain/refusal.ts knows): the form it was sent from shows them as they are.
 */
export function writeRefusalMessage({ scope, retryAfterSeconds }: WriteRefusal): string {
  return scope === "sign-in"
    ? `Too many sign-in attempts from this address. Try again in ${retryAfterSeconds} seconds.`
    : `Too many changes in a minute from this ${scope === "session" ? "account" : "address"}. Nothing was saved; try again in ${retryAfterSeconds} seconds.`;
}

/** Counts a write and says whether it must be refused. Signing out is no write: never counted, never refused. */
export async function limitWrite(request: WriteRequest, on: Limiter = writeLimiter): Promise<WriteRefusal | null> {
  if (request.path === SIGN_OUT_PATH) return null;
  if (request.path === "/sign-in") {
    const signIn = await on.hit(`post:sign-in:${request.address}`, SIGN_IN_POST_ADDRESS_LIMIT);
    return signIn.ok ? null : { scope: "sign-in", retryAfterSeconds: signIn.retryAfterSeconds };
  }
  const byAddress = await on.hit(`post:address:${request.address}`, WRITE_ADDRESS_LIMIT);
  if (!byAddress.ok) return { scope: "address", retryAfterSeconds: byAddress.retryAfterSeconds };
  if (request.session) {
    const bySession = await on.hit(`post:session:${request.session}`, WRITE_SESSION_LIMIT);
    if (!bySession.ok) return { scope: "session", retryAfterSeconds: bySession.retryAfterSeconds };
  }
  return null;
}
