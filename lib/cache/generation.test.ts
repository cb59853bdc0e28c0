import { afterAll, describe, expect, it, vi } from "vitest";
import { closeRedis, sharedRedis } from "@/lib/redis/connection.mjs";
import { startRedis } from "@/lib/testing/redis-server";
import { publishedGeneration } from "./generation";
import { tag } from "./tags";

// Each expiry Next.js is asked for, with the generation current when it was asked.
const expiries = vi.hoisted(() => [] as [string, string][]);
vi.mock("next/cache", async () => {
  const { publishedGeneration: current } = await import("./generation");
  return { updateTag: async (name: string) => expiries.push([name, await current()]) };
});

const { expireTags } = await import("./expire");

afterAll(async () => {
  await closeRedis();
  delete process.env.REDIS_URL;
});

describe("generations of published data", () => {
  it("start anew when the published tag is expired, before Next.js expires it, and not for other tags", async () => {
    const before = await publishedGeneration();
    await expireTags([tag.claim("a"), tag.claimant("b")]);
    expect(await publishedGeneration()).toBe(before);
    await expireTags([tag.claim("a"), tag.published(), tag.published()]);
    const after = await publishedGeneration();
    expect(after).toBe(`m${Number(before.slice(1)) + 1}`);
    // A kept answer asked once the expiry is under way is under the new generation's key.
    await vi.waitFor(() => expect(expiries.at(-1)).toEqual([tag.published(), after]));
  });

  it("are shared through globalThis, so every bundle holding a copy of the module agrees", async () => {
    const before = await publishedGeneration();
    vi.resetModules();
    const copy = await import("./generation");
    await copy.nextPublishedGeneration();
    expect(await publishedGeneration()).toBe(`m${Number(before.slice(1)) + 1}`);
  });

  it("with REDIS_URL, are counted in Redis, so every process's kept answers agree; in this process while it is away", async () => {
    const redis = await startRedis();
    try {
      process.env.REDIS_URL = redis.url;
      expect(await publishedGeneration()).toBe("r0");
      // Another process starting a generation is one more INCR on the same key.
      await sharedRedis()!.client.incr("factline:published-generation");
      expect(await publishedGeneration()).toBe("r1");
      await expireTags([tag.published()]);
      expect(await publishedGeneration()).toBe("r2");

      await redis.stop();
      const local = await publishedGeneration();
      expect(local).toMatch(/^m\d+$/);
      await expireTags([tag.published()]);
      expect(await publishedGeneration()).toBe(`m${Number(local.slice(1)) + 1}`);
    } finally {
      await redis.dispose();
    }
  });
});
