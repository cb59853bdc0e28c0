// The seed on PostgreSQL: `prisma migrate deploy`, then the seed script itself (prisma/seed.ts,
// whose client lib/db picks by DATABASE_URL's scheme), against a throwaway server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedPostgresDatabase, runWithDatabase, startPostgres, type PostgresServer } from "../lib/testing/postgres-server";
import { annotations as seedAnnotations, claims as seedClaims } from "./seed-data/microsoft-ice";

let server: PostgresServer;
let url: string;
const count = (table: string) => Number(server.psql(`SELECT count(*) FROM "${table}"`, "factline_seed").trim());

beforeAll(async () => {
  server = await startPostgres();
  url = createMigratedPostgresDatabase(server, "factline_seed");
});
afterAll(() => server?.stop());

describe("the seed on PostgreSQL", () => {
  it("loads the story into a migrated database once, and adds nothing the second time", () => {
    expect(count("Claim")).toBe(0);

    const first = runWithDatabase(url, "tsx", ["prisma/seed.ts"]);

    expect(first).toMatch(/Seed: created \d+ rows\./);
    expect(count("Story")).toBe(1);
    expect(count("Claim")).toBe(seedClaims.length);
    expect(count("Annotation")).toBe(seedAnnotations.length);
    expect(count("ClaimEvent")).toBeGreaterThanOrEqual(seedClaims.length);
    // The search index's triggers made one document per claim as the seed wrote them.
    expect(count("ClaimSearch")).toBe(seedClaims.length);

    const second = runWithDatabase(url, "tsx", ["prisma/seed.ts"]);
    expect(second).toContain("Seed: nothing to add.");
    expect(count("Claim")).toBe(seedClaims.length);
  });
});
