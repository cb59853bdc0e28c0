import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackupError, backupDatabase, checkDatabase, restoreDatabase } from "@/lib/backup";

// The backup and restore commands, run as an operator runs them (npm run db:backup / db:restore
// go through tsx), against a database migrated and seeded by the real prepare step.

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
let dir: string;
let live: string;

function run(script: string, args: string[], database: string, env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // No shared cache or edge of the developer's shell: only a test that names one gets one.
    const child = spawn(tsx, [script, ...args], { cwd: root, env: { ...process.env, REDIS_URL: "", FACTLINE_PURGE_URL: "", DATABASE_URL: `file:${database}`, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

function streamSlugs(file: string): Set<number> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare(`SELECT slug FROM "Story" WHERE slug LIKE 'stream-%'`).all() as { slug: string }[];
    return new Set(rows.map((row) => Number(row.slug.slice("stream-".length))));
  } finally {
    db.close();
  }
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "factline-backup-"));
  live = path.join(dir, "live.db");
  const prepared = spawnSync(tsx, ["scripts/prepare-db.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${live}` }, encoding: "utf8" });
  expect(prepared.status, prepared.stderr).toBe(0);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run db:backup and db:restore", () => {
  it("a backup taken during a stream of writes restores to an intact database holding every write acknowledged before it began", async () => {
    const writer = spawn(tsx, ["lib/testing/write-stream.ts", live], { cwd: root });
    const acks: number[] = [];
    const lines = readline.createInterface({ input: writer.stdout });
    lines.on("line", (line) => acks.push(Number(line.split(" ")[1])));
    try {
      await expect.poll(() => acks.length, { timeout: 30_000 }).toBeGreaterThan(200);
      const backupFile = path.join(dir, "backups", "during-writes.db");
      // Every write acknowledged before the command starts must be in the copy. The writer keeps
      // its writes in the write-ahead log (no automatic checkpoint), where a plain copy of the
      // database file would miss them.
      const acknowledgedBefore = Math.max(...acks);
      const backup = await run("scripts/db-backup.ts", [backupFile], live);
      expect(backup.status, backup.stderr).toBe(0);
      expect(backup.stdout).toContain("integrity_check");
      // The writer went on while the backup ran.
      await expect.poll(() => Math.max(...acks), { timeout: 30_000 }).toBeGreaterThan(acknowledgedBefore + 50);
      writer.kill("SIGKILL");

      const restoredFile = path.join(dir, "restored", "factline.db");
      const restore = await run("scripts/db-restore.ts", [backupFile], restoredFile);
      expect(restore.status, restore.stderr).toBe(0);
      expect(restore.stdout).toContain("Start the server again");

      const db = new Database(restoredFile, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
      const restored = streamSlugs(restoredFile);
      const missing = Array.from({ length: acknowledgedBefore }, (_, i) => i + 1).filter((n) => !restored.has(n));
      expect(missing, "writes acknowledged before the backup began").toEqual([]);
      // A snapshot: nothing from after the backup, and no gap inside it.
      expect(restored.size).toBe(Math.max(...restored));
      expect(Math.max(...restored)).toBeLessThan(Math.max(...acks));
    } finally {
      writer.kill("SIGKILL");
    }
  });

  it("restoring over a database keeps the one in place beside it, and brings back the backup's contents", async () => {
    const target = path.join(dir, "restore-over.db");
    const backupFile = path.join(dir, "before-change.db");
    backupDatabase(live, target);
    backupDatabase(live, backupFile);
    const db = new Database(target);
    db.prepare(`DELETE FROM "Annotation"`).run();
    db.prepare(`UPDATE "Story" SET title = 'Changed after the backup'`).run();
    db.close();

    const { safetyCopy, restored } = await restoreDatabase(backupFile, target, new Date("2026-11-30T12:00:00Z"));
    expect(safetyCopy).toBe(path.join(dir, "restore-over.before-restore-2026-11-30T12-00-00-000Z.db"));
    expect(restored.claims).toBeGreaterThan(0);
    const after = new Database(target, { readonly: true });
    expect((after.prepare(`SELECT COUNT(*) AS n FROM "Story" WHERE title = 'Changed after the backup'`).get() as { n: number }).n).toBe(0);
    after.close();
    const kept = new Database(safetyCopy!, { readonly: true });
    expect((kept.prepare(`SELECT COUNT(*) AS n FROM "Story" WHERE title <> 'Changed after the backup'`).get() as { n: number }).n).toBe(0);
    kept.close();
  });

  it("removes the shared cache's copies of reader pages after a restore, or fails saying what to do", async () => {
    const { startRedis } = await import("@/lib/testing/redis-server");
    const { createClient } = await import("redis");
    const redis = await startRedis();
    const client = createClient({ url: redis.url });
    await client.connect();
    try {
      const target = path.join(dir, "restore-with-redis.db");
      const backupFile = path.join(dir, "restore-with-redis.backup.db");
      backupDatabase(live, target);
      backupDatabase(live, backupFile);
      // Copies rendered from the database before the restore, and a rate limit that must stay.
      await client.set("factline:cache:entry:/cached/current/claims/a", "{}");
      await client.set("factline:cache:entry:/cached/current/", "{}");
      await client.set("factline:rate:write:198.51.100.7", "3");
      const restored = await run("scripts/db-restore.ts", [backupFile], target, { REDIS_URL: redis.url });
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stdout).toContain(`Removed 2 entries of the shared cache at redis://127.0.0.1:${new URL(redis.url).port}`);
      expect(restored.stdout.trim().split("\n").at(-1)).toMatch(/^Start the server again now\./);
      expect(await client.keys("factline:cache:entry:*")).toEqual([]);
      expect(await client.get("factline:rate:write:198.51.100.7")).toBe("3");

      // Restored, the cache not emptied: its own exit code (1 is a restore that failed), no "start again".
      const unreachable = await run("scripts/db-restore.ts", [backupFile], target, { REDIS_URL: "redis://127.0.0.1:1" });
      expect(unreachable.status).toBe(3);
      expect(unreachable.stderr).toContain("The database is restored, but the shared cache at redis://127.0.0.1:1 was not emptied");
      expect(unreachable.stderr).toContain("remove its copies of reader pages");
      expect(unreachable.stdout).not.toContain("Start the server again");
    } finally {
      client.destroy();
      await redis.dispose();
    }
  });

  it("empties the edge cache after a restore, or fails saying what to do", async () => {
    const http = await import("node:http");
    const { startVarnish } = await import("@/lib/testing/varnish-server");
    const secret = "restore-test-purge-secret-0123456789";
    // A backend standing in for the app: two reader pages as the app stores them, each naming
    // its record and the site's key (lib/edge/surrogate-keys.mjs).
    let served = 0;
    const backend = http.createServer((request, response) => {
      served++;
      response.setHeader("cache-control", "public, max-age=0, s-maxage=86400");
      response.setHeader("surrogate-key", `site claim:${request.url === "/claims/a" ? "a" : "b"}`);
      response.end(`<p>${request.url} as it was before the restore</p>`);
    });
    await new Promise<void>((resolve) => backend.listen(0, "127.0.0.1", resolve));
    const varnish = await startVarnish({ backendPort: (backend.address() as import("node:net").AddressInfo).port, purgeSecret: secret });
    try {
      const cacheOf = async (page: string) => (await fetch(`${varnish.origin}${page}`)).headers.get("x-cache");
      for (const page of ["/claims/a", "/claims/b"]) {
        await cacheOf(page);
        expect(await cacheOf(page), page).toBe("HIT");
      }
      const target = path.join(dir, "restore-with-edge.db");
      const backupFile = path.join(dir, "restore-with-edge.backup.db");
      backupDatabase(live, target);
      backupDatabase(live, backupFile);
      const restored = await run("scripts/db-restore.ts", [backupFile], target, { FACTLINE_PURGE_URL: `${varnish.origin}/`, FACTLINE_PURGE_SECRET: secret });
      expect(restored.status, restored.stderr).toBe(0);
      expect(restored.stdout).toContain(`Emptied the edge cache at ${varnish.origin}/ of this app's pages`);
      expect(restored.stdout.trim().split("\n").at(-1)).toMatch(/^Start the server again now\./);
      // Every page is asked of the app again.
      const before = served;
      for (const page of ["/claims/a", "/claims/b"]) expect(await cacheOf(page), page).toBe("MISS");
      expect(served).toBe(before + 2);

      // Half an edge configuration (no secret): restored, the edge not emptied, exit 3.
      const unsigned = await run("scripts/db-restore.ts", [backupFile], target, { FACTLINE_PURGE_URL: `${varnish.origin}/`, FACTLINE_PURGE_SECRET: "" });
      expect(unsigned.status).toBe(3);
      expect(unsigned.stderr).toContain(`The database is restored, but the edge cache at ${varnish.origin}/ was not emptied (FACTLINE_PURGE_URL is set, so FACTLINE_PURGE_SECRET must be too`);
      expect(unsigned.stderr).toContain("empty it yourself");
      expect(unsigned.stdout).not.toContain("Start the server again");
      expect(await cacheOf("/claims/a")).toBe("HIT");
    } finally {
      await varnish.stop();
      await new Promise((resolve) => backend.close(resolve));
    }
  });

  it("restores over a damaged database, keeping the damaged one's files aside as they were", async () => {
    const target = path.join(dir, "damaged-live.db");
    fs.writeFileSync(target, "SQLite format 3\0 and then nothing a database could be");
    const backupFile = path.join(dir, "for-damaged.db");
    backupDatabase(live, backupFile);
    const { safetyCopy, restored } = await restoreDatabase(backupFile, target, new Date("2026-11-30T13:00:00Z"));
    expect(fs.readFileSync(safetyCopy!, "utf8")).toBe("SQLite format 3\0 and then nothing a database could be");
    expect(restored.claims).toBeGreaterThan(0);
  });

  it("never overwrites a file with a backup", () => {
    const existing = path.join(dir, "existing.db");
    fs.writeFileSync(existing, "keep me");
    expect(() => backupDatabase(live, existing)).toThrow(/already exists/);
    expect(fs.readFileSync(existing, "utf8")).toBe("keep me");
  });

  describe("a restore checks the copy first and refuses", () => {
    async function refused(file: string, message: RegExp): Promise<void> {
      const target = path.join(dir, "untouched.db");
      fs.rmSync(target, { force: true });
      fs.writeFileSync(target, "the database in place");
      await expect(restoreDatabase(file, target)).rejects.toThrow(BackupError);
      await expect(restoreDatabase(file, target)).rejects.toThrow(message);
      expect(fs.readFileSync(target, "utf8"), "the database in place is left alone").toBe("the database in place");
    }

    function copyOfLive(name: string, change: (db: Database.Database) => void): string {
      const file = path.join(dir, name);
      backupDatabase(live, file);
      const db = new Database(file);
      change(db);
      db.close();
      return file;
    }

    it("a file that is not a database", async () => {
      const file = path.join(dir, "notes.txt");
      fs.writeFileSync(file, "These are not the claims you are looking for.");
      await refused(file, /not an SQLite database/);
    });

    it("a damaged database", async () => {
      const file = path.join(dir, "damaged.db");
      backupDatabase(live, file);
      const bytes = fs.readFileSync(file);
      // Scribble over the second page onwards (the first holds the header and schema root).
      const pageSize = bytes.readUInt16BE(16);
      bytes.fill(0xa5, pageSize, Math.min(bytes.length, pageSize * 6));
      fs.writeFileSync(file, bytes);
      await refused(file, /damaged|cannot be opened/);
    });

    it("a copy from a newer version of Factline", async () => {
      const file = copyOfLive("newer.db", (db) =>
        db
          .prepare(`INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count) VALUES ('future', 'x', '2027-01-01', '20270101000000_from_the_future', NULL, NULL, '2027-01-01', 1)`)
          .run(),
      );
      await refused(file, /newer version of Factline \(its migration 20270101000000_from_the_future/);
    });

    it("a copy taken in the middle of an upgrade", async () => {
      const file = copyOfLive("mid-upgrade.db", (db) => db.prepare(`UPDATE "_prisma_migrations" SET finished_at = NULL WHERE migration_name = (SELECT MAX(migration_name) FROM "_prisma_migrations")`).run());
      await refused(file, /never finished/);
    });

    it("a copy whose migration differs from this version's", async () => {
      const file = copyOfLive("other-line.db", (db) => db.prepare(`UPDATE "_prisma_migrations" SET checksum = 'not-ours' WHERE migration_name = (SELECT MIN(migration_name) FROM "_prisma_migrations")`).run());
      await refused(file, /applied a different/);
    });
  });

  it("the checks pass on a good backup and name what it holds", () => {
    const file = path.join(dir, "good.db");
    backupDatabase(live, file);
    const summary = checkDatabase(file);
    expect(summary.migrations.length).toBe(fs.readdirSync(path.join(root, "prisma", "migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).length);
    expect(summary.claims).toBeGreaterThan(0);
  });
});
