// Search on PostgreSQL means what it means on SQLite: on the seed, every captured query, filter
// and page gets the same claims in the same order from both engines, and the index follows
// writes made through the app's client (lib/db picks PostgreSQL for a postgresql:// URL).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIKE_PAGES, LIKE_RESULTS } from "@/lib/testing/fixtures/like-search-seed";
import { createMigratedPostgresDatabase, startPostgres } from "@/lib/testing/postgres-server";
import { createMigratedDatabase } from "@/lib/testing/temp-database";

const server = await startPostgres();
process.env.DATABASE_URL = createMigratedPostgresDatabase(server, "factline_search");
const sqliteFile = createMigratedDatabase();

const { db, createPrismaClient } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { searchClaimIds, searchClaimIdsWith } = await import("./index");
const { tsqueryPhrase } = await import("./postgres");
const sqlite = createPrismaClient(sqliteFile.url);

const ALL = { offset: 0, limit: 100 };

beforeAll(async () => {
  await seedDatabase(db);
  await seedDatabase(sqlite);
});

afterAll(async () => {
  await db.$disconnect();
  await sqlite.$disconnect();
  sqliteFile.cleanup();
  server.stop();
});

describe("search on PostgreSQL", () => {
  it(`finds what SQLite finds, in the same order, for the ${Object.keys(LIKE_RESULTS).length} captured queries`, async () => {
    let matched = 0;
    for (const query of Object.keys(LIKE_RESULTS)) {
      const expected = await searchClaimIdsWith(sqlite, "sqlite", query, {}, ALL);
      expect(await searchClaimIds(query, {}, ALL), query).toEqual(expected);
      if (expected.total > 0) matched += 1;
    }
    // The comparison means something only if most queries find claims.
    expect(matched).toBeGreaterThan(100);
  });

  it("keeps the same filters, totals and pages", async () => {
    for (const { query, filters, page } of LIKE_PAGES) {
      const label = `${query} ${JSON.stringify(filters)} ${JSON.stringify(page)}`;
      expect(await searchClaimIds(query, filters, page), label).toEqual(await searchClaimIdsWith(sqlite, "sqlite", query, filters, page));
    }
  });

  it("builds tsqueries from letters and digits only: a prefix last, whole after an apostrophe, per column", () => {
    expect(tsqueryPhrase("tripl")).toBe("tripl:*");
    expect(tsqueryPhrase("$139.3m")).toBe("139 <-> 3m:*");
    expect(tsqueryPhrase("ice's")).toBe("ice <-> s");
    expect(tsqueryPhrase("six-month", "summary")).toBe("six:A <-> month:*A");
    expect(tsqueryPhrase("a&b|!c:*")).toBe("a <-> b <-> c:*");
  });

  it("reads nothing a reader types as tsquery syntax, and folds case and accents", async () => {
    for (const query of ["!", "a & | b", "':*", "(ice", "ice <-> ", "\\"]) {
      await expect(searchClaimIds(query, {}, ALL), query).resolves.toBeDefined();
    }
    const claim = await db.claim.findFirstOrThrow({ where: { publishedAt: { not: null } }, select: { id: true } });
    await db.claim.update({ where: { id: claim.id }, data: { summary: "Crème brûlée budgets" } });
    expect((await searchClaimIds("CREME BRULEE", {}, ALL)).ids).toEqual([claim.id]);
    expect((await searchClaimIds("crème brû", {}, ALL)).ids).toEqual([claim.id]);
  });
});
