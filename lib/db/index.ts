import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";
import { databaseFilePath, resolveDatabaseUrl } from "../database-url";

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

export function createPrismaClient(url: string = resolveDatabaseUrl()): PrismaClient {
  return new PrismaClient({
    adapter: new FactlineSqliteAdapter({ url: `file:${databaseFilePath(url)}`, timeout: 5000 }),
    // Tests count the SQL each read runs (lib/data/query-count.test.ts); nothing else listens.
    ...(process.env.NODE_ENV === "test" ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
}

// One client per process. Outside production, Next.js's dev server reloads modules on every
// change; keeping the client on globalThis stops each reload from opening another connection.
const globalForPrisma = globalThis as unknown as { factlinePrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.factlinePrisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.factlinePrisma = db;
