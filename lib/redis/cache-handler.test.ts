import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, sharedRedis } from "@/lib/redis/connection.mjs";
import { startRedis, type TestRedis } from "@/lib/testing/redis-server";

// The cache handler against a real Redis (ADR 020). Another process is played by writing to Redis
// directly, as its handler would; the two-process journey is e2e/shared-cache.spec.ts.

let redis: TestRedis;
let Handler: typeof import("./cache-handler.mjs").default;

beforeAll(async () => {
  redis = await startRedis();
  process.env.REDIS_URL = redis.url;
  Handler = (await import("./cache-handler.mjs")).default;
});

afterAll(async () => {
  await closeRedis();
  await redis?.dispose();
  delete process.env.REDIS_URL;
});

const page = (html: string) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`rsc of ${html}`),
  segmentData: new Map([["/_tree", Buffer.from("tree")]]),
  headers: { "x-next-cache-tags": "claim:a,_N_T_/claims/a" },
  status: 200,
  postponed: undefined,
});

describe("the shared cache handler", () => {
  it("stores a page in Redis with its buffers, maps and lifetime, and serves it to a handler that did not render it", async () => {
    await new Handler({} as never).set("/cached/current/claims/a", page("<p>A</p>") as never, { cacheControl: { revalidate: 300, expire: undefined } } as never);
    expect(await sharedRedis()!.client.exists("factline:cache:entry:/cached/current/claims/a")).toBe(1);
    const got = await new Handler({} as never).get("/cached/current/claims/a", {} as never);
    expect(got?.cacheControl).toEqual({ revalidate: 300 });
    const value = got?.value as unknown as ReturnType<typeof page>;
    expect(value.html).toBe("<p>A</p>");
    expect(Buffer.isBuffer(value.rscData) && value.rscData.toString()).toBe("rsc of <p>A</p>");
    expect(value.segmentData.get("/_tree")?.toString()).toBe("tree");
  });

  it("misses a page or data entry once any process has expired one of its tags, and keeps the rest", async () => {
    const handler = new Handler({} as never);
    await handler.set("/cached/current/claims/a", page("<p>A</p>") as never, {} as never);
    await handler.set("kept-search", { kind: "FETCH", data: { body: "[1,2]", headers: {}, status: 200, url: "" }, revalidate: 300 } as never, { tags: ["published"] } as never);
    await new Promise((resolve) => setTimeout(resolve, 5));
    // Another process's updateTag("claim:a"): one field in the shared hash.
    await sharedRedis()!.client.hSet("factline:cache:tags", "claim:a", String(Date.now()));
    expect(await handler.get("/cached/current/claims/a", {} as never)).toBeNull();
    expect(await handler.get("kept-search", { kind: "FETCH", tags: ["published"], softTags: [] } as never)).not.toBeNull();
    await handler.revalidateTag("published");
    expect(await sharedRedis()!.client.hExists("factline:cache:tags", "published")).toBe(1);
    expect(await handler.get("kept-search", { kind: "FETCH", tags: ["published"], softTags: [] } as never)).toBeNull();
    // Stored again after the expiry: served again.
    await handler.set("/cached/current/claims/a", page("<p>A2</p>") as never, {} as never);
    expect(((await handler.get("/cached/current/claims/a", {} as never))?.value as { html: string }).html).toBe("<p>A2</p>");
  });

  it("caches nothing while Redis is away, so no process serves a copy another's change has made old; its expiries reach Redis when it returns", async () => {
    const handler = new Handler({} as never);
    await handler.set("/cached/current/claims/b", page("<p>B</p>") as never, {} as never);
    expect(await handler.get("/cached/current/claims/b", {} as never)).not.toBeNull();
    await redis.stop();
    const started = Date.now();
    expect(await handler.get("/cached/current/claims/b", {} as never)).toBeNull();
    await handler.set("/cached/current/claims/b", page("<p>B again</p>") as never, {} as never);
    expect(await handler.get("/cached/current/claims/b", {} as never)).toBeNull();
    await handler.revalidateTag("claim:a");
    expect(Date.now() - started).toBeLessThan(3_000);

    await redis.start(); // empty: it keeps nothing on disk
    await expect.poll(async () => sharedRedis()!.client.isReady && (await sharedRedis()!.client.hGet("factline:cache:tags", "claim:a")), { timeout: 10_000 }).toBeTruthy();
    await handler.set("/cached/current/claims/b", page("<p>B back</p>") as never, {} as never);
    expect(((await handler.get("/cached/current/claims/b", {} as never))?.value as { html: string }).html).toBe("<p>B back</p>");
  });
});
