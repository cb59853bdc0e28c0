// The offline schema-engine bridge on PostgreSQL (docs/decisions/018-postgresql.md): the real
// `prisma` CLI against a throwaway PostgreSQL server from Debian's packages, each case in its
// own copy of the project and its own database. Above all: the shadow database that
// `migrate dev` replays the migrations into is never the main one (scale-out note, fault P2).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type PostgresServer } from "../lib/testing/postgres-server";

const ROOT = path.resolve(import.meta.dirname, "..");
const BRIDGE = path.join(ROOT, "scripts", "prisma-schema-engine.mjs");
const MIGRATIONS = path.join(ROOT, "prisma", "postgres", "migrations");
const committedMigrations = fs
  .readdirSync(MIGRATIONS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const modelNames = [...fs.readFileSync(path.join(ROOT, "prisma", "schema.prisma"), "utf8").matchAll(/^model (\w+)/gm)].map((m) => m[1]!);
const APPEND_ONLY_TRIGGERS = ["ClaimEvent_no_delete", "ClaimEvent_no_update", "Correction_no_delete", "Correction_no_update"];

let server: PostgresServer;
beforeAll(async () => {
  server = await startPostgres({ logStatements: true });
});
afterAll(() => server?.stop());

const projects: string[] = [];
afterEach(() => {
  for (const dir of projects.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

let databases = 0;
function makeProject() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-schema-engine-pg-"));
  projects.push(dir);
  fs.cpSync(path.join(ROOT, "prisma", "schema.prisma"), path.join(dir, "prisma", "schema.prisma"));
  fs.cpSync(path.join(ROOT, "prisma", "postgres"), path.join(dir, "prisma", "postgres"), { recursive: true });
  fs.cpSync(path.join(ROOT, "prisma.config.ts"), path.join(dir, "prisma.config.ts"));
  fs.cpSync(path.join(ROOT, "lib", "database-url.ts"), path.join(dir, "lib", "database-url.ts"));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
  const database = `factline_${process.pid}_${++databases}`;
  const url = server.url(database);
  return {
    dir,
    database,
    url,
    schemaFile: path.join(dir, "prisma", "postgres", "schema.prisma"),
    migrationsDir: path.join(dir, "prisma", "postgres", "migrations"),
    prisma: (...args: string[]) => {
      const result = spawnSync("npx", ["prisma", ...args], {
        cwd: dir,
        encoding: "utf8",
        timeout: 100_000,
        env: { ...process.env, DATABASE_URL: url, PRISMA_SCHEMA_ENGINE_BINARY: BRIDGE, NO_COLOR: "1", CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      });
      return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
    },
    sql: (sql: string) => server.psql(sql, database).trim(),
  };
}
type Project = ReturnType<typeof makeProject>;

function deploy(project: Project) {
  const result = project.prisma("migrate", "deploy");
  expect(result.output).toContain("All migrations have been successfully applied");
  expect(result.status).toBe(0);
}

const lines = (text: string) => text.split("\n").filter(Boolean);
const tables = (project: Project) => lines(project.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename COLLATE \"C\""));
const triggers = (project: Project) => lines(project.sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname COLLATE \"C\""));
const applied = (project: Project) =>
  lines(project.sql("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name"));

function insertClaimWithEvent(project: Project) {
  project.sql(`
    INSERT INTO "Story" (id, slug, title, "updatedAt") VALUES ('story-1', 'ice-raids', 'ICE raids', now());
    INSERT INTO "Claimant" (id, name, kind, "updatedAt") VALUES ('claimant-1', 'A. Speaker', 'person', now());
    INSERT INTO "Claim" (id, text, summary, "claimantId", "storyId", "updatedAt")
      VALUES ('claim-1', 'Crime fell by half.', 'Crime fell by half', 'claimant-1', 'story-1', now());
    INSERT INTO "ClaimEvent" (id, "claimId", kind, after) VALUES ('event-1', 'claim-1', 'created', '{}');`);
}

/** Claim ids whose search document matches a tsquery (what lib/search/postgres.ts builds on). */
const search = (project: Project, query: string) =>
  lines(project.sql(`SELECT "claimId" FROM "ClaimSearch" WHERE "document" @@ to_tsquery('simple', '${query}') ORDER BY 1`));

/** The databases of the statements the server logged since `since` (a length of its log) that
 * match `pattern` (log_line_prefix 'db=%d '; a whole migration script is one entry). */
const loggedIn = (pattern: RegExp, since: number) =>
  server
    .log()
    .slice(since)
    .split(/\n(?=db=)/)
    .filter((entry) => pattern.test(entry))
    .map((entry) => /^db=(\S*) /.exec(entry)?.[1] ?? "");

describe("prisma CLI through the offline schema engine, on PostgreSQL", () => {
  it("creates a missing database and migrates it with `migrate deploy`", () => {
    const project = makeProject();
    expect(server.databases()).not.toContain(project.database);

    deploy(project);

    expect(server.databases()).toContain(project.database);
    expect(tables(project)).toEqual([...modelNames, "ClaimSearch", "_prisma_migrations"].sort());
    expect(applied(project)).toEqual(committedMigrations);
    expect(triggers(project)).toEqual(expect.arrayContaining(APPEND_ONLY_TRIGGERS));
    insertClaimWithEvent(project);
    expect(search(project, "crim:*")).toEqual(["claim-1"]);
    expect(search(project, "speaker:B")).toEqual(["claim-1"]);
    expect(search(project, "speaker:A")).toEqual([]);
  });

  it("reports pending migrations, then up to date after deploy", () => {
    const project = makeProject();
    server.psql(`CREATE DATABASE ${project.database}`);
    const before = project.prisma("migrate", "status");
    expect(before.status).toBe(1);
    for (const name of committedMigrations) expect(before.output).toContain(name);
    deploy(project);
    const after = project.prisma("migrate", "status");
    expect(after.output).toContain("Database schema is up to date!");
    expect(after.status).toBe(0);
  });

  it("finds no drift between the migrations and the schema, but does see a model they lack", () => {
    const project = makeProject();
    deploy(project);
    const diff = (schema: string) =>
      project.prisma("migrate", "diff", "--from-migrations", "prisma/postgres/migrations", "--to-schema", schema, "--exit-code");
    const committed = diff("prisma/postgres/schema.prisma");
    expect(committed.output).toContain("No difference detected");
    expect(committed.status).toBe(0);

    const changed = path.join(project.dir, "prisma", "postgres", "changed.prisma");
    fs.writeFileSync(changed, `${fs.readFileSync(project.schemaFile, "utf8")}\nmodel Extra {\n  id String @id\n}\n`);
    const drifted = diff("prisma/postgres/changed.prisma");
    expect(drifted.output).toContain("Extra");
    expect(drifted.status).toBe(2);
  });

  it("sees the search index as a table to drop unless prisma.config.ts lists it as external", () => {
    const project = makeProject();
    const configFile = path.join(project.dir, "prisma.config.ts");
    const config = fs.readFileSync(configFile, "utf8");
    const withoutList = config.replace(/^\s*tables: \{ external: .*\},\n/m, "");
    expect(withoutList).not.toBe(config);
    fs.writeFileSync(configFile, withoutList);
    deploy(project);
    const result = project.prisma("migrate", "diff", "--from-migrations", "prisma/postgres/migrations", "--to-schema", "prisma/postgres/schema.prisma", "--exit-code");
    expect(result.output).toContain("ClaimSearch");
    expect(result.status).toBe(2);
  });

  it("`migrate dev` replays the migrations into a shadow database of its own, never the main one, and drops it", () => {
    const project = makeProject();
    deploy(project);
    insertClaimWithEvent(project);
    const databasesBefore = server.databases();
    const schema = fs.readFileSync(project.schemaFile, "utf8");
    const withColumn = schema.replace(/(model Story \{\n)/, "$1  x         String?\n");
    expect(withColumn).not.toBe(schema);
    fs.writeFileSync(project.schemaFile, withColumn);
    const logStart = server.log().length;

    const result = project.prisma("migrate", "dev", "--name", "add_x");

    expect(result.status).toBe(0);
    const created = fs.readdirSync(project.migrationsDir).filter((name) => name.endsWith("_add_x"));
    expect(created).toHaveLength(1);
    expect(fs.readFileSync(path.join(project.migrationsDir, created[0]!, "migration.sql"), "utf8")).toContain('ALTER TABLE "Story" ADD COLUMN     "x" TEXT');
    expect(applied(project)).toEqual([...committedMigrations, created[0]]);
    expect(project.sql(`SELECT id || '|' || coalesce(x, 'null') FROM "Story"`)).toBe("story-1|null");
    expect(project.sql(`SELECT count(*) FROM "ClaimEvent"`)).toBe("1");
    // The server's log during `migrate dev`: the migrations' tables were created in shadow
    // databases (one each time the CLI replays them), never in the main one, which got only
    // the new column.
    const replays = loggedIn(/CREATE TABLE "Story"/, logStart);
    const shadows = replays.filter((db) => db !== project.database);
    expect(shadows.length).toBeGreaterThan(0);
    for (const db of shadows) expect(db).toMatch(/^prisma_migrate_shadow_db_[0-9a-f-]{36}$/);
    expect(replays.filter((db) => db === project.database)).toEqual([]);
    expect(loggedIn(/ALTER TABLE "Story" ADD COLUMN/, logStart).filter((db) => db === project.database)).toHaveLength(1);
    // Every shadow database is dropped afterwards.
    expect(server.databases()).toEqual(databasesBefore);
  });

  it("`migrate dev` on a new database with a model change applies the pending migrations, then creates and applies the new one", () => {
    const project = makeProject();
    const schema = fs.readFileSync(project.schemaFile, "utf8");
    const withColumn = schema.replace(/(  deletedAt DateTime\?\n)/, "$1  pinned    Boolean  @default(false)\n");
    expect(withColumn).not.toBe(schema);
    fs.writeFileSync(project.schemaFile, withColumn);
    const result = project.prisma("migrate", "dev", "--name", "annotation_pinned");
    expect(result.output).not.toContain("shadow DB must be provided");
    expect(result.status).toBe(0);
    const created = fs.readdirSync(project.migrationsDir).filter((name) => name.endsWith("_annotation_pinned"));
    expect(created).toHaveLength(1);
    expect(applied(project)).toEqual([...committedMigrations, created[0]]);
    expect(project.sql(`SELECT column_name FROM information_schema.columns WHERE table_name = 'Annotation' AND column_name = 'pinned'`)).toBe("pinned");
  });

  it("`migrate dev` on a database with pending migrations applies them and finds nothing to create", () => {
    const project = makeProject();
    const result = project.prisma("migrate", "dev", "--name", "nothing_changed");
    expect(result.output).toContain("Your database is now in sync with your schema.");
    expect(result.status).toBe(0);
    expect(applied(project)).toEqual(committedMigrations);
    // Then, with nothing pending, the same command has nothing to do.
    const again = project.prisma("migrate", "dev", "--name", "nothing_changed");
    expect(again.output).toContain("Already in sync");
    expect(again.status).toBe(0);
    expect(fs.readdirSync(project.migrationsDir).filter((name) => name.endsWith("_nothing_changed"))).toEqual([]);
  });

  it("refuses a shadow database that is the main one", async () => {
    const project = makeProject();
    deploy(project);
    insertClaimWithEvent(project);
    // The CLI would pass a configured shadowDatabaseUrl like this; here it names the main one.
    const reply = await callBridge(
      ["--datamodels", project.schemaFile, "--datasource", JSON.stringify({ url: project.url, shadowDatabaseUrl: project.url })],
      "devDiagnostic",
      { migrationsList: migrationsList(project.migrationsDir), filters: { externalTables: ["public.ClaimSearch"], externalEnums: [] } },
    );
    expect(JSON.stringify(reply.error)).toContain("Refusing to use database");
    expect(project.sql(`SELECT count(*) FROM "ClaimEvent"`)).toBe("1");
    expect(applied(project)).toEqual(committedMigrations);
  });

  it("drops everything and re-applies the migrations on `migrate reset --force`", () => {
    const project = makeProject();
    deploy(project);
    insertClaimWithEvent(project);
    project.sql(`CREATE TABLE "Scratch" (id serial PRIMARY KEY)`);
    const result = project.prisma("migrate", "reset", "--force");
    expect(result.output).toContain("Database reset successful");
    expect(result.status).toBe(0);
    expect(tables(project)).toEqual([...modelNames, "ClaimSearch", "_prisma_migrations"].sort());
    expect(project.sql(`SELECT count(*) FROM "ClaimEvent"`)).toBe("0");
    expect(applied(project)).toEqual(committedMigrations);
    expect(triggers(project)).toEqual(expect.arrayContaining(APPEND_ONLY_TRIGGERS));
  });

  it("fails `migrate deploy` with P3018 naming a migration whose SQL is broken", () => {
    const project = makeProject();
    const broken = "20991231000000_broken";
    fs.mkdirSync(path.join(project.migrationsDir, broken));
    fs.writeFileSync(path.join(project.migrationsDir, broken, "migration.sql"), `ALTER TABLE "NoSuchTable" ADD COLUMN "y" TEXT;\n`);
    const result = project.prisma("migrate", "deploy");
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("P3018");
    expect(result.output).toContain(`Migration name: ${broken}`);
    expect(result.output).toContain('relation "NoSuchTable" does not exist');
    expect(applied(project)).toEqual(committedMigrations);
  });

  it("keeps claim history and corrections append-only: the triggers refuse UPDATE and DELETE", () => {
    const project = makeProject();
    deploy(project);
    insertClaimWithEvent(project);
    project.sql(`INSERT INTO "Correction" (id, "claimId", "previousStatus", "newStatus", note) VALUES ('correction-1', 'claim-1', 'accurate', 'false', 'We were wrong.')`);
    for (const [sql, message] of [
      [`UPDATE "ClaimEvent" SET reason = 'rewritten'`, "claim history is append-only"],
      [`DELETE FROM "ClaimEvent"`, "claim history is append-only"],
      [`UPDATE "Correction" SET note = 'rewritten'`, "corrections are append-only"],
      [`DELETE FROM "Correction"`, "corrections are append-only"],
    ] as const) {
      expect(() => project.sql(sql), sql).toThrow(message);
    }
    expect(project.sql(`SELECT count(*) FROM "ClaimEvent"`)).toBe("1");
    expect(project.sql(`SELECT note FROM "Correction"`)).toBe("We were wrong.");
    project.sql(`INSERT INTO "ClaimEvent" (id, "claimId", kind) VALUES ('event-2', 'claim-1', 'status-changed')`);
    expect(project.sql(`SELECT count(*) FROM "ClaimEvent"`)).toBe("2");
  });
});

function migrationsList(dir: string) {
  const names = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: fs.readFileSync(path.join(dir, "migration_lock.toml"), "utf8") },
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") } },
    })),
    shadowDbInitScript: "",
  };
}

/** One JSON-RPC request to the bridge, as the CLI sends it; resolves with the reply. */
function callBridge(args: string[], method: string, params: unknown): Promise<{ result?: unknown; error?: unknown }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BRIDGE, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n").find((l) => l.includes('"id":1'));
      if (line) {
        child.stdin.end();
        resolve(JSON.parse(line));
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (!out.includes('"id":1')) reject(new Error(`bridge exited with ${code} before answering`));
    });
    child.stdin.write(`${JSON.stringify({ jsonrpc: "2.0", id: 1, method, params })}\n`);
  });
}
