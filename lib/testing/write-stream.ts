// A stream of small writes to a Factline database, for the backup test (scripts/db-backup.test.ts):
// inserts story `stream-<n>` for n = 1, 2, … with the app's connection settings (ADR 003) but no
// automatic checkpoint, and
// prints `ack <n>` once each insert has committed, until it is killed.
import Database from "better-sqlite3";

const file = process.argv[2];
if (!file) throw new Error("usage: write-stream.ts <database file>");
const db = new Database(file, { fileMustExist: true });
db.pragma("journal_mode = WAL");
db.pragma("synchronous = FULL");
db.pragma("busy_timeout = 5000");
// Commits stay in the -wal file until the test ends, as they do between SQLite's checkpoints.
db.pragma("wal_autocheckpoint = 0");
const insert = db.prepare(
  `INSERT INTO "Story" ("id", "slug", "title", "summary", "createdAt", "updatedAt") VALUES (?, ?, ?, '', strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'), strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now'))`,
);

for (let n = 1; ; n++) {
  insert.run(`stream-${n}`, `stream-${n}`, `Stream story ${n}`);
  process.stdout.write(`ack ${n}\n`);
  // Let the acknowledgement reach the test before the next write.
  await new Promise((resolve) => setImmediate(resolve));
}
