import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedis, type TestRedis } from "@/lib/testing/redis-server";

// The limits shared through a real Redis (ADR 020). Two SharedRateLimiter instances stand for two
// server processes: each has its own memory, and they share only Redis.

let redis: TestRedis;
const logged: { msg: string; level: string }[] = [];

beforeAll(async () => {
  redis = await startRedis();
  process.env.REDIS_URL = redis.url;
  // The connection's log lines go to stdout through pino; catch them to count them.
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = chunk.toString();
    for (const line of text.split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        const event = JSON.parse(line) as { msg: string; level: string };
        if (event.msg.startsWith("redis ")) logged.push(event);
      } catch {
        // not ours
      }
    }
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stdout.write;
});

afterAll(async () => {
  const { closeRedis } = await import("@/lib/redis/connection.mjs");
  await closeRedis();
  await redis?.dispose();
  delete process.env.REDIS_URL;
});

const limit = { max: 3, windowMs: 60_000 };

describe("limits shared through Redis", () => {
  it("are counted once for every process, refused past the limit with the window's seconds, and given back on reset", async () => {
    const { SharedRateLimiter } = await import("./rate-limit");
    const a = new SharedRateLimiter("test");
    const b = new SharedRateLimiter("test");
    expect(await a.hit("account:ada", limit)).toEqual({ ok: true });
    expect(await b.hit("account:ada", limit)).toEqual({ ok: true });
    expect(await a.hit("account:ada", limit)).toEqual({ ok: true });
    const refused = await b.hit("account:ada", limit);
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect((await a.check("account:ada", limit)).ok).toBe(false);
    // Nothing was counted in either process's own memory.
    expect(a.fallback.check("account:ada", { max: 1, windowMs: 60_000 })).toEqual({ ok: true });
    // Another key, and the same key under another limiter's name, are counted apart.
    expect(await b.hit("account:eve", limit)).toEqual({ ok: true });
    expect(await new SharedRateLimiter("other").hit("account:ada", limit)).toEqual({ ok: true });
    await b.reset("account:ada");
    expect(await a.hit("account:ada", limit)).toEqual({ ok: true });
  });

  it("keep no key readable in Redis: a session cookie's value is stored hashed", async () => {
    const { SharedRateLimiter } = await import("./rate-limit");
    const { sharedRedis } = await import("@/lib/redis/connection.mjs");
    await new SharedRateLimiter("write").hit("post:session:secret-cookie-value", limit);
    const keys = await sharedRedis()!.client.keys("*");
    expect(keys.some((key) => key.startsWith("factline:limit:write:"))).toBe(true);
    expect(keys.join(" ")).not.toContain("secret-cookie-value");
  });

  it("apply per process while Redis is away, without waiting on it, log it once, and are shared again when it returns", async () => {
    const { SharedRateLimiter } = await import("./rate-limit");
    const a = new SharedRateLimiter("outage");
    const b = new SharedRateLimiter("outage");
    expect(await a.hit("address:1", limit)).toEqual({ ok: true });
    logged.length = 0;

    await redis.stop();
    const started = Date.now();
    // Each process now counts on its own: A has three more, B three of its own.
    for (let i = 0; i < 3; i++) expect(await a.hit("address:1", limit)).toEqual({ ok: true });
    expect((await a.hit("address:1", limit)).ok).toBe(false);
    for (let i = 0; i < 3; i++) expect(await b.hit("address:1", limit)).toEqual({ ok: true });
    expect((await b.hit("address:1", limit)).ok).toBe(false);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(logged.filter((event) => event.level === "warn").map((event) => event.msg)).toEqual(["redis unavailable: cache and rate limits fall back to this process until it returns"]);

    await redis.start();
    await expect.poll(() => logged.some((event) => event.msg.startsWith("redis is back")), { timeout: 10_000 }).toBe(true);
    // A fresh Redis (it kept nothing): shared counts start again.
    const c = new SharedRateLimiter("outage");
    const d = new SharedRateLimiter("outage");
    for (let i = 0; i < 3; i++) expect(await (i % 2 ? c : d).hit("address:2", limit)).toEqual({ ok: true });
    expect((await c.hit("address:2", limit)).ok).toBe(false);
    expect((await d.hit("address:2", limit)).ok).toBe(false);
  });

  it("wait at most about a second on a Redis that holds the connection but answers nothing, then count per process", async () => {
    const { SharedRateLimiter } = await import("./rate-limit");
    const a = new SharedRateLimiter("frozen");
    expect(await a.hit("address:3", limit)).toEqual({ ok: true });
    redis.freeze();
    try {
      const started = Date.now();
      for (let i = 0; i < 3; i++) expect(await a.hit("address:3", limit)).toEqual({ ok: true });
      expect((await a.hit("address:3", limit)).ok).toBe(false);
      // One command waits out the bound; the others go straight to memory while Redis is left alone.
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      redis.thaw();
    }
    // It answers again: shared once more, where the count before the freeze is still kept.
    await expect.poll(async () => (await new SharedRateLimiter("frozen").check("address:3", { max: 1, windowMs: 60_000 })).ok, { timeout: 10_000 }).toBe(false);
  });

  it("count a stranger's sign-in tries at an account once across processes, and keep the owner's places for every process", async () => {
    const { SIGN_IN_ACCOUNT_LIMIT, SIGN_IN_PAIR_LIMIT, SharedRateLimiter, limitSignIn, signedInFrom } = await import("./rate-limit");
    const a = new SharedRateLimiter("sign-in-shared");
    const b = new SharedRateLimiter("sign-in-shared");
    const stranger = { email: "ada@example.org", address: "203.0.113.9" };
    for (let i = 0; i < SIGN_IN_PAIR_LIMIT.max; i++) expect(await limitSignIn(stranger, "count", i % 2 ? a : b)).toBeNull();
    // Counted apart, each process would have allowed two or three more.
    expect((await limitSignIn(stranger, "check", a))?.scope).toBe("pair");
    expect((await limitSignIn(stranger, "count", b))?.scope).toBe("pair");
    // The owner signs in on A; on B, their place is theirs too once strangers reach the ceiling.
    const owner = { ...stranger, address: "198.51.100.9" };
    expect(await limitSignIn(owner, "count", a)).toBeNull();
    await signedInFrom(owner, a);
    for (let i = 0; i < SIGN_IN_ACCOUNT_LIMIT.max; i++) await limitSignIn({ ...stranger, address: `192.0.2.${Math.floor(i / 4)}` }, "count", i % 2 ? a : b);
    expect((await limitSignIn({ ...stranger, address: "192.0.2.200" }, "check", b))?.scope).toBe("account");
    expect(await limitSignIn(owner, "check", b)).toBeNull();
  });

  it("are chosen by REDIS_URL: in memory without it", async () => {
    const { createLimiter, RateLimiter, SharedRateLimiter } = await import("./rate-limit");
    expect(createLimiter("x")).toBeInstanceOf(SharedRateLimiter);
    const url = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      expect(createLimiter("x")).toBeInstanceOf(RateLimiter);
    } finally {
      process.env.REDIS_URL = url;
    }
  });
});
