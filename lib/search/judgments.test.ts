// The judgment list (lib/search/judgments.ts) on the seed and on a small synthetic newsroom,
// with the engine lib/testing/test-database.ts is set to (judgments.postgres.test.ts runs it
// again on PostgreSQL). Relevance is what a person judged must come first, not the old order.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseFilePath } from "@/lib/database-url";
import { createTestDatabases } from "@/lib/testing/test-database";
import { defaultSize, writeSyntheticData } from "@/scripts/bench/synthetic-data";
import { BENCH_JUDGMENTS, SEED_JUDGMENTS, writeJudgedClaims, type Judgment } from "./judgments";
import { findHighlights } from "./snippet";

const databases = await createTestDatabases(2);
const [seedUrl, benchUrl] = databases.urls as [string, string];
process.env.DATABASE_URL = seedUrl;

const { createPrismaClient } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { searchClaimIdsWith } = await import("./index");
const seedDb = createPrismaClient(seedUrl);
const benchDb = createPrismaClient(benchUrl);

/** 2,000 claims: enough for a common word to fill many pages, small enough for every run. */
const SIZE = defaultSize(2_000);

/** The benchmark's own writer; on PostgreSQL its statements are replayed through `pg`. */
async function writeSynthetic(url: string): Promise<void> {
  if (databases.engine === "sqlite") {
    const db = new Database(databaseFilePath(url));
    db.pragma("foreign_keys = ON");
    writeSyntheticData(db, SIZE);
    db.close();
    return;
  }
  const statements: [string, unknown[]][] = [];
  const recorder = { prepare: (sql: string) => ({ run: (...args: unknown[]) => statements.push([sql, args]) }), transaction: (fn: () => void) => fn };
  writeSyntheticData(recorder as unknown as Database.Database, SIZE);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("BEGIN");
  for (const [sql, args] of statements) {
    let n = 0;
    await client.query(sql.replace(/\?/g, () => `$${++n}`), args);
  }
  await client.query("COMMIT");
  await client.end();
}

beforeAll(async () => {
  await seedDatabase(seedDb);
  await writeSynthetic(benchUrl);
  await writeJudgedClaims(benchDb);
}, 120_000);

afterAll(async () => {
  await seedDb.$disconnect();
  await benchDb.$disconnect();
  databases.cleanup();
});

async function failures(db: typeof seedDb, judgments: Judgment[]): Promise<string[]> {
  const failed: string[] = [];
  for (const { query, filters = {}, top, mustInclude, mustExclude = [], why } of judgments) {
    const first = (await searchClaimIdsWith(db, databases.engine, query, filters, { offset: 0, limit: top })).ids;
    const missing = mustInclude.filter((id) => !first.includes(id));
    if (missing.length > 0) failed.push(`${query} ${JSON.stringify(filters)}: ${missing.join(", ")} not in the first ${top} (${why}); got ${first.join(", ")}`);
    if (mustExclude.length > 0) {
      const all = (await searchClaimIdsWith(db, databases.engine, query, filters, { offset: 0, limit: 100 })).ids;
      const found = mustExclude.filter((id) => all.includes(id));
      if (found.length > 0) failed.push(`${query}: ${found.join(", ")} found (${why})`);
    }
  }
  return failed;
}

describe(`the judgment list on ${databases.engine}`, () => {
  it("has at least 40 queries, each judging at least one claim", () => {
    const all = [...SEED_JUDGMENTS, ...BENCH_JUDGMENTS];
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const judgment of all) expect(judgment.mustInclude.length, judgment.query).toBeGreaterThan(0);
  });

  it(`puts the judged claims first for ${SEED_JUDGMENTS.length} queries on the seed`, async () => {
    expect(await failures(seedDb, SEED_JUDGMENTS)).toEqual([]);
  });

  it(`puts the judged claims first for ${BENCH_JUDGMENTS.length} queries on ${SIZE.claims.toLocaleString("en")} synthetic claims`, async () => {
    expect(await failures(benchDb, BENCH_JUDGMENTS)).toEqual([]);
  });

  it("counts a common word exactly up to the cap, then says more than, and pages on past it", async () => {
    const { COUNT_CAP } = await import("./query");
    // "c" starts a word in nearly every synthetic claim ("contract", "cloud", "council", …).
    const page = await searchClaimIdsWith(benchDb, databases.engine, "c", {}, { offset: 0, limit: 20 });
    expect(page).toMatchObject({ total: COUNT_CAP, totalIsCapped: true });
    expect(page.ids).toHaveLength(20);
    const deep = await searchClaimIdsWith(benchDb, databases.engine, "c", {}, { offset: COUNT_CAP, limit: 20 });
    expect(deep.ids).toHaveLength(20);
    expect(deep).toMatchObject({ total: COUNT_CAP + 20, totalIsCapped: true });
    const exact = await searchClaimIdsWith(benchDb, databases.engine, "zephyrine", {}, { offset: 0, limit: 20 });
    expect(exact).toMatchObject({ totalIsCapped: false });
    expect(exact.total).toBe(exact.ids.length);
  });

  it("gives every match once across pages, in tier order, newest first within a tier", async () => {
    const whole = await searchClaimIdsWith(benchDb, databases.engine, "government rail", {}, { offset: 0, limit: 100 });
    const paged: string[] = [];
    for (let offset = 0; offset < 100; offset += 7) paged.push(...(await searchClaimIdsWith(benchDb, databases.engine, "government rail", {}, { offset, limit: 7 })).ids);
    expect(paged.slice(0, 100)).toEqual(whole.ids);
    expect(new Set(whole.ids).size).toBe(whole.ids.length);
    // Every claim with both words in its summary (tier 1) comes first, newest first, and before
    // judged-quote, newer than all of them but with the words only in a quote.
    const all: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const { ids } = await searchClaimIdsWith(benchDb, databases.engine, "government rail", {}, { offset, limit: 100 });
      all.push(...ids);
      if (ids.length < 100) break;
    }
    const summaries = new Map((await benchDb.claim.findMany({ where: { id: { in: all } }, select: { id: true, summary: true } })).map((c) => [c.id, c.summary]));
    const inSummary = all.filter((id) => findHighlights(summaries.get(id)!, ["government", "rail"]).matched.size === 2);
    expect(inSummary.length).toBeGreaterThan(5);
    expect(all.slice(0, inSummary.length)).toEqual(inSummary);
    expect(inSummary[0]).toBe("judged-summary");
    // The synthetic claims were written in the order of their numbers: newest first is highest first.
    const numbers = inSummary.filter((id) => id.startsWith("bench-claim-")).map((id) => Number(id.slice("bench-claim-".length)));
    expect(numbers).toEqual(numbers.toSorted((a, b) => b - a));
    expect(all.indexOf("judged-quote")).toBeGreaterThan(inSummary.length - 1);
  });
});
