import { describe, expect, it } from "vitest";
import { RateLimiter, SIGN_IN_POST_ADDRESS_LIMIT, WRITE_ADDRESS_LIMIT, WRITE_SESSION_LIMIT, limitWrite, type WriteRequest } from "./rate-limit";

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
});
