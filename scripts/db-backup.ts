// npm run db:backup -- <file>: a consistent copy of the database named by DATABASE_URL (default
// ./data/factline.db), made while the app keeps serving reads and writes (lib/backup.ts).
import { BackupError, backupDatabase } from "../lib/backup";
import { databaseFilePath, resolveDatabaseUrl } from "../lib/database-url";

const target = process.argv[2];
if (!target || process.argv.length > 3 || target.startsWith("-")) {
  console.error("Usage: npm run db:backup -- <file>   (for example: npm run db:backup -- backups/factline-2026-11-30.db)");
  process.exit(2);
}

try {
  const source = databaseFilePath(resolveDatabaseUrl());
  console.log(`Backing up ${source} as it stands now…`);
  const summary = backupDatabase(source, target);
  console.log(`Done: ${summary.file} (${(summary.bytes / 1024 / 1024).toFixed(1)} MB).`);
  console.log(`It passes integrity_check and holds ${summary.claims} claims (${summary.publishedClaims} published), at migration ${summary.migrations.at(-1) ?? "none"}.`);
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
