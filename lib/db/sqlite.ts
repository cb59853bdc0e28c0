import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import { databaseFilePath } from "../database-url";

/**
 * Set on every connection before its first query. WAL lets readers work while a write
 * commits; synchronous=FULL makes each acknowledged commit survive power loss (a newsroom's
 * decisions are worth an fsync); busy_timeout makes a writer wait for the lock instead of
 * failing; foreign_keys is off by default in SQLite builds other than better-sqlite3's.
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL;",
  "PRAGMA synchronous = FULL;",
  "PRAGMA busy_timeout = 5000;",
  "PRAGMA foreign_keys = ON;",
].join("\n");

class FactlineSqliteAdapter extends PrismaBetterSqlite3 {
  override async connect(): Promise<Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>> {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  }
}

/** A client for the SQLite file of a `file:` URL. */
export function createSqliteClient(url: string, options: { logQueries: boolean }): PrismaClient {
  return new PrismaClient({
    adapter: new FactlineSqliteAdapter({ url: `file:${databaseFilePath(url)}`, timeout: 5000 }),
    ...(options.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
}

/** SQLite's spelling of the few SQL functions the engines name differently (lib/db/index.ts `sqlDialect`). */
export const sqliteDialect = {
  /** Where `needle` first is in `text`, from 1, or 0; plain characters, no LIKE patterns. */
  position: (text: Prisma.Sql, needle: string | Prisma.Sql): Prisma.Sql => Prisma.sql`instr(${text}, ${needle})`,
  /** The larger of two integers. */
  larger: (a: Prisma.Sql, b: number): Prisma.Sql => Prisma.sql`max(${a}, ${b})`,
  /** The Monday (UTC) of the week a stored date and time falls in, as YYYY-MM-DD text. */
  weekStart: (at: Prisma.Sql): Prisma.Sql => Prisma.sql`date(${at}, '-6 days', 'weekday 1')`,
  /** Whole seconds from one stored date and time to another. */
  secondsBetween: (from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql => Prisma.sql`CAST(round((julianday(${to}) - julianday(${from})) * 86400.0) AS INTEGER)`,
  /** The text of a top-level field of a JSON text column (history's before/after), or null. */
  jsonField: (json: Prisma.Sql, field: string): Prisma.Sql => Prisma.sql`json_extract(${json}, ${`$.${field}`})`,
  /** After a SELECT in a write: nothing, as SQLite has one writer at a time and no row locks. */
  skipLocked: Prisma.empty,
};
