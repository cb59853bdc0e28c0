import path from "node:path";
import { defineConfig } from "prisma/config";
import { databaseEngine, resolveDatabaseUrl } from "./lib/database-url";

// Prisma 7's CLI would download a native schema engine on first use; this machine (and CI)
// has no such network. Point it at our offline bridge to the WebAssembly engine instead,
// unless someone chose another engine explicitly. See docs/decisions/002-offline-schema-engine.md.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  import.meta.dirname,
  "scripts",
  "prisma-schema-engine.mjs",
);

/**
 * The claims' full-text index: an FTS5 virtual table and the shadow tables FTS5 keeps its index
 * in, all created by hand-written migrations (20261129231000_claim_search, made again with a
 * fifth column by 20261204150000_fast_first_search). Prisma has no model
 * for a virtual table, so its migrate commands would read these as tables the schema lacks and
 * plan to drop them (drift that is not there). As external tables, Migrate leaves them alone.
 * scripts/prisma-schema-engine.test.ts checks this list against the tables SQLite reports as
 * virtual or shadow. See docs/decisions/013-full-text-search.md.
 */
export const SEARCH_INDEX_TABLES = ["ClaimSearch", "ClaimSearch_config", "ClaimSearch_data", "ClaimSearch_docsize", "ClaimSearch_idx"];

/**
 * PostgreSQL's search index: one table of tsvectors (prisma/postgres/migrations/…_claim_search).
 * On PostgreSQL, Prisma wants external tables named with their schema: Factline's tables live
 * in `public`, the default (a DATABASE_URL with `?schema=` is not supported).
 */
export const POSTGRES_SEARCH_INDEX_TABLES = ["public.ClaimSearch"];

/**
 * One schema per engine, both from one description of the models (scripts/db-schemas.ts), each
 * with its own migrations; DATABASE_URL's scheme picks the pair (docs/decisions/018-postgresql.md).
 */
const url = resolveDatabaseUrl();
const engine = databaseEngine(url);

export default defineConfig({
  experimental: { externalTables: true },
  tables: { external: engine === "postgresql" ? POSTGRES_SEARCH_INDEX_TABLES : SEARCH_INDEX_TABLES },
  schema: engine === "postgresql" ? "prisma/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: {
    path: engine === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url,
  },
});
