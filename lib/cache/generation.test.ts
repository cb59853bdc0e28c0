import { describe, expect, it, vi } from "vitest";
import { publishedGeneration } from "./generation";
import { tag } from "./tags";

// Each expiry Next.js is asked for, with the generation current when it was asked.
const expiries = vi.hoisted(() => [] as [string, number][]);
vi.mock("next/cache", async () => {
  const { publishedGeneration: current } = await import("./generation");
  return { updateTag: (name: string) => expiries.push([name, current()]) };
});

const { expireTags } = await import("./expire");

describe("generations of published data", () => {
  it("start anew when the published tag is expired, before Next.js expires it, and not for other tags", () => {
    const before = publishedGeneration();
    expireTags([tag.claim("a"), tag.claimant("b")]);
    expect(publishedGeneration()).toBe(before);
    expireTags([tag.claim("a"), tag.published(), tag.published()]);
    expect(publishedGeneration()).toBe(before + 1);
    // A kept answer asked once the expiry is under way is under the new generation's key.
    expect(expiries.at(-1)).toEqual([tag.published(), before + 1]);
  });

  it("are shared through globalThis, so every bundle holding a copy of the module agrees", async () => {
    const before = publishedGeneration();
    vi.resetModules();
    const copy = await import("./generation");
    copy.nextPublishedGeneration();
    expect(publishedGeneration()).toBe(before + 1);
  });
});
