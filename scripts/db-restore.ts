// npm run db:restore -- <file>: checks a backup, keeps the database in place, replaces it with the
// backup, and brings it up to this version's migrations: the SQLite file (lib/backup.ts) or the
// PostgreSQL database (lib/backup-postgres.ts) DATABASE_URL names. Run it with the server stopped.
import { BackupError, restoreDatabase } from "../lib/backup";
import { restorePostgres } from "../lib/backup-postgres";
import { databaseEngine, databaseFilePath, describeDatabase, resolveDatabaseUrl } from "../lib/database-url";
import { edgePurgeConfig, purgeKeys, type EdgePurgeConfig } from "../lib/edge/purge";
import { SITE_KEY } from "../lib/edge/surrogate-keys.mjs";
import { ClearPagesError, clearStoredPages, redisAddress } from "../lib/redis/clear-pages";
import { prepareDatabase } from "./prepare-db";

const backup = process.argv[2];
if (!backup || process.argv.length > 3 || backup.startsWith("-")) {
  console.error("Usage: npm run db:restore -- <file>   (a file made by npm run db:backup; stop the server first)");
  process.exit(2);
}

try {
  const url = resolveDatabaseUrl();
  const isPostgres = databaseEngine(url) === "postgresql";
  const { restored, safetyCopy } = isPostgres ? await restorePostgres(backup, url) : await restoreDatabase(backup, databaseFilePath(url));
  const check = isPostgres ? "pg_restore reads it" : "integrity_check passes";
  console.log(`Checked ${backup}: ${check}, ${restored.claims} claims (${restored.publishedClaims} published), every migration known here.`);
  if (safetyCopy && isPostgres) console.log(`The database that was in place is kept as database ${safetyCopy} on the same server (DROP DATABASE it when no longer needed).`);
  else if (safetyCopy) console.log(`The database that was in place is kept at ${safetyCopy}.`);
  console.log(`Restored into ${describeDatabase(url)}.`);
  // A copy from an older version gets this version's newer migrations; it never gets the seed,
  // since it holds stories.
  await prepareDatabase({ log: () => {} });
  // Copies kept outside the server outlive it and show the database as it was before the restore
  // (README, "Backup and restore"): the shared cache's are removed here, then the edge's.
  const redisUrl = process.env.REDIS_URL?.trim();
  let isCacheCleared = true;
  if (redisUrl) {
    const where = redisAddress(redisUrl);
    try {
      const removed = await clearStoredPages(redisUrl);
      console.log(`Removed ${removed} ${removed === 1 ? "entry" : "entries"} of the shared cache at ${where} (copies of reader pages and data made before the restore).`);
    } catch (error) {
      isCacheCleared = false;
      const removed = error instanceof ClearPagesError ? error.removed : 0;
      console.error(
        `The database is restored, but the shared cache at ${where} was not emptied (${error instanceof Error ? error.message : String(error)}; ${removed} ${removed === 1 ? "entry" : "entries"} removed before). ` +
          'Before starting the servers, remove its copies of reader pages (README, "Backup and restore"), or readers see the database as it was before the restore for up to 5 minutes. Do not restore again.',
      );
    }
  }
  // The edge (a CDN, Varnish) keeps its copies for a day; every one carries the site's key
  // (lib/edge/surrogate-keys.mjs), so one purge, after the shared cache's, empties it.
  const edgeUrl = process.env.FACTLINE_PURGE_URL?.trim();
  if (edgeUrl) {
    const edge = edgeConfigOrProblem();
    const purged = typeof edge === "string" ? false : await purgeKeys(edge, [SITE_KEY]);
    if (purged) console.log(`Emptied the edge cache at ${edgeUrl} of this app's pages (surrogate key "${SITE_KEY}").`);
    else {
      isCacheCleared = false;
      console.error(
        `The database is restored, but the edge cache at ${edgeUrl} was not emptied (${typeof edge === "string" ? edge : "it did not confirm the purge"}). ` +
          'Before starting the servers, empty it yourself (README, "Backup and restore"), or readers see the database as it was before the restore for up to a day. Do not restore again.',
      );
    }
  }
  if (isCacheCleared) {
    console.log(
      `Start the server again now. (If it was running, restart it: it keeps reader pages in memory, and edits it saved during the restore are lost${edgeUrl ? "; the edge may have refilled from it meanwhile, so empty the edge again once it has restarted" : ""}.)`,
    );
  }
  // 3: restored, but a cache outside the server still holds copies from before (1 is a restore that failed).
  else process.exitCode = 3;
} catch (error) {
  console.error(error instanceof BackupError ? error.message : error);
  process.exit(1);
}

/** The edge to purge, or why it cannot be (half a configuration: no secret). */
function edgeConfigOrProblem(): EdgePurgeConfig | string {
  try {
    return edgePurgeConfig() ?? "FACTLINE_PURGE_URL is empty";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
