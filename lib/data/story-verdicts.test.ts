import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

// The verdict breakdown on a story's page: readers' figures, so drafts must never count.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { countStoryStatuses } = await import("./stories");

beforeAll(async () => {
  await db.story.createMany({ data: [{ id: "told", slug: "told", title: "Told" }, { id: "other", slug: "other", title: "Other" }] });
  await db.claimant.create({ data: { id: "speaker", name: "Speaker", kind: "person" } });
  const claims: [string, string, string, boolean][] = [
    ["p1", "told", "false", true],
    ["p2", "told", "false", true],
    ["p3", "told", "accurate", true],
    ["p4", "told", "unverified", true],
    ["d1", "told", "false", false],
    ["d2", "told", "false", false],
    ["d3", "told", "mostly-accurate", false],
    ["o1", "other", "false", true],
  ];
  for (const [id, storyId, status, isPublished] of claims) {
    await db.claim.create({ data: { id, storyId, status, text: id, summary: id, claimantId: "speaker", statusReason: "Checked.", publishedAt: isPublished ? new Date("2026-01-01T00:00:00.000Z") : null } });
  }
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

describe("a story's verdict breakdown", () => {
  it("counts the story's published claims by status, and no draft nor another story's claim", async () => {
    expect(await countStoryStatuses("told")).toEqual({ unverified: 1, "in-review": 0, accurate: 1, "mostly-accurate": 0, misleading: 0, false: 2, unsupported: 0, "not-checkable": 0 });
  });

  it("follows publication: an unpublished claim leaves the count", async () => {
    await db.claim.update({ where: { id: "p1" }, data: { publishedAt: null } });
    expect((await countStoryStatuses("told")).false).toBe(1);
  });
});
