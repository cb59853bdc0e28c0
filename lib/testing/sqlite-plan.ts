import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/** Statistics as ANALYZE keeps them in sqlite_stat1: table, index, and its line of numbers. */
export type IndexStatistics = readonly (readonly [table: string, index: string, stat: string])[];

/**
 * SQLite's plan for `sql` (the steps of EXPLAIN QUERY PLAN) over tables as large as `stats`
 * says, whatever the test file holds. The statistics are put in place for this one question and
 * taken out after it; none at all is the planner's guess with no ANALYZE ever run.
 * better-sqlite3's SQLite also keeps samples of rows (STAT4), which would describe the test
 * file's few rows: none is left while asking.
 */
export async function sqlitePlan(db: PrismaClient, sql: Prisma.Sql, stats: IndexStatistics): Promise<string[]> {
  await db.$executeRawUnsafe("ANALYZE"); // makes the statistics tables
  await db.$executeRawUnsafe("DELETE FROM sqlite_stat1");
  await db.$executeRawUnsafe("DELETE FROM sqlite_stat4");
  for (const [table, index, stat] of stats) await db.$executeRaw`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (${table}, ${index}, ${stat})`;
  await db.$executeRawUnsafe("ANALYZE sqlite_schema"); // the planner reads the statistics again
  try {
    return (await db.$queryRaw<{ detail: string }[]>(Prisma.sql`EXPLAIN QUERY PLAN ${sql}`)).map((step) => step.detail);
  } finally {
    await db.$executeRawUnsafe("DELETE FROM sqlite_stat1");
    await db.$executeRawUnsafe("DELETE FROM sqlite_stat4");
    await db.$executeRawUnsafe("ANALYZE sqlite_schema");
  }
}
