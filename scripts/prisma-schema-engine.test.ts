// The offline schema-engine bridge (scripts/prisma-schema-engine.mjs) stands in for Prisma's
// native engine, and Prisma calls the WebAssembly engine behind it not yet stable: these tests
// drive the real `prisma` CLI through it, each in its own copy of the project, and check the
// database itself. See docs/decisions/002-offline-schema-engine.md.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { SEARCH_INDEX_TABLES } from "../prisma.config";

const ROOT = path.resolve(import.meta.dirname, "..");
const BRIDGE = path.join(ROOT, "scripts", "prisma-schema-engine.mjs");
const APPEND_ONLY = "claim history is append-only";
const APPEND_ONLY_TRIGGERS = ["ClaimEvent_no_delete", "ClaimEvent_no_update", "Correction_no_delete", "Correction_no_update"];
const SEARCH_MIGRATION = path.join(ROOT, "prisma", "migrations", "20261204150000_fast_first_search", "migration.sql");
/** The block a migration that redefines Claim, Claimant or ClaimSource copies (see that file). */
const SEARCH_INDEX_BLOCK = /-- search index: begin\n[\s\S]*?-- search index: end\n/.exec(fs.readFileSync(SEARCH_MIGRATION, "utf8"))?.[0] ?? "";
const SEARCH_TRIGGERS = [...SEARCH_INDEX_BLOCK.matchAll(/^CREATE TRIGGER "(\w+)"/gm)].map((match) => match[1]!);
const TRIGGERS = [...APPEND_ONLY_TRIGGERS, ...SEARCH_TRIGGERS].sort();

const committedMigrations = fs
  .readdirSync(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const modelNames = [
  ...fs.readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8").matchAll(/^model (\w+)/gm),
].map((match) => match[1]);

type Project = {
  dir: string;
  dbFile: string;
  prisma: (...args: string[]) => { status: number | null; output: string };
  open: () => Database.Database;
};

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A copy of the project's Prisma files in a temp directory, with its own database file. */
function makeProject(): Project {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-schema-engine-"));
  projects.push(dir);
  fs.cpSync(path.join(ROOT, "prisma", "schema.prisma"), path.join(dir, "prisma", "schema.prisma"));
  fs.cpSync(path.join(ROOT, "prisma", "migrations"), path.join(dir, "prisma", "migrations"), {
    recursive: true,
  });
  fs.cpSync(path.join(ROOT, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  fs.cpSync(path.join(ROOT, "lib", "database-url.ts"), path.join(dir, "lib", "database-url.ts"));
  // prisma.config.ts imports "prisma/config", and npx finds the CLI here.
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const dbFile = path.join(dir, "data", "test.db");

  return {
    dir,
    dbFile,
    prisma: (...args) => {
      const result = spawnSync("npx", ["prisma", ...args], {
        cwd: dir,
        encoding: "utf8",
        timeout: 100_000,
        env: {
          ...process.env,
          DATABASE_URL: `file:${dbFile}`,
          PRISMA_SCHEMA_ENGINE_BINARY: BRIDGE,
          NO_COLOR: "1",
          CHECKPOINT_DISABLE: "1",
          PRISMA_HIDE_UPDATE_MESSAGE: "1",
        },
      });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    },
    open: () => new Database(dbFile),
  };
}

function deploy(project: Project) {
  const result = project.prisma("migrate", "deploy");
  expect(result.output).toContain("All migrations have been successfully applied");
  expect(result.status).toBe(0);
}

function objectNames(db: Database.Database, type: "table" | "view" | "trigger"): string[] {
  return db
    .prepare<[string], { name: string }>("SELECT name FROM sqlite_master WHERE type = ? ORDER BY name")
    .all(type)
    .map((row) => row.name);
}

/** Tables as SQLite itself reports them: ordinary, or virtual and shadow (the FTS5 index). */
function tablesOfType(db: Database.Database, types: string[]): string[] {
  return db
    .prepare<[], { name: string; type: string }>(
      "SELECT name, type FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all()
    .filter((row) => types.includes(row.type))
    .map((row) => row.name);
}

/** Claim ids whose search document matches an FTS5 query (what lib/search/sqlite.ts builds on). */
function searchIndex(db: Database.Database, match: string): string[] {
  return db
    .prepare<[string], { id: string }>(
      `SELECT c.id FROM "ClaimSearch" s JOIN "Claim" c ON c.rowid = s.rowid WHERE "ClaimSearch" MATCH ? ORDER BY c.id`,
    )
    .all(match)
    .map((row) => row.id);
}

function appliedMigrations(db: Database.Database): string[] {
  return db
    .prepare<[], { migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name",
    )
    .all()
    .map((row) => row.migration_name);
}

/** A story, a claimant, a claim and one event in its history. */
function insertClaimWithEvent(db: Database.Database) {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO "Story" (id, slug, title, "updatedAt") VALUES ('story-1', 'ice-raids', 'ICE raids', ?)`,
  ).run(now);
  db.prepare(
    `INSERT INTO "Claimant" (id, name, kind, "updatedAt") VALUES ('claimant-1', 'A. Speaker', 'person', ?)`,
  ).run(now);
  db.prepare(
    `INSERT INTO "Claim" (id, text, summary, "claimantId", "storyId", "updatedAt")
     VALUES ('claim-1', 'Crime fell by half.', 'Crime fell by half', 'claimant-1', 'story-1', ?)`,
  ).run(now);
  db.prepare(
    `INSERT INTO "ClaimEvent" (id, "claimId", kind, after) VALUES ('event-1', 'claim-1', 'created', '{}')`,
  ).run();
}

describe("prisma CLI through the offline schema engine", () => {
  it("migrates a fresh database with `migrate deploy`", () => {
    const project = makeProject();
    expect(fs.existsSync(project.dbFile)).toBe(false);

    const result = project.prisma("migrate", "deploy");

    expect(result.status).toBe(0);
    for (const name of committedMigrations) expect(result.output).toContain(name);
    const db = project.open();
    expect(tablesOfType(db, ["table"])).toEqual([...modelNames, "_prisma_migrations"].sort());
    // The search index: exactly the tables prisma.config.ts tells Migrate to leave alone.
    expect(tablesOfType(db, ["virtual", "shadow"])).toEqual([...SEARCH_INDEX_TABLES].sort());
    expect(objectNames(db, "trigger")).toEqual(TRIGGERS);
    expect(appliedMigrations(db)).toEqual(committedMigrations);
    // The triggers index what is written from now on.
    insertClaimWithEvent(db);
    expect(searchIndex(db, '"crime"*')).toEqual(["claim-1"]);
    expect(searchIndex(db, '{claimant} : "speaker"')).toEqual(["claim-1"]);
    db.close();
  });

  it("reports pending migrations on an empty database, then up to date after deploy", () => {
    const project = makeProject();
    // An existing but empty file: the engine finds no _prisma_migrations table.
    fs.mkdirSync(path.dirname(project.dbFile), { recursive: true });
    new Database(project.dbFile).close();

    const before = project.prisma("migrate", "status");
    expect(before.status).toBe(1);
    expect(before.output).toContain("have not yet been applied");
    for (const name of committedMigrations) expect(before.output).toContain(name);

    deploy(project);
    const after = project.prisma("migrate", "status");
    expect(after.output).toContain("Database schema is up to date!");
    expect(after.status).toBe(0);
  });

  it("finds no drift between the committed migrations and schema.prisma", () => {
    const project = makeProject();
    const diff = (schema: string) =>
      project.prisma(
        "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", schema, "--exit-code",
      );

    const committed = diff("prisma/schema.prisma");
    expect(committed.output).toContain("No difference detected");
    expect(committed.status).toBe(0);
    // The diff needs no database, and must not leave an empty one behind.
    expect(fs.existsSync(project.dbFile)).toBe(false);

    // Control: the same command does see a model the migrations lack.
    const changed = path.join(project.dir, "prisma", "changed.prisma");
    fs.writeFileSync(
      changed,
      `${fs.readFileSync(path.join(project.dir, "prisma", "schema.prisma"), "utf8")}\nmodel Extra {\n  id String @id\n}\n`,
    );
    const drifted = diff("prisma/changed.prisma");
    expect(drifted.output).toContain("Extra");
    expect(drifted.status).toBe(2);
  });

  it("sees the search index as tables to drop unless prisma.config.ts lists them as external", () => {
    // The finding behind that list: the engine reads the FTS5 table and its shadow tables as
    // ordinary tables the schema lacks, and every diff would plan to drop them.
    const project = makeProject();
    const configFile = path.join(project.dir, "prisma.config.ts");
    const config = fs.readFileSync(configFile, "utf8");
    const withoutList = config.replace(/^\s*tables: \{ external: .*\},\n/m, "");
    expect(withoutList).not.toBe(config);
    fs.writeFileSync(configFile, withoutList);

    const result = project.prisma(
      "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code",
    );

    expect(result.status).toBe(2);
    for (const table of SEARCH_INDEX_TABLES) expect(result.output).toContain(table);
  });

  it("reports no drift and creates no migration on `migrate dev` over a migrated database", () => {
    const project = makeProject();
    deploy(project);
    let db = project.open();
    insertClaimWithEvent(db);
    db.close();

    const result = project.prisma("migrate", "dev", "--name", "nothing_changed");

    expect(result.output).toContain("Already in sync");
    expect(result.output).not.toMatch(/drift/i);
    expect(result.status).toBe(0);
    expect(fs.readdirSync(path.join(project.dir, "prisma", "migrations")).filter((name) => name.endsWith("_nothing_changed"))).toEqual([]);
    db = project.open();
    expect(appliedMigrations(db)).toEqual(committedMigrations);
    expect(searchIndex(db, '"crime"*')).toEqual(["claim-1"]);
    db.close();
    const status = project.prisma("migrate", "status");
    expect(status.output).toContain("Database schema is up to date!");
  });

  it("applies a new migration to a database that holds rows, keeping them", () => {
    const project = makeProject();
    deploy(project);
    let db = project.open();
    insertClaimWithEvent(db);
    db.close();
    const schemaFile = path.join(project.dir, "prisma", "schema.prisma");
    const schema = fs.readFileSync(schemaFile, "utf8");
    const withColumn = schema.replace(/(model Story \{\n)/, "$1  x         String?\n");
    expect(withColumn).not.toBe(schema);
    fs.writeFileSync(schemaFile, withColumn);

    const result = project.prisma("migrate", "dev", "--name", "add_x");

    expect(result.status).toBe(0);
    const created = fs
      .readdirSync(path.join(project.dir, "prisma", "migrations"))
      .filter((name) => name.endsWith("_add_x"));
    expect(created).toHaveLength(1);
    db = project.open();
    expect(appliedMigrations(db)).toEqual([...committedMigrations, created[0]]);
    expect(db.prepare(`SELECT id, slug, x FROM "Story"`).all()).toEqual([
      { id: "story-1", slug: "ice-raids", x: null },
    ]);
    expect(db.prepare(`SELECT id FROM "ClaimEvent"`).all()).toEqual([{ id: "event-1" }]);
    db.close();
  });

  it("applies pending migrations, then creates and applies a new one, in one `migrate dev` on a fresh database", () => {
    // After applying, the engine could no longer replay into a shadow database ("SQLite shadow DB
    // must be provided through an external factory"): the bridge's fix (P4) covers SQLite too.
    const project = makeProject();
    const schemaFile = path.join(project.dir, "prisma", "schema.prisma");
    const schema = fs.readFileSync(schemaFile, "utf8");
    const withColumn = schema.replace(/(  deletedAt DateTime\?\n)/, "$1  pinned    Boolean  @default(false)\n");
    expect(withColumn).not.toBe(schema);
    fs.writeFileSync(schemaFile, withColumn);

    const result = project.prisma("migrate", "dev", "--name", "annotation_pinned");

    expect(result.output).not.toContain("shadow DB must be provided");
    expect(result.status).toBe(0);
    const created = fs.readdirSync(path.join(project.dir, "prisma", "migrations")).filter((name) => name.endsWith("_annotation_pinned"));
    expect(created).toHaveLength(1);
    const db = project.open();
    expect(appliedMigrations(db)).toEqual([...committedMigrations, created[0]]);
    expect(db.prepare(`SELECT name FROM pragma_table_info('Annotation') WHERE name = 'pinned'`).all()).toEqual([{ name: "pinned" }]);
    db.close();
  });

  it("upgrades a database from the first migration to the latest without losing linked rows", () => {
    // Migrations that redefine a table (SQLite's way to alter it) drop the old table: with
    // foreign keys on, that would cascade into links and notes. Every later migration must
    // keep what the first one's tables held.
    const project = makeProject();
    const migrationsDir = path.join(project.dir, "prisma", "migrations");
    const later = committedMigrations.slice(1);
    const parked = path.join(project.dir, "parked");
    fs.mkdirSync(parked);
    for (const name of later) fs.renameSync(path.join(migrationsDir, name), path.join(parked, name));
    deploy(project);
    let db = project.open();
    insertClaimWithEvent(db);
    const now = new Date().toISOString();
    db.prepare(`INSERT INTO "Source" (id, title, kind, "updatedAt") VALUES ('source-1', 'A report', 'news-report', ?)`).run(now);
    db.prepare(
      `INSERT INTO "ClaimSource" (id, "claimId", "sourceId", relation, quote, "updatedAt") VALUES ('link-1', 'claim-1', 'source-1', 'appears-in', 'fell by half', ?)`,
    ).run(now);
    db.prepare(`INSERT INTO "User" (id, name, email, "updatedAt") VALUES ('user-1', 'Desk', 'desk@example.org', ?)`).run(now);
    db.prepare(`INSERT INTO "Annotation" (id, "claimId", "authorId", body, "updatedAt") VALUES ('note-1', 'claim-1', 'user-1', 'Check it', ?)`).run(now);
    db.close();

    for (const name of later) fs.renameSync(path.join(parked, name), path.join(migrationsDir, name));
    deploy(project);

    db = project.open();
    expect(appliedMigrations(db)).toEqual(committedMigrations);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
    for (const table of ["Story", "Claimant", "Claim", "Source", "ClaimSource", "User", "Annotation", "ClaimEvent"]) {
      expect(count(table), table).toBe(1);
    }
    expect(db.prepare(`SELECT quote FROM "ClaimSource"`).get()).toEqual({ quote: "fell by half" });
    expect(db.pragma("foreign_key_check")).toEqual([]);
    expect(objectNames(db, "trigger")).toEqual(TRIGGERS);
    // The search migration indexed the rows that were there: summary, claimant and quote.
    expect(searchIndex(db, '{summary} : "half"')).toEqual(["claim-1"]);
    expect(searchIndex(db, '{claimant} : "speaker"')).toEqual(["claim-1"]);
    expect(searchIndex(db, '{quotes} : "fell"')).toEqual(["claim-1"]);
    db.close();
  });

  it("keeps the search index through a migration that redefines Claimant, following the recipe", () => {
    // Prisma redefines a SQLite table to change a column (CREATE "new_Claimant", copy, DROP,
    // RENAME). The search triggers name Claimant, so SQLite refuses that RENAME as generated;
    // prisma/migrations/20261204150000_fast_first_search says what such a migration must add.
    const project = makeProject();
    deploy(project);
    let db = project.open();
    insertClaimWithEvent(db);
    db.close();
    const schemaFile = path.join(project.dir, "prisma", "schema.prisma");
    const schema = fs.readFileSync(schemaFile, "utf8");
    const withDefault = schema.replace(/(model Claimant \{[\s\S]*?kind +String)\n/, '$1 @default("person")\n');
    expect(withDefault).not.toBe(schema);
    fs.writeFileSync(schemaFile, withDefault);

    const created = project.prisma("migrate", "dev", "--name", "claimant_kind_default", "--create-only");
    expect(created.status).toBe(0);
    const [folder] = fs.readdirSync(path.join(project.dir, "prisma", "migrations")).filter((name) => name.endsWith("_claimant_kind_default"));
    const migrationFile = path.join(project.dir, "prisma", "migrations", folder!, "migration.sql");
    const generated = fs.readFileSync(migrationFile, "utf8");
    expect(generated).toContain('ALTER TABLE "new_Claimant" RENAME TO "Claimant"');

    // As generated, it fails (on a copy of the database, since SQLite stops half-way).
    const copy = path.join(project.dir, "data", "copy.db");
    fs.copyFileSync(project.dbFile, copy);
    const copyDb = new Database(copy);
    expect(() => copyDb.exec(generated)).toThrow(/error in trigger ClaimSearch_\w+: no such table: main\.Claimant/);
    copyDb.close();

    // The recipe: drop the seven triggers first, then end with the block that makes them again.
    const dropTriggers = SEARCH_TRIGGERS.map((name) => `DROP TRIGGER "${name}";`).join("\n");
    fs.writeFileSync(migrationFile, `${dropTriggers}\n${generated}\n${SEARCH_INDEX_BLOCK}`);
    deploy(project);

    db = project.open();
    expect(objectNames(db, "trigger")).toEqual(TRIGGERS);
    expect(searchIndex(db, '{claimant} : "speaker"')).toEqual(["claim-1"]);
    db.prepare(`UPDATE "Claimant" SET name = 'B. Orator' WHERE id = 'claimant-1'`).run();
    expect(searchIndex(db, '"speaker"')).toEqual([]);
    expect(searchIndex(db, '"orator"')).toEqual(["claim-1"]);
    db.close();
    const diff = project.prisma(
      "migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code",
    );
    expect(diff.output).toContain("No difference detected");
  });

  it("fails `migrate deploy` with P3018 naming a migration whose SQL is broken", () => {
    const project = makeProject();
    const broken = "20990101000000_broken";
    fs.mkdirSync(path.join(project.dir, "prisma", "migrations", broken));
    fs.writeFileSync(
      path.join(project.dir, "prisma", "migrations", broken, "migration.sql"),
      `ALTER TABLE "NoSuchTable" ADD COLUMN "y" TEXT;\n`,
    );

    const result = project.prisma("migrate", "deploy");

    expect(result.status).not.toBe(0);
    expect(result.output).toContain("P3018");
    expect(result.output).toContain(`Migration name: ${broken}`);
    expect(result.output).toContain("no such table: NoSuchTable");
    const db = project.open();
    expect(appliedMigrations(db)).toEqual(committedMigrations);
    expect(
      db.prepare(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL`).all(),
    ).toEqual([{ migration_name: broken }]);
    db.close();
  });

  it("drops everything and re-applies the migrations on `migrate reset --force`", () => {
    const project = makeProject();
    deploy(project);
    let db = project.open();
    insertClaimWithEvent(db);
    // Objects no migration knows, including an AUTOINCREMENT table (creates sqlite_sequence).
    db.exec(`
      CREATE TABLE "Scratch" (id INTEGER PRIMARY KEY AUTOINCREMENT, note TEXT);
      INSERT INTO "Scratch" (note) VALUES ('left over');
      CREATE VIEW "StoryTitles" AS SELECT title FROM "Story";
    `);
    expect(objectNames(db, "table")).toContain("sqlite_sequence");
    db.close();

    const result = project.prisma("migrate", "reset", "--force");

    expect(result.output).toContain("Database reset successful");
    expect(result.status).toBe(0);
    db = project.open();
    expect(tablesOfType(db, ["table"])).toEqual([...modelNames, "_prisma_migrations"].sort());
    expect(tablesOfType(db, ["virtual", "shadow"])).toEqual([...SEARCH_INDEX_TABLES].sort());
    expect(objectNames(db, "view")).toEqual([]);
    expect(db.prepare(`SELECT count(*) AS n FROM "Story"`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM "ClaimEvent"`).get()).toEqual({ n: 0 });
    expect(
      db.prepare(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name`).all(),
    ).toEqual(committedMigrations.map((migration_name) => ({ migration_name })));
    expect(objectNames(db, "trigger")).toEqual(TRIGGERS);
    expect(searchIndex(db, '"crime"*')).toEqual([]);
    db.close();
  });

  it("keeps claim history append-only: ClaimEvent refuses UPDATE and DELETE", () => {
    const project = makeProject();
    deploy(project);
    const db = project.open();
    insertClaimWithEvent(db);

    const refusal = (sql: string) => {
      try {
        db.prepare(sql).run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    for (const sql of [
      `UPDATE "ClaimEvent" SET reason = 'rewritten' WHERE id = 'event-1'`,
      `DELETE FROM "ClaimEvent" WHERE id = 'event-1'`,
    ]) {
      expect(refusal(sql)).toMatchObject({
        code: "SQLITE_CONSTRAINT_TRIGGER",
        message: APPEND_ONLY,
      });
    }

    expect(db.prepare(`SELECT id, reason FROM "ClaimEvent"`).all()).toEqual([
      { id: "event-1", reason: null },
    ]);
    // Appending is still allowed.
    db.prepare(
      `INSERT INTO "ClaimEvent" (id, "claimId", kind) VALUES ('event-2', 'claim-1', 'status-changed')`,
    ).run();
    expect(db.prepare(`SELECT count(*) AS n FROM "ClaimEvent"`).get()).toEqual({ n: 2 });
    db.close();
  });

  it("keeps corrections append-only: Correction refuses UPDATE and DELETE", () => {
    const project = makeProject();
    deploy(project);
    const db = project.open();
    insertClaimWithEvent(db);
    db.prepare(
      `INSERT INTO "Correction" (id, "claimId", "previousStatus", "newStatus", note) VALUES ('correction-1', 'claim-1', 'accurate', 'false', 'We were wrong.')`,
    ).run();
    for (const sql of [
      `UPDATE "Correction" SET note = 'rewritten' WHERE id = 'correction-1'`,
      `DELETE FROM "Correction" WHERE id = 'correction-1'`,
    ]) {
      expect(() => db.prepare(sql).run()).toThrow("corrections are append-only");
    }
    expect(db.prepare(`SELECT id, note FROM "Correction"`).all()).toEqual([{ id: "correction-1", note: "We were wrong." }]);
    db.close();
  });
});
