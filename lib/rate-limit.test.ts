import { describe, expect, it } from "vitest";
import { RateLimiter } from "./rate-limit";

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
