// npm run db:restore -- <file>: checks a backup, keeps a copy of the database in place, writes the
// backup over it, and brings it up to this version's migrations (lib/backup.ts). Run it with the
// server stopped.
import { BackupError, restoreDatabase } from "../lib/backup";
import { databaseFilePath, resolveDatabaseUrl } from "../lib/database-url";
import { prepareDatabase } from "./prepare-db";

const backup = process.argv[2];
if (!backup || process.argv.length > 3 || backup.startsWith("-")) {
  console.error("Usage: npm run db:restore -- <file>   (a file made by npm run db:backup; stop the server first)");
  process.exit(2);
}

try {
  const target = databaseFilePath(resolveDatabaseUrl());
  const { restored, safetyCopy } = await restoreDatabase(backup, target);
  console.log(`Checked ${backup}: integrity_check passes, ${restored.claims} claims (${restored.publishedClaims} published), every migration known here.`);
  if (safetyCopy) console.log(`The database that was in place is kept at ${safetyCopy}.`);
  console.log(`Restored into ${target}.`);
  // A copy from an older version gets this version's newer migrations; it never gets the seed,
  // since it holds stories.
  await prepareDatabase({ log: () => {} });
  console.log("Start the server again now. (If it was running, restart it: it keeps reader pages in memory, and edits it saved during the restore are lost.)");
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}
