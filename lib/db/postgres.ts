import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma-postgres/client";

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
