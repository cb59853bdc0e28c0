// npm run db:backup -- <file>: a consistent copy of the database named by DATABASE_URL (default
// ./data/factline.db), made while the app keeps serving reads and writes: VACUUM INTO for the
// SQLite file (lib/backup.ts), pg_dump's custom format for PostgreSQL (lib/backup-postgres.ts).
import { BackupError, backupDatabase } from "../lib/backup";
import { backupPostgres } from "../lib/backup-postgres";
import { databaseEngine, databaseFilePath, describeDatabase, resolveDatabaseUrl } from "../lib/database-url";

const target = process.argv[2];
if (!target || process.argv.length > 3 || target.startsWith("-")) {
  console.error("Usage: npm run db:backup -- <file>   (for example: npm run db:backup -- backups/factline-2026-11-30.db, or .dump on PostgreSQL)");
  process.exit(2);
}

try {
  const url = resolveDatabaseUrl();
  console.log(`Backing up ${describeDatabase(url)} as it stands now…`);
  const isPostgres = databaseEngine(url) === "postgresql";
  const summary = isPostgres ? await backupPostgres(url, target) : backupDatabase(databaseFilePath(url), target);
  console.log(`Done: ${summary.file} (${(summary.bytes / 1024 / 1024).toFixed(1)} MB).`);
  const check = isPostgres ? "It reads back with pg_restore --list" : "It passes integrity_check";
  console.log(`${check} and holds ${summary.claims} claims (${summary.publishedClaims} published), at migration ${summary.migrations.at(-1) ?? "none"}.`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
