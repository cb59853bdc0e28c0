// db:copy between the engines (docs/decisions/021-moving-between-engines.md): the seeded
// newsroom plus a row of every kind, SQLite → PostgreSQL → SQLite, against a throwaway
// PostgreSQL server and files migrated by the real prepare step; rows compared through each
// engine's own Prisma client, not through the copy's checksums.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres } from "@/lib/testing/postgres-server";

// Far from UTC, so a date read or written as local time anywhere shows up as a different value.
process.env.TZ = "Pacific/Chatham";
const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-copy-"));
const sourceFile = path.join(dir, "source.db");
const server = await startPostgres();

function prepare(url: string): void {
  const result = spawnSync(tsx, ["scripts/prepare-db.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  expect(result.status, result.stderr).toBe(0);
}

function runCopy(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, ["scripts/db-copy.ts", ...args], { cwd: root, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

process.env.DATABASE_URL = `file:${sourceFile}`;
const { createPrismaClient } = await import("@/lib/db");
const { CopyError, copyDatabase, readModels } = await import("./copy");
const { searchClaimIdsWith } = await import("@/lib/search");
const { migrateDatabase } = await import("@/scripts/prepare-db");
type Client = ReturnType<typeof createPrismaClient>;

const migrate = async (url: string) => migrateDatabase(url, { quiet: true });
const MODELS = readModels().map((m) => m.name);
const UNIQUE_WORD = "Quokkaventure";
let copiedClaimId: string;

/** Every row of every model through the client, by id in code-point order: the engines' own reading. */
async function everyRow(client: Client): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const model of MODELS) {
    const delegate = (client as unknown as Record<string, { findMany: () => Promise<{ id: string }[]> }>)[model[0]!.toLowerCase() + model.slice(1)]!;
    rows[model] = (await delegate.findMany()).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  return rows;
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = createPrismaClient(url);
  try {
    return await work(client);
  } finally {
    await client.$disconnect();
  }
}

const SEARCH_TRIGGERS_ON = "ClaimSearch_claim_insert O,ClaimSearch_source_insert O";
const searchTriggers = (database: string) =>
  server.psql(`SELECT string_agg(tgname || ' ' || tgenabled::text, ',' ORDER BY tgname) FROM pg_trigger WHERE tgname LIKE 'ClaimSearch\\_%insert'`, database).trim();

async function postgresCounts(url: string): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const counts: Record<string, number> = {};
    for (const model of MODELS) counts[model] = Number((await client.query(`SELECT count(*) AS n FROM "${model}"`)).rows[0].n);
    return counts;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  prepare(`file:${sourceFile}`);
  // A row of every model the seed leaves empty, and values that differ between the engines'
  // storage: booleans, nulls, dates with milliseconds, non-ASCII text, ids that sort by case.
  await withClient(`file:${sourceFile}`, async (db) => {
    const user = await db.user.create({
      data: { id: "Zed-user", name: "Zoë Ämter", email: "zoe@example.org", emailVerified: true, role: "editor", banned: true, banReason: "test", banExpires: new Date("2027-01-02T03:04:05.678Z") },
    });
    await db.session.create({ data: { token: "tok-1", expiresAt: new Date("2027-02-03T04:05:06.789Z"), userId: user.id, ipAddress: "127.0.0.1", userAgent: "vitest" } });
    await db.account.create({ data: { accountId: user.id, providerId: "credential", userId: user.id, password: "scrypt$hash", accessTokenExpiresAt: null } });
    await db.verification.create({ data: { identifier: "reset:zoe", value: "v-1", expiresAt: new Date("2027-03-04T05:06:07.891Z") } });
    const claimant = await db.claimant.findFirstOrThrow();
    const storyRow = await db.story.findFirstOrThrow();
    // A story archived and renamed: its old address is kept, as the desk keeps it.
    await db.story.update({ where: { id: storyRow.id }, data: { archivedAt: new Date("2026-12-02T01:02:03.456Z"), version: 3 } });
    await db.storyOldSlug.create({ data: { slug: "microsoft-ice-surveillance-draft", storyId: storyRow.id, createdAt: new Date("2026-12-01T12:00:00.007Z") } });
    // A duplicate of a claim whose id sorts after its own: rows are copied in key order, so the
    // self-reference can only be set once its original is in.
    const original = await db.claim.findFirstOrThrow({ where: { id: { gt: "a-lower-case-claim" } }, orderBy: { id: "desc" } });
    const claim = await db.claim.create({
      data: {
        id: "a-lower-case-claim",
        duplicateOfId: original.id,
        text: `Das Café said ${UNIQUE_WORD} tripled — “quoted”.`,
        summary: `${UNIQUE_WORD} tripled in a year`,
        claimantId: claimant.id,
        storyId: storyRow.id,
        status: "false",
        publishedAt: new Date("2026-11-30T10:11:12.345Z"),
        claimDate: new Date("2026-01-01T00:00:00.000Z"),
        claimDatePrecision: "month",
        assigneeId: user.id,
      },
    });
    copiedClaimId = claim.id;
    const source = await db.source.findFirstOrThrow();
    await db.claimSource.create({ data: { claimId: claim.id, sourceId: source.id, relation: "appears-in", quote: "Ein Zitat über Überwachung", note: null } });
    await db.sourceCapture.create({
      data: { sourceId: source.id, requestedUrl: "https://example.org/a", finalUrl: "https://example.org/ä", httpStatus: 200, kind: "html", bytes: 1234, sha256: "0".repeat(64), text: "Ein Zitat über Überwachung", fetchedAt: new Date("2026-12-03T04:05:06.007Z"), capturedById: user.id },
    });
    await db.annotation.create({ data: { claimId: claim.id, authorId: user.id, body: "Public note", isPublic: true } });
    await db.annotation.create({ data: { claimId: claim.id, authorId: user.id, body: "Deleted note", deletedAt: new Date("2026-12-01T00:00:00.001Z") } });
    await db.claimEvent.create({ data: { claimId: claim.id, actorId: null, kind: "created", before: null, after: '{"status":"false"}' } });
    await db.correction.create({ data: { claimId: claim.id, previousStatus: "true", newStatus: "false", note: "We erred.", authorId: user.id } });
  });
});

afterAll(() => {
  server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:copy", () => {
  const pgUrl = server.url("factline_copy");
  const backFile = path.join(dir, "back", "factline.db");

  it("copies every row SQLite → PostgreSQL into a database it migrates first, and search finds a copied claim there", async () => {
    const report = await copyDatabase({ from: `file:${sourceFile}`, to: pgUrl, migrate, batchSize: 7 });
    expect(report.tables.map((t) => t.table).sort()).toEqual([...MODELS].sort());
    for (const table of report.tables) expect(table.rows, table.table).toBeGreaterThan(0);

    const source = await withClient(`file:${sourceFile}`, everyRow);
    const copied = await withClient(pgUrl, everyRow);
    for (const model of MODELS) expect(copied[model], model).toEqual(source[model]);

    const found = await withClient(pgUrl, (db) => searchClaimIdsWith(db, "postgresql", UNIQUE_WORD.toLowerCase(), {}, { offset: 0, limit: 10 }));
    expect(found.ids).toEqual([copiedClaimId]);
    const byQuote = await withClient(pgUrl, (db) => searchClaimIdsWith(db, "postgresql", "uberwachung", {}, { offset: 0, limit: 10 }));
    expect(byQuote.ids).toContain(copiedClaimId);
    // The copy pauses the index's insert triggers while it loads; they are on again after it.
    expect(searchTriggers("factline_copy")).toBe(SEARCH_TRIGGERS_ON);
  });

  it("copies it back PostgreSQL → a new SQLite file, equal to the original, with its search index rebuilt", async () => {
    const there = await copyDatabase({ from: pgUrl, to: `file:${backFile}`, migrate });
    const source = await withClient(`file:${sourceFile}`, everyRow);
    const back = await withClient(`file:${backFile}`, everyRow);
    for (const model of MODELS) expect(back[model], model).toEqual(source[model]);
    const found = await withClient(`file:${backFile}`, (db) => searchClaimIdsWith(db, "sqlite", UNIQUE_WORD, {}, { offset: 0, limit: 10 }));
    expect(found.ids).toEqual([copiedClaimId]);
    // The same data hashes alike on both engines.
    const first = await copyDatabase({ from: `file:${backFile}`, to: server.url("factline_copy_again"), migrate });
    expect(first.tables).toEqual(there.tables);
  });

  it("prints a table of rows and checksums, and refuses a non-empty target with exit 1, leaving it untouched", async () => {
    const before = await postgresCounts(pgUrl);
    const refused = runCopy(["--from", `file:${sourceFile}`, "--to", pgUrl]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/already holds data \(\d+ rows in Story\)/);
    expect(await postgresCounts(pgUrl)).toEqual(before);

    const file = path.join(dir, "cli.db");
    const done = runCopy(["--from", pgUrl, "--to", `file:${file}`]);
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toMatch(new RegExp(`^Claim\\s+${before.Claim}\\s+[0-9a-f]{64}$`, "m"));
    expect(done.stdout).toMatch(new RegExp(`^Correction\\s+${before.Correction}\\s+[0-9a-f]{64}$`, "m"));

    const again = runCopy(["--from", pgUrl, "--to", `file:${file}`]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds data/);

    expect(runCopy(["--from", pgUrl]).status).toBe(2);
  });

  it("refuses a target that holds a single row in any model table", async () => {
    const url = server.url("factline_one_verification");
    await migrate(url);
    server.psql(`INSERT INTO "Verification" (id, identifier, value, "expiresAt", "updatedAt") VALUES ('v', 'i', 'x', now(), now())`, "factline_one_verification");
    await expect(copyDatabase({ from: `file:${sourceFile}`, to: url, migrate })).rejects.toThrow(/already holds data \(1 rows in Verification\)/);
    expect((await postgresCounts(url)).Story).toBe(0);
  });

  describe("a failure mid-copy leaves the target empty", () => {
    // A source whose last rows break a foreign key (written with the checks off): every table
    // before Annotation is written before the target refuses it.
    let broken: string;
    beforeAll(() => {
      broken = path.join(dir, "broken.db");
      fs.copyFileSync(sourceFile, broken);
      const db = new Database(broken);
      db.pragma("foreign_keys = OFF");
      db.prepare(`INSERT INTO "Annotation" (id, "claimId", "authorId", body, "isPublic", "createdAt", "updatedAt", version) VALUES ('zz-orphan', 'a-lower-case-claim', 'no-such-user', 'x', 0, '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00', 1)`).run();
      db.close();
    });

    it("on PostgreSQL", async () => {
      const url = server.url("factline_failed");
      const written: string[] = [];
      await expect(copyDatabase({ from: `file:${broken}`, to: url, migrate, afterTable: async (table) => void written.push(table) })).rejects.toThrow(/foreign key/);
      expect(written).toContain("ClaimSource");
      const counts = await postgresCounts(url);
      expect(Object.values(counts).every((n) => n === 0), JSON.stringify(counts)).toBe(true);
      expect(server.psql(`SELECT count(*) FROM "ClaimSearch"`, "factline_failed").trim()).toBe("0");
      expect(searchTriggers("factline_failed")).toBe(SEARCH_TRIGGERS_ON);
    });

    it("on SQLite: an existing empty file stays empty, and a file the copy created is removed", async () => {
      const empty = path.join(dir, "empty.db");
      migrateDatabase(`file:${empty}`, { quiet: true });
      await expect(copyDatabase({ from: `file:${broken}`, to: `file:${empty}`, migrate })).rejects.toThrow(/FOREIGN KEY/);
      const db = new Database(empty, { readonly: true });
      for (const model of MODELS) expect(db.prepare(`SELECT count(*) FROM "${model}"`).pluck().get(), model).toBe(0);
      db.close();

      const fresh = path.join(dir, "fresh.db");
      await expect(copyDatabase({ from: `file:${broken}`, to: `file:${fresh}`, migrate })).rejects.toThrow(/FOREIGN KEY/);
      expect(fs.existsSync(fresh)).toBe(false);
    });
  });

  it("rolls back when a table read back differs from the source", async () => {
    const url = server.url("factline_tampered");
    await migrate(url);
    // Another connection commits a story while the copy's transaction is open: the copy reads
    // it back with its own and must not take it for the source's.
    await expect(
      copyDatabase({
        from: `file:${sourceFile}`,
        to: url,
        migrate,
        afterTable: async (table) => {
          if (table === "Story") server.psql(`INSERT INTO "Story" (id, slug, title, "updatedAt") VALUES ('intruder', 'intruder', 'Intruder', now())`, "factline_tampered");
        },
      }),
    ).rejects.toThrow(CopyError);
    const counts = await postgresCounts(url);
    expect(counts.Story).toBe(1);
    expect(counts.Claim).toBe(0);
  });

  it("refuses a source that is not migrated to this version", async () => {
    const file = path.join(dir, "old.db");
    fs.copyFileSync(sourceFile, file);
    const db = new Database(file);
    db.prepare(`DELETE FROM "_prisma_migrations" WHERE migration_name = (SELECT max(migration_name) FROM "_prisma_migrations")`).run();
    db.close();
    await expect(copyDatabase({ from: `file:${file}`, to: server.url("factline_unused"), migrate })).rejects.toThrow(/lacks migration/);
  });
});
