import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError } from "@/lib/backup";
import { backupPostgres, findPostgresTool, restorePostgres } from "@/lib/backup-postgres";
import { startPostgres } from "@/lib/testing/postgres-server";

// npm run db:backup and db:restore when DATABASE_URL is PostgreSQL: pg_dump and pg_restore from
// Debian's postgresql-client against a throwaway server, the database migrated and seeded by the
// real prepare step, the commands run as an operator runs them.

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
const server = await startPostgres();
const live = server.url("factline_live");
let dir: string;

function run(script: string, args: string[], url: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [script, ...args], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const sql = (query: string, database = "factline_live") => server.psql(query, database).trim();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-pg-backup-"));
  const prepared = spawnSync(tsx, ["scripts/prepare-db.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: live }, encoding: "utf8" });
  expect(prepared.status, prepared.stderr).toBe(0);
});

afterAll(() => {
  server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:backup and db:restore on PostgreSQL", () => {
  it("backs up, and a restore after changes brings the data back and keeps the replaced database", async () => {
    const claims = sql(`SELECT count(*) FROM "Claim"`);
    const annotations = sql(`SELECT count(*) FROM "Annotation"`);
    expect(Number(annotations)).toBeGreaterThan(0);
    const file = path.join(dir, "backups", "live.dump");
    const backup = await run("scripts/db-backup.ts", [file], live);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`reads back with pg_restore --list and holds ${claims} claims`);
    expect(fs.readdirSync(path.dirname(file))).toEqual(["live.dump"]);

    sql(`DELETE FROM "Annotation"`);
    sql(`UPDATE "Story" SET title = 'Changed after the backup'`);

    const restore = await run("scripts/db-restore.ts", [file], live);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`${claims} claims`);
    expect(restore.stdout).toContain("Start the server again");
    expect(sql(`SELECT count(*) FROM "Annotation"`)).toBe(annotations);
    expect(sql(`SELECT count(*) FROM "Story" WHERE title = 'Changed after the backup'`)).toBe("0");
    // The search index and the append-only triggers came back with the data.
    expect(sql(`SELECT count(*) FROM "ClaimSearch"`)).toBe(claims);
    expect(() => sql(`DELETE FROM "ClaimEvent"`)).toThrow(/append-only/);

    const kept = /kept as database (\S+) on the same server/.exec(restore.stdout)?.[1];
    expect(kept).toMatch(/^factline_live_before_restore_\d{8}_\d{6}$/);
    expect(server.databases()).toContain(kept);
    expect(sql(`SELECT count(*) FROM "Story" WHERE title <> 'Changed after the backup'`, kept)).toBe("0");
    expect(sql(`SELECT count(*) FROM "Annotation"`, kept)).toBe("0");
    expect(server.databases().filter((name) => name.includes("_restoring_"))).toEqual([]);
  });

  it("never overwrites a file with a backup", async () => {
    const existing = path.join(dir, "existing.dump");
    fs.writeFileSync(existing, "keep me");
    await expect(backupPostgres(live, existing)).rejects.toThrow(/already exists/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
  });

  describe("a restore checks the dump first and refuses, leaving the database in place alone", () => {
    let good: string;
    beforeAll(async () => {
      good = path.join(dir, "good.dump");
      await backupPostgres(live, good);
    });

    async function refused(file: string, message: RegExp): Promise<void> {
      const before = sql(`SELECT string_agg(id || title, ',') FROM "Story"`) + sql(`SELECT count(*) FROM "Annotation"`);
      const databases = server.databases();
      const attempt = restorePostgres(file, live);
      await expect(attempt).rejects.toThrow(BackupError);
      await expect(restorePostgres(file, live)).rejects.toThrow(message);
      expect(sql(`SELECT string_agg(id || title, ',') FROM "Story"`) + sql(`SELECT count(*) FROM "Annotation"`)).toBe(before);
      expect(server.databases()).toEqual(databases);
    }

    it("a file that is not a dump", async () => {
      const file = path.join(dir, "notes.txt");
      fs.writeFileSync(file, "These are not the claims you are looking for.");
      await refused(file, /not a PostgreSQL custom-format dump/);
    });

    it("a damaged dump (cut short)", async () => {
      const file = path.join(dir, "cut.dump");
      const bytes = fs.readFileSync(good);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      await refused(file, /pg_restore/);
    });

    it("a dump from a newer version of Factline (a migration unknown here)", async () => {
      // Made with pg_dump itself: db:backup checks its own dumps and would refuse to write it.
      server.psql(`CREATE DATABASE factline_newer TEMPLATE factline_live`);
      sql(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ('future', 'x', now(), '20270101000000_from_the_future', now(), 1)`, "factline_newer");
      const file = path.join(dir, "newer.dump");
      const pgDump = findPostgresTool("pg_dump", 15);
      const dumped = spawnSync(pgDump.file, ["--format=custom", `--file=${file}`, `--dbname=${server.url("factline_newer")}`], { encoding: "utf8" });
      expect(dumped.status, dumped.stderr).toBe(0);
      await refused(file, /newer version of Factline \(its migration 20270101000000_from_the_future/);
      await expect(backupPostgres(server.url("factline_newer"), path.join(dir, "never.dump"))).rejects.toThrow(/newer version/);
      expect(fs.readdirSync(dir).filter((name) => name.startsWith("never.dump"))).toEqual([]);
    });

    it("an SQLite backup, naming db:copy instead", async () => {
      const file = path.join(dir, "sqlite.db");
      fs.writeFileSync(file, Buffer.concat([Buffer.from("SQLite format 3\0", "latin1"), Buffer.alloc(100)]));
      await refused(file, /is an SQLite database.*db:copy/);
    });

    it("while another connection is open on the database (the server is still running)", async () => {
      const client = new pg.Client({ connectionString: live });
      await client.connect();
      try {
        await refused(good, /in use by other connections: stop the server/);
      } finally {
        await client.end();
      }
    });
  });

  it("names the client package to install when no pg_dump fits the server", () => {
    expect(() => findPostgresTool("pg_dump", 99)).toThrow(/pg_dump 1\d cannot work with this PostgreSQL 99 server.*apt-get install -y postgresql-client-99/);
  });
});
