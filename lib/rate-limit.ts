/**
 * Fixed-window counters kept in this process's memory. Factline runs as one server process on
 * one SQLite file, so one process sees every request; a restart forgets the counts, which errs
 * on the side of letting people back in.
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

const MAX_KEYS = 50_000;

export class RateLimiter {
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

/** Sign-in attempts allowed per account (reset by a success), and per address. */
export const SIGN_IN_ACCOUNT_LIMIT: Limit = { max: 5, windowMs: 15 * 60_000 };
export const SIGN_IN_ADDRESS_LIMIT: Limit = { max: 60, windowMs: 15 * 60_000 };

const globalForLimits = globalThis as unknown as { factlineLimiter?: RateLimiter; factlineWriteLimiter?: RateLimiter };
export const limiter: RateLimiter = (globalForLimits.factlineLimiter ??= new RateLimiter());
/**
 * The proxy's counts of writes, apart from the sign-in counts above: a flood of made-up keys
 * (cookie values, addresses) fills this one, and can never push an account's sign-in count out.
 */
export const writeLimiter: RateLimiter = (globalForLimits.factlineWriteLimiter ??= new RateLimiter());

/**
 * Writes: every POST to a page is a server action (a form sent, with or without JavaScript).
 * Counted in proxy.ts before the action runs, per session and per address, and refused with 429
 * and Retry-After past the limit. A reviewer saves a form every few seconds at most; twenty
 * reviewers behind one newsroom address stay well under the address's limit. Sign-in has its own,
 * tighter address limit here, on top of the per-account and per-address ones in the action.
 */
export const WRITE_SESSION_LIMIT: Limit = { max: 120, windowMs: 60_000 };
export const WRITE_ADDRESS_LIMIT: Limit = { max: 600, windowMs: 60_000 };
export const SIGN_IN_POST_ADDRESS_LIMIT: Limit = { max: 30, windowMs: 60_000 };

export interface WriteRequest {
  path: string;
  address: string;
  /** The session cookie's value, or null without one. Only used as a key in memory. */
  session: string | null;
}

export type WriteRefusal = { scope: "session" | "address" | "sign-in"; retryAfterSeconds: number };

/** Counts a write and says whether it must be refused. */
export function limitWrite(request: WriteRequest, on: RateLimiter = writeLimiter): WriteRefusal | null {
  if (request.path === "/sign-in") {
    const signIn = on.hit(`post:sign-in:${request.address}`, SIGN_IN_POST_ADDRESS_LIMIT);
    return signIn.ok ? null : { scope: "sign-in", retryAfterSeconds: signIn.retryAfterSeconds };
  }
  const byAddress = on.hit(`post:address:${request.address}`, WRITE_ADDRESS_LIMIT);
  if (!byAddress.ok) return { scope: "address", retryAfterSeconds: byAddress.retryAfterSeconds };
  if (request.session) {
    const bySession = on.hit(`post:session:${request.session}`, WRITE_SESSION_LIMIT);
    if (!bySession.ok) return { scope: "session", retryAfterSeconds: bySession.retryAfterSeconds };
  }
  return null;
}
