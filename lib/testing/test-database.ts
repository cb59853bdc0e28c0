import { createMigratedPostgresDatabase, startPostgres } from "./postgres-server";
import { createMigratedDatabase } from "./temp-database";

/**
 * The engine the next createTestDatabase uses. A test file written for SQLite runs again on
 * PostgreSQL from a second file that calls `testOnEngine("postgresql")` and then imports it
 * (each test file has its own modules, so the choice stays in that file).
 */
let engine: "sqlite" | "postgresql" = "sqlite";
export function testOnEngine(next: "sqlite" | "postgresql"): void {
  engine = next;
}

let databases = 0;

/** A migrated database of the chosen engine: a temp SQLite file, or a throwaway PostgreSQL server. */
export async function createTestDatabase(): Promise<{ url: string; engine: "sqlite" | "postgresql"; cleanup: () => void }> {
  if (engine === "sqlite") return { ...createMigratedDatabase(), engine };
  const server = await startPostgres();
  return { url: createMigratedPostgresDatabase(server, `factline_test_${++databases}`), engine, cleanup: () => server.stop() };
}

/** Several migrated databases of the chosen engine (on PostgreSQL, on one throwaway server). */
export async function createTestDatabases(count: number): Promise<{ urls: string[]; engine: "sqlite" | "postgresql"; cleanup: () => void }> {
  if (engine === "sqlite") {
    const files = Array.from({ length: count }, () => createMigratedDatabase());
    return { urls: files.map((f) => f.url), engine, cleanup: () => files.forEach((f) => f.cleanup()) };
  }
  const server = await startPostgres();
  const urls = Array.from({ length: count }, () => createMigratedPostgresDatabase(server, `factline_test_${++databases}`));
  return { urls, engine, cleanup: () => server.stop() };
}
