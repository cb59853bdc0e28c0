// Search on PostgreSQL means what it means on SQLite: on the seed, every captured query, filter
// and page gets the same claims in the same order (the tiers of ADR 023, newest first in each)
// and the same totals from both engines, and the index follows writes made through the app's
// client (lib/db picks PostgreSQL for a postgresql:// URL). lib/search/judgments.postgres.test.ts
// holds PostgreSQL to the judgment list too.
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
const { rankTsquery, tsqueryPhrase } = await import("./postgres");
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
    expect(tsqueryPhrase("six-month", ["summary"])).toBe("six:A <-> month:*A");
    expect(tsqueryPhrase("ice", ["summary", "claimant"])).toBe("ice:*AB");
    expect(tsqueryPhrase("a&b|!c:*")).toBe("a <-> b <-> c:*");
    expect(tsqueryPhrase("six-month", ["summary"], "whole")).toBe("six:A <-> month:A");
  });

  it("asks each rank for its columns and word form and not an earlier rank's, numbers in both their forms", () => {
    expect(rankTsquery(["ice"], 0)).toBe("(((ice:A)))");
    expect(rankTsquery(["ice", "1400"], 1)).toBe("((((ice:AB)) & ((1400:AB) | (1:AB <-> 400:AB))) & !(((ice:A)) & ((1400:A) | (1:A <-> 400:A))))");
    // The first rank of the words' starts: anywhere as a start, not anywhere whole.
    expect(rankTsquery(["ice"], 4)).toBe("((((ice:*A))) & !(((ice:ABCD))))");
    expect(rankTsquery(["ice"], 5)).toBe("(((((ice:*AB))) & !(((ice:*A)))) & !(((ice:ABCD))))");
  });

  it("follows publishing and unpublishing, and finds a number however it is written", async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { id: "palantir-ice-case-management-2022" }, select: { id: true } });
    for (const client of [db, sqlite]) await client.claim.update({ where: { id: claim.id }, data: { summary: "Palantir was paid 1,400,000 for case management" } });
    for (const query of ["1400000", "1,400,000", "1.400.000", "1400"]) {
      expect((await searchClaimIds(query, {}, ALL)).ids, query).toEqual([claim.id]);
      expect(await searchClaimIds(query, {}, ALL), query).toEqual(await searchClaimIdsWith(sqlite, "sqlite", query, {}, ALL));
    }
    await db.claim.update({ where: { id: claim.id }, data: { publishedAt: null } });
    expect((await searchClaimIds("1400000", {}, ALL)).ids).toEqual([]);
    await db.claim.update({ where: { id: claim.id }, data: { publishedAt: new Date() } });
    expect((await searchClaimIds("1400000", {}, ALL)).ids).toEqual([claim.id]);
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
