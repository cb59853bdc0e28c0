// npm run db:copy -- --from <URL> --to <URL>: copies a newsroom's every row from one database
// into an empty one, SQLite or PostgreSQL either way, and checks the copy table by table before
// it commits (lib/db/copy.ts, docs/decisions/021-moving-between-engines.md). Stop the server
// first: edits saved during the copy would be in the source only.
import { parseArgs } from "node:util";
import { CopyError, copyDatabase, formatReport } from "../lib/db/copy";
import { migrateDatabase } from "./prepare-db";

const USAGE = [
  "Usage: npm run db:copy -- --from <database URL> --to <database URL> [--batch-size 1000]",
  "  for example: npm run db:copy -- --from file:./data/factline.db --to postgresql://factline:secret@db.example.org:5432/factline",
  "  or back:     npm run db:copy -- --from postgresql://… --to file:./data/factline-copy.db",
  "The target must be empty (a new file, or a database with no rows); it is migrated first if it has no tables.",
].join("\n");

let options: { from: string; to: string; batchSize: number };
try {
  const { values, positionals } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, "batch-size": { type: "string" } }, strict: true, allowPositionals: true });
  const batchSize = Number(values["batch-size"] ?? 1000);
  if (!values.from || !values.to || positionals.length > 0 || !Number.isInteger(batchSize) || batchSize < 1) throw new Error("bad arguments");
  options = { from: values.from, to: values.to, batchSize };
} catch {
  console.error(USAGE);
  process.exit(2);
}

try {
  const report = await copyDatabase({
    ...options,
    migrate: async (url) => migrateDatabase(url, { quiet: true }),
    log: (line) => console.log(line),
  });
  console.log(`Copied ${report.from} into ${report.to} in ${(report.milliseconds / 1000).toFixed(1)} s; every table's rows and checksum match the source's:`);
  console.log(formatReport(report));
  console.log(`The search index holds all ${report.searchIndex} claims.`);
} catch (error) {
  console.error(error instanceof CopyError ? error.message : error);
  process.exit(1);
}
