// `DATABASE_URL=postgresql://… npm start` prepares the database as it does the SQLite file:
// scripts/prepare-db.ts creates and migrates it, and seeds it only while it holds no story.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runWithDatabase, startPostgres, type PostgresServer } from "../lib/testing/postgres-server";

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres();
});
afterAll(() => server?.stop());

describe("scripts/prepare-db.ts on PostgreSQL", () => {
  it("creates, migrates and seeds a new database, then never seeds over what is there", () => {
    const url = server.url("factline_start");
    const count = (table: string) => Number(server.psql(`SELECT count(*) FROM "${table}"`, "factline_start").trim());
    expect(server.databases()).not.toContain("factline_start");

    const first = runWithDatabase(url, "tsx", ["scripts/prepare-db.ts"]);

    expect(first).toContain(`Database: PostgreSQL database factline_start at 127.0.0.1:${server.port}`);
    expect(first).toContain("Empty database: loading the seed story.");
    expect(count("Story")).toBe(1);
    const annotations = count("Annotation");
    expect(annotations).toBeGreaterThan(0);

    // A newsroom deletes the seed's notes; the next start must not bring them back.
    server.psql(`DELETE FROM "Annotation"`, "factline_start");
    const second = runWithDatabase(url, "tsx", ["scripts/prepare-db.ts"]);
    expect(second).not.toContain("Empty database");
    expect(second).toContain("No pending migrations to apply.");
    expect(count("Annotation")).toBe(0);
    expect(count("Story")).toBe(1);
  });
});
