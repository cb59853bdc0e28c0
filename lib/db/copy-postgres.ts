import pg from "pg";
import { CopyError, type CopyEnd, type ModelTable } from "./copy";

// The PostgreSQL end of db:copy (lib/db/copy.ts): one node-postgres connection, no Prisma.

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const TIMESTAMP_OIDS = new Set([1114, 1184]);

// Prisma's timestamp(3) columns hold UTC without a zone; node-postgres would read them as local
// time. Kept as PostgreSQL's text, which lib/db/copy.ts reads as UTC.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    TIMESTAMP_OIDS.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

// At most 65,535 parameters a statement; a batch of rows is split to stay under it.
const MAX_PARAMETERS = 60_000;

export async function openPostgresCopyEnd(url: string, label: string, role: "source" | "target"): Promise<CopyEnd> {
  const client = new pg.Client({ connectionString: url, types });
  try {
    await client.connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    // A target database that does not exist yet: migrating it creates it.
    if (role === "target" && code === "3D000") return missingDatabase(label);
    throw new CopyError(`Cannot connect to the ${role}, ${label}: ${error instanceof Error ? error.message : String(error)}`);
  }
  let cursors = 0;
  let searchTriggersOff = false;
  return {
    engine: "postgresql",
    label,
    async appliedMigrations() {
      const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS exists`);
      if (!rows[0]?.exists) return null;
      const applied = await client.query<{ name: string }>(
        `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      return applied.rows.map((row) => row.name);
    },
    async tableColumns(table) {
      const { rows } = await client.query<{ name: string }>(
        `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      return rows.length > 0 ? rows.map((row) => row.name) : null;
    },
    async rowCount(table) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
      return Number(rows[0]!.n);
    },
    async searchIndexSize() {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "ClaimSearch"`);
      return Number(rows[0]!.n);
    },
    async begin(mode) {
      // The source is read from one snapshot, so every table is of the same moment.
      await client.query(mode === "read" ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
      if (mode === "write") searchTriggersOff = await pauseSearchIndex(client);
    },
    async finishWrites() {
      if (searchTriggersOff) await rebuildSearchIndex(client);
    },
    async *readRows(table: ModelTable, batchSize: number) {
      // A cursor in the transaction: one sorted pass, fetched a batch at a time. Ordered by byte
      // value ("C"), as SQLite orders text, whatever the database's collation.
      const cursor = `factline_copy_${++cursors}`;
      const columns = table.columns.map((c) => quote(c.name)).join(", ");
      await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${quote(table.primaryKey)} COLLATE "C"`);
      try {
        for (;;) {
          const { rows } = await client.query<unknown[]>({ text: `FETCH ${Number(batchSize)} FROM ${cursor}`, rowMode: "array" });
          if (rows.length === 0) return;
          yield rows;
        }
      } finally {
        // After a failed statement the transaction refuses everything but ROLLBACK, which ends
        // the cursor too: the failure that got us here is the one to report.
        await client.query(`CLOSE ${cursor}`).catch(() => {});
      }
    },
    async insertRows(table, rows) {
      const width = table.columns.length;
      const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / width));
      const columns = table.columns.map((c) => quote(c.name)).join(", ");
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const values = chunk.map((_, r) => `(${table.columns.map((__, c) => `$${r * width + c + 1}`).join(", ")})`).join(", ");
        // Dates go as ISO text ending in Z; a timestamp(3) column takes the UTC time it names.
        await client.query(`INSERT INTO ${quote(table.name)} (${columns}) VALUES ${values}`, chunk.flat());
      }
    },
    async setColumn(table, column, pairs) {
      for (let start = 0; start < pairs.length; start += MAX_PARAMETERS / 2) {
        const chunk = pairs.slice(start, start + MAX_PARAMETERS / 2);
        const values = chunk.map((_, r) => `($${2 * r + 1}, $${2 * r + 2})`).join(", ");
        // Text parameters both: the columns this is used for (self-references) are ids.
        await client.query(
          `UPDATE ${quote(table.name)} t SET ${quote(column)} = v.value FROM (VALUES ${values}) AS v(key, value) WHERE t.${quote(table.primaryKey)} = v.key`,
          chunk.flat(),
        );
      }
    },
    async commit() {
      await client.query("COMMIT");
    },
    async rollback() {
      await client.query("ROLLBACK");
    },
    async close() {
      await client.end();
    },
  };
}

/**
 * The search index's insert triggers (prisma/postgres/migrations/…_claim_search) rebuild a claim's
 * document on every claim and every link inserted: about 3 ms a claim with its links, five
 * minutes for 100,000. During a copy they are switched off inside its transaction and the index is
 * built once at the end by the migration's own function; a rollback switches them on again.
 * Switching a trigger needs ownership of the table: without it they stay on, only slower.
 */
const SEARCH_INSERT_TRIGGERS = [
  ["Claim", "ClaimSearch_claim_insert"],
  ["ClaimSource", "ClaimSearch_source_insert"],
] as const;

async function pauseSearchIndex(client: pg.Client): Promise<boolean> {
  await client.query("SAVEPOINT factline_search_triggers");
  try {
    for (const [table, trigger] of SEARCH_INSERT_TRIGGERS) await client.query(`ALTER TABLE ${quote(table)} DISABLE TRIGGER ${quote(trigger)}`);
    await client.query("RELEASE SAVEPOINT factline_search_triggers");
    return true;
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT factline_search_triggers");
    return false;
  }
}

async function rebuildSearchIndex(client: pg.Client): Promise<void> {
  await client.query(`SELECT "ClaimSearch_refresh"(ARRAY(SELECT "id" FROM "Claim"))`);
  for (const [table, trigger] of SEARCH_INSERT_TRIGGERS) await client.query(`ALTER TABLE ${quote(table)} ENABLE TRIGGER ${quote(trigger)}`);
}

function missingDatabase(label: string): CopyEnd {
  const absent = () => {
    throw new CopyError(`${label} does not exist.`);
  };
  return {
    engine: "postgresql",
    label,
    appliedMigrations: async () => null,
    tableColumns: async () => null,
    rowCount: async () => absent(),
    searchIndexSize: async () => absent(),
    begin: async () => absent(),
    readRows: () => absent(),
    insertRows: async () => absent(),
    setColumn: async () => absent(),
    finishWrites: async () => absent(),
    commit: async () => absent(),
    rollback: async () => {},
    close: async () => {},
  };
}
