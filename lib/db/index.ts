import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { databaseEngine, resolveDatabaseUrl, type DatabaseEngine } from "../database-url";
import { createPostgresClient, postgresDialect } from "./postgres";
import { createSqliteClient, sqliteDialect } from "./sqlite";

/**
 * The database client for DATABASE_URL: SQLite for `file:` URLs, PostgreSQL for
 * `postgresql://` ones (docs/decisions/018-postgresql.md). The two generated clients come from
 * one description of the models (scripts/db-schemas.ts, checked by its test), so they have the
 * same API; the app is typed against the SQLite one, the default.
 */
export function createPrismaClient(url: string = resolveDatabaseUrl()): PrismaClient {
  // Tests count the SQL each read runs (lib/data/query-count.test.ts); nothing else listens.
  const options = { logQueries: process.env.NODE_ENV === "test" };
  const resolved = resolveDatabaseUrl(url);
  if (databaseEngine(resolved) === "postgresql") {
    return createPostgresClient(resolved, options) as unknown as PrismaClient;
  }
  return createSqliteClient(resolved, options);
}

// One client per process. Outside production, Next.js's dev server reloads modules on every
// change; keeping the client on globalThis stops each reload from opening another connection.
const globalForPrisma = globalThis as unknown as { factlinePrisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.factlinePrisma ?? createPrismaClient();

/** The engine `db` talks to, for code that must tell its library which one (lib/auth.ts). */
export const dbEngine: DatabaseEngine = databaseEngine(resolveDatabaseUrl());

if (process.env.NODE_ENV !== "production") globalForPrisma.factlinePrisma = db;

/**
 * Where `needle` first is in `column`, from 1, or 0, both lower-cased by the database: found as
 * typed, with no LIKE pattern, so `%` and `_` are plain characters. Case folds for ASCII letters
 * on SQLite (its lower()), for what the database's locale folds on PostgreSQL. Both sides go
 * through the same lower(), so a needle typed exactly as stored is always found: lower-cased by
 * JavaScript instead, "Élysée" became "élysée", which SQLite's lower("Élysée") never holds.
 */
export function positionIgnoringCase(column: Prisma.Sql, needle: string): Prisma.Sql {
  return sqlDialect.position(Prisma.sql`lower(${column})`, Prisma.sql`lower(${needle})`);
}

/** The SQL functions the engines spell differently, for the engine of DATABASE_URL; each spelled in its engine's file. */
export const sqlDialect = dbEngine === "postgresql" ? postgresDialect : sqliteDialect;

/**
 * A date as a raw query's parameter, written as Prisma's SQLite adapter stores dates ("…+00:00"),
 * so SQLite's text comparisons order it with the stored ones; PostgreSQL reads it as the same
 * instant.
 */
export function storedDate(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
