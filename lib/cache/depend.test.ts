import { beforeEach, describe, expect, it, vi } from "vitest";

const declared = vi.hoisted(() => ({ calls: [] as string[][] }));
vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({
  unstable_cache: (run: () => Promise<unknown>, _key: string[], options: { tags: string[] }) => {
    declared.calls.push(options.tags);
    return run;
  },
}));

const { dependOn } = await import("./depend");

beforeEach(() => {
  declared.calls = [];
});

describe("dependOn", () => {
  it("declares each tag once, at most 128 to a call, as Next.js requires", async () => {
    const tags = Array.from({ length: 300 }, (_, i) => `claim:c${i}`);
    await dependOn([...tags, "claim:c0"]);
    expect(declared.calls.map((call) => call.length)).toEqual([128, 128, 44]);
    expect(declared.calls.flat()).toEqual(tags);
  });

  it("leaves out a tag too long for Next.js, which only an address no record has can make", async () => {
    await dependOn([`claim:${"a".repeat(10_000)}`, "published"]);
    expect(declared.calls).toEqual([["published"]]);
  });
});
