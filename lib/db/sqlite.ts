import { randomUUID } from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { Prisma, PrismaClient } from "../generated/prisma/client";
import { databaseFilePath } from "../database-url";

/**
 * Set on every connection before its first query. WAL lets readers work while a write
 * commits; synchronous=FULL makes each acknowledged commit survive power loss (a newsroom's
 * decisions are worth an fsync); busy_timeout makes a writer wait for the lock instead of
 * failing; foreign_keys is off by default in SQLite builds other than better-sqlite3's.
 */
export const SQLITE_PRAGMAS = [
  "PRAGMA journal_mode = WAL;",
  "PRAGMA synchronous = FULL;",
  "PRAGMA busy_timeout = 5000;",
  "PRAGMA foreign_keys = ON;",
].join("\n");

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;

/**
 * Where a client's connection is in its life: which connection (a new one after a reconnect),
 * and how many times a transaction began or ended on it. The adapter runs a statement sent
 * outside a transaction on the same connection, inside any transaction then open (it locks
 * transactions only against each other), so such a statement can read a write that is later
 * rolled back; this tells a read made during a transaction from one made after it
 * (lib/search/similar-kept.ts, ADR 042).
 */
export interface ConnectionMark {
  connection: string;
  transitions: number;
}

class FactlineSqliteAdapter extends PrismaBetterSqlite3 {
  readonly mark: ConnectionMark = { connection: "", transitions: 0 };

  override async connect(): Promise<Adapter> {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    this.mark.connection = randomUUID();
    this.mark.transitions = 0;
    const mark = this.mark;
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => {
      const transaction = await startTransaction(...args);
      mark.transitions++;
      return markTransactionEnds(transaction, mark);
    };
    return adapter;
  }
}

/**
 * `transaction`, counting in `mark` its end, before the COMMIT or ROLLBACK that ends it runs
 * (once, though Prisma sends the statement and then calls commit() or rollback()), and each
 * rollback to a savepoint, which undoes writes a statement sent meanwhile may have read.
 */
export function markTransactionEnds<T extends Pick<Transaction, "executeRaw" | "queryRaw" | "commit" | "rollback">>(transaction: T, mark: ConnectionMark): T {
  const isEnd = (sql: string) => /^\s*(COMMIT|END|ROLLBACK)(\s+TRANSACTION)?\s*;?\s*$/i.test(sql);
  const isUndo = (sql: string) => /^\s*ROLLBACK\s+(TRANSACTION\s+)?TO\b/i.test(sql);
  const executeRaw = transaction.executeRaw.bind(transaction);
  const queryRaw = transaction.queryRaw.bind(transaction);
  const commit = transaction.commit.bind(transaction);
  const rollback = transaction.rollback.bind(transaction);
  let ended = false;
  const end = () => {
    if (!ended) mark.transitions++;
    ended = true;
  };
  const counted = (sql: string) => {
    if (isEnd(sql)) end();
    else if (isUndo(sql)) mark.transitions++;
  };
  transaction.executeRaw = (query) => {
    counted(query.sql);
    return executeRaw(query);
  };
  transaction.queryRaw = (query) => {
    counted(query.sql);
    return queryRaw(query);
  };
  transaction.commit = () => {
    end();
    return commit();
  };
  transaction.rollback = () => {
    end();
    return rollback();
  };
  return transaction;
}

// On globalThis: outside production lib/db keeps its client there, and a reloaded copy of this
// module must still find the client's mark.
const MARKS = Symbol.for("factline.sqliteConnectionMarks");
type WithMarks = typeof globalThis & { [MARKS]?: WeakMap<PrismaClient, ConnectionMark> };
const marks: WeakMap<PrismaClient, ConnectionMark> = ((globalThis as WithMarks)[MARKS] ??= new WeakMap());

/** A client for the SQLite file of a `file:` URL. */
export function createSqliteClient(url: string, options: { logQueries: boolean }): PrismaClient {
  const adapter = new FactlineSqliteAdapter({ url: `file:${databaseFilePath(url)}`, timeout: 5000 });
  const client = new PrismaClient({
    adapter,
    ...(options.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  });
  marks.set(client, adapter.mark);
  return client;
}

/**
 * The connection `client` holds and how many transactions began or ended on it, as text; null
 * for a client this module did not make, or before its first query.
 */
export function connectionMark(client: PrismaClient): string | null {
  const mark = marks.get(client);
  return mark && mark.connection !== "" ? `${mark.connection}.${mark.transitions}` : null;
}

/** SQLite's spelling of the few SQL functions the engines name differently (lib/db/index.ts `sqlDialect`). */
export const sqliteDialect = {
  /** Where `needle` first is in `text`, from 1, or 0; plain characters, no LIKE patterns. */
  position: (text: Prisma.Sql, needle: string | Prisma.Sql): Prisma.Sql => Prisma.sql`instr(${text}, ${needle})`,
  /** The larger of two integers. */
  larger: (a: Prisma.Sql, b: number): Prisma.Sql => Prisma.sql`max(${a}, ${b})`,
  /** The Monday (UTC) of the week a stored date and time falls in, as YYYY-MM-DD text. */
  weekStart: (at: Prisma.Sql): Prisma.Sql => Prisma.sql`date(${at}, '-6 days', 'weekday 1')`,
  /** Whole seconds from one stored date and time to another. */
  secondsBetween: (from: Prisma.Sql, to: Prisma.Sql): Prisma.Sql => Prisma.sql`CAST(round((julianday(${to}) - julianday(${from})) * 86400.0) AS INTEGER)`,
  /** The text of a top-level field of a JSON text column (history's before/after), or null. */
  jsonField: (json: Prisma.Sql, field: string): Prisma.Sql => Prisma.sql`json_extract(${json}, ${`$.${field}`})`,
  /** After a SELECT in a write: nothing, as SQLite has one writer at a time and no row locks. */
  skipLocked: Prisma.empty,
};
