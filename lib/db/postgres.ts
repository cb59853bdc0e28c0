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
  position: (text: Prisma.Sql, needle: string): Prisma.Sql => Prisma.sql`strpos(${text}, ${needle})`,
  /** The larger of two integers. */
  larger: (a: Prisma.Sql, b: number): Prisma.Sql => Prisma.sql`greatest(${a}, ${b}::int)`,
};
