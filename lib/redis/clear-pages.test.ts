import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRedis, sharedRedis } from "@/lib/redis/connection.mjs";
import { startRedis, type TestRedis } from "@/lib/testing/redis-server";

// After a restore, the copies of reader pages kept in the shared cache show the database as it
// was before it (helper's report, 5 December 2026): scripts/db-restore.ts removes them.

let redis: TestRedis;
let Handler: typeof import("./cache-handler.mjs").default;
let clearStoredPages: typeof import("./clear-pages").clearStoredPages;

beforeAll(async () => {
  redis = await startRedis();
  process.env.REDIS_URL = redis.url;
  Handler = (await import("./cache-handler.mjs")).default;
  ({ clearStoredPages } = await import("./clear-pages"));
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

describe("clearStoredPages", () => {
  it("removes every copy the shared cache stored, and nothing else", async () => {
    const handler = new Handler({} as never);
    for (let i = 0; i < 1_200; i++) await handler.set(`/cached/current/claims/c${i}`, page(`<p>${i}</p>`) as never, { cacheControl: { revalidate: 300, expire: undefined } } as never);
    await handler.revalidateTag("claim:b", {} as never);
    const client = sharedRedis()!.client;
    await client.set("factline:rate:write:198.51.100.7", "3");
    expect(await handler.get("/cached/current/claims/c7", {} as never)).not.toBeNull();

    expect(await clearStoredPages(redis.url)).toBe(1_200);
    expect(await handler.get("/cached/current/claims/c7", {} as never)).toBeNull();
    expect(await client.keys("factline:cache:entry:*")).toEqual([]);
    // The rate limits and the tag expiries stay.
    expect(await client.get("factline:rate:write:198.51.100.7")).toBe("3");
    expect(await client.exists("factline:cache:tags")).toBe(1);
    expect(await clearStoredPages(redis.url)).toBe(0);
  });

  it("says so when Redis cannot be reached, with how many entries it removed before", async () => {
    await expect(clearStoredPages("redis://127.0.0.1:1")).rejects.toMatchObject({ name: "ClearPagesError", removed: 0 });
  });
});
