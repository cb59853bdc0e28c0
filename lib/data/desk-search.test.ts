import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

// A SQLite file, or PostgreSQL when run from desk-search.postgres.test.ts.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { searchDesk, snippetAround, DESK_SEARCH_LIMIT } = await import("./desk-search");

const MEMO = `${"Background paragraph. ".repeat(40)}The procurement office kept a Ledger Of Quiet Payments for the agency.${" Closing remarks follow.".repeat(40)}`;

beforeAll(async () => {
  await seedDatabase(db);
  const author = await db.user.create({ data: { name: "Rita", email: "rita@example.org", role: "reviewer" } });
  await db.source.create({ data: { id: "leaked-memo", title: "A leaked memo", kind: "document", capturedText: MEMO } });
  await db.source.create({ data: { id: "percent-memo", title: "Odd characters", kind: "document", capturedText: "Growth of 50% in_total, not 50 percent." } });
  const claim = await db.claim.findFirstOrThrow({ select: { id: true } });
  await db.annotation.create({ data: { id: "internal-note", claimId: claim.id, authorId: author.id, body: "Check the ledger of quiet payments with the desk lawyer first." } });
  await db.annotation.create({ data: { id: "deleted-note", claimId: claim.id, authorId: author.id, body: "Ledger of quiet payments: an old thought.", deletedAt: new Date() } });
  await db.annotation.create({ data: { id: "public-note", claimId: claim.id, authorId: author.id, body: "Readers: the ledger of quiet payments is not public.", isPublic: true } });
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

describe("the desk's search", () => {
  it("finds words in the captured text of sources, in any case, with the text around them", async () => {
    const found = await searchDesk("ledger of QUIET payments");
    expect(found.sourceTotal).toBe(1);
    expect(found.sources.map((s) => s.id)).toEqual(["leaked-memo"]);
    const snippet = found.sources[0]!.snippet!;
    expect(snippet.match).toBe("Ledger Of Quiet Payments");
    expect(snippet.before).toMatch(/procurement office kept a $/);
    expect(snippet.after).toMatch(/^ for the agency\./);
    // A piece of a long text, cut at both ends and said to be.
    expect(snippet).toMatchObject({ cutBefore: true, cutAfter: true });
    expect(snippet.before.length + snippet.after.length).toBeLessThan(400);
  });

  it("finds internal and public notes, never deleted ones, and says which is which", async () => {
    const found = await searchDesk("ledger of quiet payments");
    expect(found.noteTotal).toBe(2);
    expect(found.notes.map((n) => [n.id, n.isPublic, n.authorName]).sort()).toEqual([
      ["internal-note", false, "Rita"],
      ["public-note", true, "Rita"],
    ]);
    expect(found.notes.find((n) => n.id === "internal-note")!.snippet).toMatchObject({ before: "Check the ", match: "ledger of quiet payments", cutBefore: false, cutAfter: false });
  });

  it("takes % and _ as the characters they are, and finds nothing for words nowhere", async () => {
    expect((await searchDesk("50%")).sources.map((s) => s.id)).toEqual(["percent-memo"]);
    expect((await searchDesk("in_total")).sources.map((s) => s.id)).toEqual(["percent-memo"]);
    expect((await searchDesk("5_%")).sourceTotal).toBe(0);
    expect(await searchDesk("no such words anywhere")).toEqual({ sources: [], sourceTotal: 0, notes: [], noteTotal: 0 });
    expect(await searchDesk("   ")).toEqual({ sources: [], sourceTotal: 0, notes: [], noteTotal: 0 });
  });

  it("finds words with capitals outside A-Z when typed as they are written, with the text around them", async () => {
    await db.source.create({ data: { id: "oresund-memo", title: "Toll memo", kind: "primary-document", capturedText: "The memo says the Öresund Bridge tolls rose by 12% in 2025." } });
    const found = await searchDesk("Öresund Bridge tolls");
    expect(found.sources.map((s) => s.id)).toEqual(["oresund-memo"]);
    expect(found.sources[0]!.snippet).toMatchObject({ before: "The memo says the ", match: "Öresund Bridge tolls", after: " rose by 12% in 2025." });
  });

  it(`shows the newest ${DESK_SEARCH_LIMIT} and counts the rest`, async () => {
    await db.source.createMany({ data: Array.from({ length: DESK_SEARCH_LIMIT + 3 }, (_, i) => ({ id: `pile-${i}`, title: `Pile ${i}`, kind: "document", capturedText: `Item ${i} of the zanzibar pile.`, createdAt: new Date(Date.UTC(2026, 0, 1 + i)) })) });
    const found = await searchDesk("zanzibar");
    expect(found.sourceTotal).toBe(DESK_SEARCH_LIMIT + 3);
    expect(found.sources).toHaveLength(DESK_SEARCH_LIMIT);
    expect(found.sources[0]!.id).toBe(`pile-${DESK_SEARCH_LIMIT + 2}`);
  });
});

describe("snippetAround", () => {
  it("keeps a short text whole and marks the match as written", () => {
    expect(snippetAround("A short note about Azure.", "azure")).toEqual({ before: "A short note about ", match: "Azure", after: ".", cutBefore: false, cutAfter: false });
    expect(snippetAround("nothing here", "azure")).toBeNull();
  });
});
