import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma-postgres/client";
// The app builds its SQL with the default (SQLite) client's tag; the text it makes is engine-neutral.
import { Prisma } from "../generated/prisma/client";

/**
 * A client for a PostgreSQL URL, through node-postgres' pool. Its generated client
 * (lib/generated/prisma-postgres) comes from prisma/postgres/schema.prisma, which
 * scripts/db-schemas.ts writes from the same models as SQLite's.
 */
export function createPostgresClient(url: string, options: { logQueries: boolean }): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    ...(options.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
}

/** PostgreSQL's spelling of the few SQL functions the engines name differently (lib/db/index.ts `sqlDialect`). */
export const postgresDialect = {
  /** Where `needle` first is in `text`, from 1, or 0; plain characters, no LIKE patterns. */
  position: (text: Prisma.Sql, needle: string | Prisma.Sql): Prisma.Sql => Prisma.sql`strpos(${text}, ${needle})`,
  /** The larger of two integers. */
  larger: (a: Prisma.Sql, b: number): Prisma.Sql => Prisma.sql`greatest(${a}, ${b}::int)`,
  /** The Monday (UTC) of the week a stored date and time falls in, as YYYY-MM-DD text. */
  weekStart: (at: Prisma.Sql): Prisma.Sql => Prisma.sql`to_char(date_trunc('week', ${at}), 'YYYY-MM-DD')`,
  /** Whole seconds from one stored date and time to another. */
  secondsBetween: (from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql => Prisma.sql`round(extract(epoch from (${to} - ${from})))::int`,
  /** The text of a top-level field of a JSON text column (history's before/after), or null. */
  jsonField: (json: Prisma.Sql, field: string): Prisma.Sql => Prisma.sql`(${json}::jsonb ->> ${field}::text)`,
  /** After a SELECT in a write: lock the rows it picks, passing over any another transaction holds. */
  skipLocked: Prisma.sql`FOR UPDATE SKIP LOCKED`,
};
