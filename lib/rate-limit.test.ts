import { describe, expect, it } from "vitest";
import {
  RateLimiter,
  SIGN_IN_ACCOUNT_LIMIT,
  SIGN_IN_ADDRESS_LIMIT,
  SIGN_IN_PAIR_LIMIT,
  SIGN_IN_POST_ADDRESS_LIMIT,
  WRITE_ADDRESS_LIMIT,
  WRITE_SESSION_LIMIT,
  limitSignIn,
  limitWrite,
  signInRefusalMessage,
  signedInFrom,
  waitInWords,
  type WriteRequest,
} from "./rate-limit";
import { SIGN_OUT_PATH } from "./sign-out-path";

describe("RateLimiter", () => {
  const limit = { max: 3, windowMs: 60_000 };

  it("allows up to the limit in a window, then refuses with the seconds left", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(() => now);
    expect(limiter.hit("a", limit)).toEqual({ ok: true });
    expect(limiter.hit("a", limit)).toEqual({ ok: true });
    expect(limiter.hit("a", limit)).toEqual({ ok: true });
    now += 15_000;
    expect(limiter.hit("a", limit)).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(limiter.check("a", limit)).toEqual({ ok: false, retryAfterSeconds: 45 });
    // Another key is counted apart.
    expect(limiter.hit("b", limit)).toEqual({ ok: true });
  });

  it("opens again when the window ends, and on reset", () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    for (let i = 0; i < 3; i++) limiter.hit("a", limit);
    expect(limiter.check("a", limit).ok).toBe(false);
    now = 60_000;
    expect(limiter.hit("a", limit)).toEqual({ ok: true });
    for (let i = 0; i < 3; i++) limiter.hit("a", limit);
    limiter.reset("a");
    expect(limiter.check("a", limit)).toEqual({ ok: true });
  });
});

describe("limitWrite", () => {
  const write = (over: Partial<WriteRequest> = {}): WriteRequest => ({ path: "/desk/claims/x", address: "198.51.100.7", session: "s1", ...over });

  it("refuses a session's writes past its limit in a minute, then lets it write again", async () => {
    let now = 0;
    const on = new RateLimiter(() => now);
    for (let i = 0; i < WRITE_SESSION_LIMIT.max; i++) expect(await limitWrite(write(), on)).toBeNull();
    expect(await limitWrite(write(), on)).toEqual({ scope: "session", retryAfterSeconds: 60 });
    // Another person at the same address is not held back by it.
    expect(await limitWrite(write({ session: "s2" }), on)).toBeNull();
    now = 60_000;
    expect(await limitWrite(write(), on)).toBeNull();
  });

  it("refuses an address's writes past its limit, whatever the sessions", async () => {
    const on = new RateLimiter(() => 0);
    for (let i = 0; i < WRITE_ADDRESS_LIMIT.max; i++) expect(await limitWrite(write({ session: `s${i}` }), on)).toBeNull();
    expect(await limitWrite(write({ session: "fresh" }), on)).toEqual({ scope: "address", retryAfterSeconds: 60 });
    expect(await limitWrite(write({ address: "203.0.113.1", session: "fresh" }), on)).toBeNull();
  });

  it("counts sign-in posts per address on their own, tighter limit", async () => {
    const on = new RateLimiter(() => 0);
    for (let i = 0; i < SIGN_IN_POST_ADDRESS_LIMIT.max; i++) expect(await limitWrite(write({ path: "/sign-in", session: null }), on)).toBeNull();
    expect(await limitWrite(write({ path: "/sign-in", session: null }), on)).toEqual({ scope: "sign-in", retryAfterSeconds: 60 });
    // Sign-ins do not use up the address's writes.
    expect(await limitWrite(write(), on)).toBeNull();
  });

  it("never refuses nor counts signing out, past every limit", async () => {
    const on = new RateLimiter(() => 0);
    for (let i = 0; i <= WRITE_ADDRESS_LIMIT.max; i++) await limitWrite(write({ session: `s${i % 2}` }), on);
    expect(await limitWrite(write(), on)).toEqual({ scope: "address", retryAfterSeconds: 60 });
    expect(await limitWrite(write({ path: SIGN_OUT_PATH }), on)).toBeNull();
    // Nor does it use up any allowance: a fresh address signs out as often as it likes and still writes.
    const elsewhere = { address: "203.0.113.9", session: "s9" };
    for (let i = 0; i < WRITE_ADDRESS_LIMIT.max + WRITE_SESSION_LIMIT.max; i++) expect(await limitWrite(write({ ...elsewhere, path: SIGN_OUT_PATH }), on)).toBeNull();
    expect(await limitWrite(write(elsewhere), on)).toBeNull();
  });
});

describe("limitSignIn", () => {
  const owner = { email: "ada@example.org", address: "198.51.100.7" };
  const stranger = (n = 1) => ({ email: owner.email, address: `203.0.113.${n}` });
  /** An attempt that got past the limits and failed: counted, nothing given back. */
  const fail = async (attempt: typeof owner, on: RateLimiter) => expect(await limitSignIn(attempt, "count", on)).toBeNull();

  it("stops a stranger's guesses at an account from one address, and lets the owner in from another", async () => {
    let now = 0;
    const on = new RateLimiter(() => now);
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT.max; i++) await fail(stranger(), on);
    const refused = { scope: "pair", retryAfterSeconds: SIGN_IN_PAIR_LIMIT.windowMs / 1000 };
    expect(await limitSignIn(stranger(), "check", on)).toEqual(refused);
    expect(await limitSignIn(stranger(), "count", on)).toEqual(refused);
    // The owner, at an address the account has never been used from, is not held back by it.
    expect(await limitSignIn(owner, "check", on)).toBeNull();
    expect(await limitSignIn(owner, "count", on)).toBeNull();
    // The stranger's tries come back when the window ends.
    now = SIGN_IN_PAIR_LIMIT.windowMs;
    expect(await limitSignIn(stranger(), "check", on)).toBeNull();
  });

  it("only looks when checking, and counts a refused attempt against no limit", async () => {
    const on = new RateLimiter(() => 0);
    for (let i = 0; i < 10; i++) expect(await limitSignIn(stranger(), "check", on)).toBeNull();
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT.max; i++) await fail(stranger(), on);
    // Refused by the pair's limit, many times over: the account's ceiling is not spent by it.
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max; i++) expect((await limitSignIn(stranger(), "count", on))?.scope).toBe("pair");
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT.max; i++) await fail(stranger(2), on);
  });

  it("holds slow guessing from many addresses at the account's ceiling, except where the owner has signed in before", async () => {
    let now = 0;
    const on = new RateLimiter(() => now);
    await limitSignIn(owner, "count", on);
    await signedInFrom(owner, on);
    const home = owner;
    const away = { ...owner, address: "192.0.2.55" };
    // A few tries from each of many addresses, under every per-address limit.
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max - 1; i++) await fail(stranger(Math.floor(i / (SIGN_IN_PAIR_LIMIT.max - 1))), on);
    now = 60 * 60_000;
    const refusal = await limitSignIn(stranger(250), "count", on);
    expect(refusal).toEqual({ scope: "account", retryAfterSeconds: (SIGN_IN_ACCOUNT_LIMIT.windowMs - now) / 1000 });
    // The owner's own place is held by its pair limit alone; a new place waits with the strangers.
    expect(await limitSignIn(home, "count", on)).toBeNull();
    expect(await limitSignIn(away, "count", on)).toEqual(refusal);
    // Each sign-in gives the pair its tries back.
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT.max - 1; i++) await fail(home, on);
    await signedInFrom(home, on);
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT.max; i++) await fail(home, on);
    expect((await limitSignIn(home, "check", on))?.scope).toBe("pair");
  });

  it("keeps an address's tries across accounts", async () => {
    const on = new RateLimiter(() => 0);
    const address = "198.51.100.99";
    for (let i = 0; i < SIGN_IN_ADDRESS_LIMIT.max; i++) await fail({ email: `person${i}@example.org`, address }, on);
    expect(await limitSignIn({ email: "one-more@example.org", address }, "check", on)).toEqual({ scope: "address", retryAfterSeconds: SIGN_IN_ADDRESS_LIMIT.windowMs / 1000 });
  });

  it("says when to try again in words a reporter reads", () => {
    expect(waitInWords(1)).toBe("1 second");
    expect(waitInWords(45)).toBe("45 seconds");
    expect(waitInWords(61)).toBe("2 minutes");
    expect(waitInWords(600)).toBe("10 minutes");
    expect(waitInWords(3600)).toBe("1 hour");
    expect(waitInWords(86_400)).toBe("24 hours");
    expect(signInRefusalMessage({ scope: "pair", retryAfterSeconds: 540 })).toBe("Too many wrong passwords for this account from here. Try again in 9 minutes.");
    for (const scope of ["pair", "account", "address"] as const) expect(signInRefusalMessage({ scope, retryAfterSeconds: 60 })).toMatch(/^Too many .* in 1 minute\.$/);
  });
});
