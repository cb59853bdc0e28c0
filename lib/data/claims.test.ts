import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

// lib/db opens DATABASE_URL when first imported: point it at a fresh, seeded file first.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { listClaims, getClaim } = await import("./claims");
const { getSource } = await import("./sources");
const { getClaimant, listClaimants } = await import("./claimants");
const { listStoriesWithClaims, getStoryBySlug } = await import("./stories");
const { decodeCursor } = await import("@/lib/cursor");
const { claims: seedClaims } = await import("@/prisma/seed-data/microsoft-ice");

const DRAFT_ID = "test-draft-claim";

beforeAll(async () => {
  await seedDatabase(db);
  // A draft in the same story, by the same claimant, citing the same source as a published claim.
  const published = await db.claim.findFirstOrThrow({
    where: { summary: { contains: "tripled" } },
    select: { storyId: true, claimantId: true, sources: { select: { sourceId: true }, take: 1 } },
  });
  await db.claim.create({
    data: {
      id: DRAFT_ID,
      text: "Draft words that mention tripled budgets",
      summary: "An unpublished draft about tripled budgets",
      claimantId: published.claimantId,
      storyId: published.storyId,
      sources: { create: { sourceId: published.sources[0]!.sourceId, relation: "appears-in", quote: "draft quote" } },
    },
  });
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

const page = { limit: 20, cursor: null };

describe("listClaims", () => {
  it("lists the published seed claims, newest publication first", async () => {
    const result = await listClaims({}, page);
    expect(result.total).toBe(12);
    expect(result.items).toHaveLength(12);
    expect(result.nextCursor).toBeNull();
    const times = result.items.map((i) => i.publishedAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(result.items.every((i) => i.sourceCount > 0)).toBe(true);
  });

  it("pages by keyset without repeating or skipping a claim", async () => {
    const ids: string[] = [];
    let cursor = null;
    let pages = 0;
    do {
      const result: Awaited<ReturnType<typeof listClaims>> = await listClaims({}, { limit: 5, cursor });
      expect(result.offset).toBe(ids.length);
      ids.push(...result.items.map((i) => i.id));
      cursor = result.nextCursor ? decodeCursor(result.nextCursor) : null;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(12);
  });

  it("knows a page's place only from a link its own list gave out", async () => {
    const own = (await listClaims({}, { limit: 2, cursor: null })).nextCursor!;
    const second = await listClaims({}, { limit: 2, cursor: decodeCursor(own) });
    expect(second).toMatchObject({ offset: 2, offsetKnown: true });
    // A link from the list of one status, carried over to every claim: it reads on from the
    // claim it names, but its count was that list's.
    const filtered = await listClaims({ status: "unverified" }, { limit: 1, cursor: null });
    expect(filtered.nextCursor).not.toBeNull();
    const carried = await listClaims({}, { limit: 2, cursor: decodeCursor(filtered.nextCursor!) });
    expect(carried).toMatchObject({ offsetKnown: false });
    // Nor is the page after it: the count it would carry on is still the other list's.
    expect(await listClaims({}, { limit: 2, cursor: decodeCursor(carried.nextCursor!) })).toMatchObject({ offsetKnown: false });
    // A search's link names no claim: this list starts from its first page, numbered as such.
    const searched = (await listClaims({ q: "ICE" }, { limit: 1, cursor: null })).nextCursor!;
    const first = await listClaims({}, { limit: 2, cursor: decodeCursor(searched) });
    expect(first).toMatchObject({ offset: 0, offsetKnown: true });
    // And the page after it is the second, numbered so.
    expect(await listClaims({}, { limit: 2, cursor: decodeCursor(first.nextCursor!) })).toMatchObject({ offset: 2, offsetKnown: true });
  });

  it("filters by status, claimant, story and source", async () => {
    const all = (await listClaims({}, page)).items;
    const sample = all.find((c) => c.status === "unverified")!;
    const byStatus = await listClaims({ status: "unverified" }, page);
    expect(byStatus.items.length).toBeGreaterThan(0);
    expect(byStatus.items.every((i) => i.status === "unverified")).toBe(true);
    expect(byStatus.total).toBe(all.filter((c) => c.status === "unverified").length);

    const byClaimant = await listClaims({ claimant: sample.claimant.id }, page);
    expect(byClaimant.items.every((i) => i.claimant.id === sample.claimant.id)).toBe(true);
    expect(byClaimant.total).toBe(all.filter((c) => c.claimant.id === sample.claimant.id).length);

    expect((await listClaims({ story: sample.story.id }, page)).total).toBe(12);
    expect((await listClaims({ story: "no-such-story" }, page)).total).toBe(0);

    const claim = await getClaim(sample.id);
    const sourceId = claim!.sources[0]!.source.id;
    const bySource = await listClaims({ source: sourceId }, page);
    expect(bySource.items.map((i) => i.id)).toContain(sample.id);
    const source = await getSource(sourceId);
    expect(bySource.total).toBe(new Set(source!.claims.map((l) => l.claim.id)).size);
    // The page's heading counts the same claims, each once.
    expect(source!.claimCount).toBe(bySource.total);
    expect(source!.backlinkCount).toBe(source!.claims.length);
  });

  it("never shows a draft", async () => {
    const all = await listClaims({}, page);
    expect(all.items.map((i) => i.id)).not.toContain(DRAFT_ID);
    expect(await getClaim(DRAFT_ID)).toBeNull();
    const search = await listClaims({ q: "tripled" }, page);
    expect(search.items.map((i) => i.id)).not.toContain(DRAFT_ID);
    const draft = await db.claim.findUniqueOrThrow({ where: { id: DRAFT_ID }, select: { claimantId: true, sources: { select: { sourceId: true } } } });
    const source = await getSource(draft.sources[0]!.sourceId);
    expect(source!.claims.map((l) => l.claim.id)).not.toContain(DRAFT_ID);
    const claimant = await getClaimant(draft.claimantId);
    expect((await listClaims({ claimant: draft.claimantId }, page)).total).toBe(claimant!.publishedClaimCount);
    const stories = await listStoriesWithClaims({ stories: 10, claimsPerStory: 50 });
    expect(stories[0]!.claims.map((c) => c.id)).not.toContain(DRAFT_ID);
    expect(stories[0]!.publishedClaimCount).toBe(12);
  });
});

describe("search", () => {
  it('ranks The Guardian\'s claim first for "tripled", in any case', async () => {
    for (const q of ["tripled", "TRIPLED", "Tripled"]) {
      const result = await listClaims({ q }, page);
      expect(result.items[0]?.summary, q).toContain("tripled");
      expect(result.items[0]?.claimant.name).toBe("The Guardian");
    }
  });

  it("needs every word to match, in summary, text, claimant or quote", async () => {
    const both = await listClaims({ q: "Palantir 139.3" }, page);
    expect(both.total).toBe(1);
    expect((await listClaims({ q: "Palantir tripled" }, page)).total).toBe(0);
    const byClaimant = await listClaims({ q: "guardian" }, page);
    // A word found only in the claimant's name still finds the claim.
    const guardianClaims = (await listClaims({}, page)).items.filter((i) => i.claimant.name === "The Guardian");
    expect(guardianClaims.length).toBeGreaterThanOrEqual(3);
    for (const claim of guardianClaims) expect(byClaimant.items.map((i) => i.id)).toContain(claim.id);
  });

  it("shows where the words matched, in the field holding most of them, and an exact total", async () => {
    const result = await listClaims({ q: "palestinian" }, page);
    expect(result).toMatchObject({ total: 1, totalIsCapped: false, nextCursor: null });
    const snippet = result.items[0]!.snippet!;
    expect(snippet.field).toBe("text");
    expect(snippet.highlights.map((h) => snippet.text.slice(h.start, h.end))).toEqual(["Palestinian"]);
    expect((await listClaims({ q: "tripled azure" }, page)).items[0]!.snippet!.field).toBe("summary");
    // Lists that are not a search have no snippet at all.
    expect((await listClaims({}, page)).items[0]).not.toHaveProperty("snippet");
  });

  it("finds nothing for wildcard characters alone", async () => {
    expect((await listClaims({ q: "%" }, page)).total).toBe(0);
    expect((await listClaims({ q: "_" }, page)).total).toBe(0);
  });

  it("combines with filters and pages by offset", async () => {
    const first = await listClaims({ q: "microsoft" }, { limit: 2, cursor: null });
    expect(first.total).toBeGreaterThan(2);
    const second = await listClaims({ q: "microsoft" }, { limit: 2, cursor: decodeCursor(first.nextCursor!) });
    expect(second.offset).toBe(2);
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0]!.id);
    const filtered = await listClaims({ q: "microsoft", status: "not-checkable" }, page);
    expect(filtered.items.every((i) => i.status === "not-checkable")).toBe(true);
  });
});

describe("detail reads", () => {
  it("getClaim returns sources with quotes and the public history", async () => {
    const [first] = (await listClaims({ q: "tripled" }, page)).items;
    const claim = await getClaim(first!.id);
    expect(claim).not.toBeNull();
    expect(claim!.sources.some((s) => s.quote.includes("tripled"))).toBe(true);
    // The public history begins at publication: the desk's "created" is not in it.
    expect(claim!.events.map((e) => e.kind)).toEqual(["published"]);
  });

  it("getStoryBySlug and listClaimants read published content only", async () => {
    const story = (await listStoriesWithClaims({ stories: 1, claimsPerStory: 3 }))[0]!;
    // In the order the article makes them.
    expect(story.claims.map((c) => c.id)).toEqual(seedClaims.slice(0, 3).map((c) => c.id));
    expect(story.publishedClaimCount).toBe(12);
    expect((await getStoryBySlug(story.slug, 100))!.claims).toHaveLength(12);
    expect(await getStoryBySlug("no-such-story", 100)).toBeNull();
    const claimants = await listClaimants();
    expect(claimants.reduce((n, c) => n + c.publishedClaimCount, 0)).toBe(12);
  });

  it("unknown ids are null, not errors", async () => {
    expect(await getClaim("nope")).toBeNull();
    expect(await getSource("nope")).toBeNull();
    expect(await getClaimant("nope")).toBeNull();
  });
});
