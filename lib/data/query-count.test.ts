import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedDatabase } from "@/lib/testing/temp-database";

// Every list and detail read runs a fixed number of SQL statements whatever its size: no query
// per row (the N+1 that only shows at newsroom scale). Counted from Prisma's query events.
const database = createMigratedDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { listClaims, getClaim } = await import("./claims");
const { getSource } = await import("./sources");
const { getClaimant } = await import("./claimants");
const { listCorrections } = await import("./corrections");

let queries = 0;
(db as unknown as { $on(event: "query", listener: () => void): void }).$on("query", () => {
  queries++;
});

async function count(read: () => Promise<unknown>): Promise<number> {
  queries = 0;
  await read();
  return queries;
}

const CLAIMANT = "bulk-claimant";
const SOURCE = "bulk-source";

beforeAll(async () => {
  await seedDatabase(db);
  const story = await db.story.findFirstOrThrow({ select: { id: true } });
  await db.claimant.create({ data: { id: CLAIMANT, name: "Bulk", kind: "person" } });
  await db.source.create({ data: { id: SOURCE, title: "Bulk source", kind: "article", capturedText: "the words" } });
  const at = Date.UTC(2026, 0, 1);
  for (let i = 0; i < 60; i++) {
    await db.claim.create({
      data: {
        id: `bulk-${i}`,
        text: "Bulk words",
        summary: `Bulk claim ${i}`,
        claimantId: CLAIMANT,
        storyId: story.id,
        status: "false",
        statusReason: "Because.",
        publishedAt: new Date(at + i * 1000),
        // Claim 0 has one source link; claim 1 has many: detail reads must not care.
        sources: { create: i === 1 ? [{ sourceId: SOURCE, relation: "appears-in", quote: "the words" }, { sourceId: SOURCE, relation: "supports", quote: "the words" }, { sourceId: SOURCE, relation: "context" }] : [{ sourceId: SOURCE, relation: "appears-in", quote: "the words" }] },
        annotations: { create: Array.from({ length: i === 1 ? 5 : 1 }, () => ({ authorId: "factline-research-desk", body: "Note" })) },
      },
    });
  }
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

describe("query counts", () => {
  it("counts every statement: one read per claim would show (the check can fail)", async () => {
    const one = await count(() => getClaim("bulk-0"));
    const three = await count(() => Promise.all(["bulk-0", "bulk-2", "bulk-3"].map((id) => getClaim(id))));
    expect(one).toBeGreaterThan(0);
    expect(three).toBe(3 * one);
  });

  it("the claims list runs as many queries for 5 claims as for 60", async () => {
    const small = await count(() => listClaims({ claimant: CLAIMANT }, { limit: 5, cursor: null }));
    const large = await count(() => listClaims({ claimant: CLAIMANT }, { limit: 60, cursor: null }));
    expect(large).toBe(small);
    expect(await count(() => listClaims({ q: "bulk" }, { limit: 60, cursor: null }))).toBe(await count(() => listClaims({ q: "bulk" }, { limit: 5, cursor: null })));
  });

  it("a claim page runs as many queries for a claim with many links and notes as for one with one", async () => {
    expect(await count(() => getClaim("bulk-1"))).toBe(await count(() => getClaim("bulk-0")));
  });

  it("a source page shows its first citing claims and how many there are in all", async () => {
    const { SOURCE_BACKLINK_LIMIT } = await import("./sources");
    const story = await db.story.findFirstOrThrow({ select: { id: true } });
    await db.claim.createMany({
      data: Array.from({ length: SOURCE_BACKLINK_LIMIT }, (_, i) => ({ id: `extra-${i}`, text: "x", summary: `Extra ${i}`, claimantId: CLAIMANT, storyId: story.id, publishedAt: new Date() })),
    });
    await db.claimSource.createMany({ data: Array.from({ length: SOURCE_BACKLINK_LIMIT }, (_, i) => ({ claimId: `extra-${i}`, sourceId: SOURCE, relation: "context" })) });
    const source = await getSource(SOURCE);
    expect(source!.claims).toHaveLength(SOURCE_BACKLINK_LIMIT);
    expect(source!.backlinkCount).toBe(await db.claimSource.count({ where: { sourceId: SOURCE, claim: { publishedAt: { not: null } } } }));
    expect(source!.backlinkCount).toBeGreaterThan(SOURCE_BACKLINK_LIMIT);
    // Each claim counted once, however many times it cites the source: the page's heading and
    // the API's claimsTotal say what the claims list filtered by the source says.
    await db.claimSource.create({ data: { claimId: "extra-0", sourceId: SOURCE, relation: "supports", quote: "a second passage" } });
    const twice = await getSource(SOURCE);
    expect(twice!.backlinkCount).toBe(source!.backlinkCount + 1);
    expect(twice!.claimCount).toBe(source!.claimCount);
    const claims = await db.claim.count({ where: { publishedAt: { not: null }, sources: { some: { sourceId: SOURCE } } } });
    expect(twice!.claimCount).toBe(claims);
    expect(twice!.claimCount).toBeLessThan(twice!.backlinkCount);
  });

  it("a source page runs a fixed number of queries however many claims cite it", async () => {
    const many = await count(() => getSource(SOURCE));
    await db.claimSource.deleteMany({ where: { sourceId: SOURCE, claimId: { not: "bulk-0" } } });
    expect(await count(() => getSource(SOURCE))).toBe(many);
  });

  it("a claimant page and the corrections log run a fixed number of queries", async () => {
    // Bulk has 60 published claims, Microsoft a handful: the claimant read must not care.
    const many = await count(() => getClaimant(CLAIMANT));
    expect(many).toBeGreaterThan(0);
    expect(await count(() => getClaimant("microsoft"))).toBe(many);
    expect(await count(() => listCorrections({ cursor: null, limit: 5 }))).toBe(await count(() => listCorrections({ cursor: null, limit: 50 })));
  });
});
