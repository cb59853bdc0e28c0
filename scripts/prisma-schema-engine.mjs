#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary (see
// docs/decisions/002-offline-schema-engine.md). Prisma 7's CLI downloads that binary on first
// use, which cannot work without internet; prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY
// here instead. We speak the binary's protocol and forward every call to the same engine
// compiled to WebAssembly (@prisma/schema-engine-wasm), driven through
// @prisma/adapter-better-sqlite3 for `file:` URLs and @prisma/adapter-pg for `postgresql://`
// ones (docs/decisions/018-postgresql.md). The numbered notes (1-7) are the places where the
// WebAssembly engine behaves differently from the binary the CLI expects; (P1-P4) are those
// that PostgreSQL adds.
//
// Started by the CLI in one of two ways:
//   <this> --datamodels <schema file>... --datasource '{"url":"file:..."}'
//       JSON-RPC 2.0 over stdin/stdout, one message per line. stdout carries nothing else;
//       logs go to stderr as JSON lines, which the CLI parses.
//   <this> --datasource '{"url":"file:..."}' cli can-connect-to-database|create-database
//       (or a postgresql:// URL)
//       answers with the exit status, and on failure a JSON error line on stderr.
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { createRequire } from "node:module";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

// driver-adapter-utils wraps adapter calls in the results the engine expects. It is the
// adapter's dependency (pinned by it), not ours, so resolve it from the adapter.
const { bindMigrationAwareSqlAdapterFactory } = createRequire(
  import.meta.resolve("@prisma/adapter-better-sqlite3"),
)("@prisma/driver-adapter-utils");

const MIGRATIONS_TABLE = "_prisma_migrations";
const NO_FILTER = { externalTables: [], externalEnums: [] };

/** Errors shaped like the native engine's user-facing errors (P-codes). */
class UserFacingError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.code = code;
    this.meta = meta;
  }
}

function log(level, message, target = "prisma_schema_engine_bridge") {
  process.stderr.write(`${JSON.stringify({ level, fields: { message }, target })}\n`);
}

function parseArgs(argv) {
  const args = { datamodels: [], datasource: {}, cliCommand: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "cli") args.cliCommand = argv[++i];
    // --enabled-preview-features and --extension-types mean nothing to the bridge.
    else if (arg.startsWith("--")) i++;
  }
  return args;
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;
const isPostgresUrl = (url) => POSTGRES_URL.test(url ?? "");

/** The filesystem path of a SQLite `file:` URL (what better-sqlite3 opens). */
function sqlitePath(url) {
  if (!url.startsWith("file:")) {
    throw new UserFacingError("P1013", `The offline schema engine supports SQLite file: URLs and postgresql:// URLs only.`);
  }
  return path.resolve(url.replace(/^file:(\/\/)?/, "").split("?")[0]);
}

// ---------------------------------------------------------------------------------------------
// Connections handed to the WebAssembly engine

/**
 * The main database. (6) The engine connects as soon as it is created, and better-sqlite3
 * creates a missing file on open, so `migrate diff` (which never touches the database) would
 * leave an empty file behind: open it on first use instead.
 * (1) On a fresh database the engine's read of `_prisma_migrations` fails with P1014, where
 * the native engine means "no migrations applied yet": answer that read with no rows, and
 * remember it so diagnoseMigrationHistory can say `hasMigrationsTable: false`.
 */
function mainConnection(adapterFactory, state) {
  let opening;
  const open = () => (opening ??= adapterFactory.connect());
  return {
    provider: adapterFactory.provider,
    adapterName: adapterFactory.adapterName,
    async queryRaw(query) {
      try {
        return await (await open()).queryRaw(query);
      } catch (error) {
        const cause = error?.cause;
        if (cause?.kind === "TableDoesNotExist" && cause.table === MIGRATIONS_TABLE) {
          state.migrationsTableMissing = true;
          return { columnNames: [], columnTypes: [], rows: [] };
        }
        throw error;
      }
    },
    executeRaw: acceptScripts(
      async (query) => (await open()).executeRaw(query),
      async (script) => (await open()).executeScript(script),
    ),
    // The engine runs each migration script through here; keep the driver's own error so
    // applyMigrations can report it (4).
    async executeScript(script) {
      try {
        return await (await open()).executeScript(script);
      } catch (error) {
        state.scriptError = error?.cause ?? { originalMessage: String(error?.message ?? error) };
        throw error;
      }
    },
    async startTransaction(isolationLevel) {
      return (await open()).startTransaction(isolationLevel);
    },
    async dispose() {
      const connection = opening;
      opening = undefined;
      await (await connection)?.dispose();
    },
  };
}

/**
 * (2) The engine sends whole scripts as one parameterless executeRaw: each migration file
 * replayed on the shadow database, and `db execute`. better-sqlite3 refuses a string of
 * several statements (or none) with a RangeError before running anything: run those as scripts.
 */
function acceptScripts(executeRaw, executeScript) {
  return async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!(error instanceof RangeError) || query.args.length > 0) throw error;
      await executeScript(query.sql);
      return 0;
    }
  };
}

/** The shadow database (in memory unless the datasource names one). */
async function shadowConnection(adapterFactory) {
  const connection = await adapterFactory.connectToShadowDb();
  connection.executeRaw = acceptScripts(
    connection.executeRaw.bind(connection),
    connection.executeScript.bind(connection),
  );
  return connection;
}


// ---------------------------------------------------------------------------------------------
// PostgreSQL (@prisma/adapter-pg over node-postgres)

/**
 * (P1) adapter-pg refuses columns of pg_catalog's one-byte `"char"` type (OID 18), which the
 * engine reads while describing a schema ("Column type 'char' could not be deserialized").
 * Its values are one-character strings: hand them to the adapter as text (OID 25).
 */
const PG_CHAR = 18;
const PG_TEXT = 25;
function charAsText(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) if (field.dataTypeID === PG_CHAR) field.dataTypeID = PG_TEXT;
  }
  return result;
}
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    if (typeof values === "function") [values, callback] = [undefined, values];
    if (typeof callback === "function") {
      return super.query(config, values, (error, result) => callback(error, error ? result : charAsText(result)));
    }
    const pending = super.query(config, values);
    return typeof pending?.then === "function" ? pending.then(charAsText) : pending;
  }
}

/** `url` with its database name replaced (the rest, credentials and options, kept). */
function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || undefined;
}

const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`;

class BridgePg extends PrismaPg {
  constructor(url, shadowDatabaseUrl) {
    super({ connectionString: url, Client: CharAsTextClient });
    this.url = url;
    this.shadowDatabaseUrl = shadowDatabaseUrl;
  }

  /** (P3) adapter-pg's executeScript splits the script on every `;`, which cuts PL/pgSQL `$$`
   * bodies (our trigger functions) apart. A query without parameters goes by PostgreSQL's simple
   * protocol, which runs a whole script: send it as one. */
  async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script) => {
      try {
        await adapter.client.query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    return adapter;
  }

  /**
   * (P2) Dangerous: adapter-pg opens its shadow database by copying the pool's config and setting
   * `database`, but node-postgres lets `connectionString` win, so its "shadow" database is the
   * main one, and replaying the migrations there (or resetting it) would act on real data. Open
   * the shadow database by a URL that names it, then make sure the connection is really in it
   * before the engine may use it.
   */
  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) {
      const shadow = await new BridgePg(this.shadowDatabaseUrl).connect();
      await refuseMainDatabase(shadow, databaseName(this.shadowDatabaseUrl), this.url);
      return shadow;
    }
    const main = await this.connect();
    const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID()}`;
    await main.executeScript(`CREATE DATABASE ${quoteIdentifier(name)}`);
    const drop = async () => {
      await main.executeScript(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
      await main.dispose();
    };
    let shadow;
    try {
      shadow = await new BridgePg(withDatabase(this.url, name)).connect();
      await refuseMainDatabase(shadow, name, this.url);
    } catch (error) {
      await shadow?.dispose();
      await drop();
      throw error;
    }
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await drop();
    };
    return shadow;
  }
}

async function refuseMainDatabase(shadow, expectedName, mainUrl) {
  const { rows } = await shadow.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] });
  const actual = rows[0]?.[0];
  if (actual !== expectedName || actual === databaseName(mainUrl)) {
    await shadow.dispose();
    throw new UserFacingError(
      "P3014",
      `Refusing to use database \`${actual}\` as the shadow database: it is not \`${expectedName}\`, or it is the main database.`,
    );
  }
}

/** `cli can-connect-to-database | create-database` for a PostgreSQL URL. */
async function runPostgresCliCommand(command, url) {
  const name = databaseName(url);
  const attempt = async (target, sql) => {
    const client = new pg.Client({ connectionString: target });
    try {
      await client.connect();
      if (sql) await client.query(sql);
    } finally {
      await client.end().catch(() => {});
    }
  };
  if (command === "can-connect-to-database") {
    try {
      await attempt(url);
    } catch (error) {
      if (error?.code === "3D000") {
        const { hostname, port } = new URL(url);
        throw new UserFacingError("P1003", `Database \`${name}\` does not exist on the database server at \`${hostname}:${port || 5432}\`.`, { database_name: name });
      }
      throw new UserFacingError("P1001", `Can't reach database server: ${error?.message ?? error}`);
    }
  } else if (command === "create-database") {
    try {
      await attempt(withDatabase(url, "postgres"), `CREATE DATABASE ${quoteIdentifier(name)}`);
    } catch (error) {
      // 42P04: it exists already, which is what was asked.
      if (error?.code !== "42P04") throw error;
    }
  } else {
    throw new Error(`Unknown cli command: ${command}`);
  }
}

// ---------------------------------------------------------------------------------------------
// The engine

// The engine's panic hook reports the panic's message here just before the module traps.
let panicMessage;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    panicMessage = message;
  },
};

/** Loads the WebAssembly engine. Its package entry imports the .wasm as an ES module, which
 * Node 20 cannot do without a flag, so instantiate it from the generated bindings directly. */
let compiled;
let instances = 0;
/** A new instance of the engine's module, its memory and globals fresh (compiled once). The
 * bindings cache views of the instance's memory, so each instance gets its own copy of them
 * (another URL is another ES module instance). */
async function loadEngineModule() {
  const bindingsUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(`${bindingsUrl}?instance=${++instances}`);
  compiled ??= WebAssembly.compile(fs.readFileSync(new URL("schema_engine_bg.wasm", bindingsUrl)));
  const instance = await WebAssembly.instantiate(await compiled, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}

/** The database behind the engine: SQLite for `file:` URLs (and none at all), else PostgreSQL. */
function openDatabase(args, state) {
  if (isPostgresUrl(args.datasource.url)) {
    const adapterFactory = new BridgePg(args.datasource.url, args.datasource.shadowDatabaseUrl);
    const main = mainConnection(adapterFactory, state);
    return {
      main,
      bindFactory: () =>
        bindMigrationAwareSqlAdapterFactory({
          provider: adapterFactory.provider,
          adapterName: adapterFactory.adapterName,
          connect: async () => main,
          connectToShadowDb: () => adapterFactory.connectToShadowDb(),
        }),
    };
  }
  // Without a datasource (a diff between two schema files) there is nothing to open.
  const url = args.datasource.url ? `file:${sqlitePath(args.datasource.url)}` : ":memory:";
  const adapterFactory = new PrismaBetterSqlite3(
    { url },
    { shadowDatabaseUrl: args.datasource.shadowDatabaseUrl },
  );
  const main = mainConnection(adapterFactory, state);
  return {
    main,
    bindFactory: () =>
      bindMigrationAwareSqlAdapterFactory({
        provider: "sqlite",
        adapterName: adapterFactory.adapterName,
        connect: async () => main,
        connectToShadowDb: () => shadowConnection(adapterFactory),
      }),
    reset: () => resetSqlite(main),
  };
}

/** (3) The engine's SQLite reset only deletes rows (and so trips the ClaimEvent trigger),
 * while the native engine empties the file. Drop every table and view instead, so the
 * migrations re-apply from scratch. sqlite_sequence cannot be dropped, but VACUUM leaves it
 * out once no AUTOINCREMENT table remains. A virtual table (the FTS5 search index) drops its
 * own shadow tables, which then no longer exist to be dropped: pragma_table_list tells them
 * apart, where sqlite_master calls them all tables. */
async function resetSqlite(main) {
  const { rows } = await main.queryRaw({
    sql: "SELECT type, name FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual', 'view') AND name NOT LIKE 'sqlite_%'",
    args: [],
    argTypes: [],
  });
  const quote = (name) => `"${name.replaceAll('"', '""')}"`;
  // Foreign keys off, or dropping a referenced table first fails; the pragma is ignored
  // inside a transaction, hence before BEGIN. ON again is better-sqlite3's default.
  await main.executeScript(
    [
      "PRAGMA foreign_keys = OFF;",
      "BEGIN;",
      ...rows.map(([type, name]) => `DROP ${type === "view" ? "VIEW" : "TABLE"} ${quote(name)};`),
      "COMMIT;",
      "PRAGMA foreign_keys = ON;",
      "VACUUM;",
    ].join("\n"),
  );
}

async function createBridge(args) {
  const state = { migrationsTableMissing: false, scriptError: undefined };
  const { main, bindFactory, reset: resetDatabase } = openDatabase(args, state);

  // `datamodels` must be undefined or non-empty.
  const datamodels = args.datamodels.length
    ? args.datamodels.map((file) => [file, fs.readFileSync(file, "utf8")])
    : undefined;
  let boundFactory;
  const newEngine = async () => {
    const { SchemaEngine } = await loadEngineModule();
    boundFactory = bindFactory();
    return SchemaEngine.new({ datamodels }, (line) => process.stderr.write(`${line.trimEnd()}\n`), boundFactory);
  };
  let current = await newEngine();
  /** (P4) The engine can replay the migrations into a shadow database only in a call that comes
   * after devDiagnostic and before anything is applied: once applyMigrations has applied a
   * migration, or on an engine that has not run devDiagnostic, evaluateDataLoss and
   * createMigration fail with "PostgreSQL (or SQLite) shadow DB must be provided through an
   * external factory" without asking the factory. `migrate dev` does exactly that on a database
   * with pending migrations. So before those two calls, when needed, a new engine runs
   * devDiagnostic for the same migrations first. (Measured on PostgreSQL first; SQLite has it too.) */
  let isShadowReady = false;
  const engine = async () => current;
  async function withShadowReady(method, params) {
    if (!isShadowReady) {
      current = await newEngine();
      await current.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters ?? NO_FILTER });
      isShadowReady = true;
    }
    return current[method](params);
  }

  /** (4) A failing migration surfaces as the raw SQLite error; the CLI expects P3018 naming
   * the migration. The engine has recorded it as failed, so ask it which one. */
  async function applyMigrations(params) {
    state.scriptError = undefined;
    try {
      const result = await (await engine()).applyMigrations(params);
      if (result.appliedMigrationNames?.length) isShadowReady = false;
      return result;
    } catch (error) {
      isShadowReady = false;
      const scriptError = state.scriptError;
      if (!scriptError) throw error;
      const { failedMigrationNames } = await (await engine()).diagnoseMigrationHistory({
        migrationsList: params.migrationsList,
        optInToShadowDatabase: false,
        filters: params.filters ?? NO_FILTER,
      });
      const migrationName = failedMigrationNames.at(-1);
      if (!migrationName) throw error;
      const databaseErrorCode = String(scriptError.originalCode ?? scriptError.extendedCode ?? "");
      const databaseError = scriptError.originalMessage ?? scriptError.message ?? error.message;
      throw new UserFacingError(
        "P3018",
        "A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n" +
          `Migration name: ${migrationName}\n\nDatabase error code: ${databaseErrorCode}\n\nDatabase error:\n${databaseError}\n`,
        {
          migration_name: migrationName,
          database_error_code: databaseErrorCode,
          database_error: databaseError,
        },
      );
    }
  }

  async function diagnoseMigrationHistory(params) {
    state.migrationsTableMissing = false;
    const result = await (await engine()).diagnoseMigrationHistory(params);
    return state.migrationsTableMissing ? { ...result, hasMigrationsTable: false } : result;
  }

  /** (5) The engine returns the diff as a value; the native engine asks the CLI to print it
   * (a `print` request), and the CLI prints nothing else. */
  async function diff(params, askToPrint) {
    const { stdout, ...result } = await (await engine()).diff(params);
    if (stdout) await askToPrint(stdout);
    return { ...result, stdout: null };
  }

  // Called on the engine itself: wasm-bindgen methods lose their binding if detached.
  const forwarded = [
    "dbExecute",
    "debugPanic",
    "ensureConnectionValidity",
    "introspect",
    "introspectSql",
    "markMigrationApplied",
    "markMigrationRolledBack",
    "schemaPush",
  ];
  const methods = {
    ...Object.fromEntries(forwarded.map((name) => [name, async (params) => (await engine())[name](params)])),
    applyMigrations,
    createMigration: (params) => withShadowReady("createMigration", params),
    devDiagnostic: async (params) => {
      const result = await current.devDiagnostic(params);
      isShadowReady = true;
      return result;
    },
    evaluateDataLoss: (params) => withShadowReady("evaluateDataLoss", params),
    diagnoseMigrationHistory,
    diff,
    // The engine's own reset is right for PostgreSQL (it drops and re-creates the schema).
    reset: resetDatabase ?? (async (params) => (await engine()).reset(params)),
    getDatabaseVersion: async (params) => (await engine()).version(params),
  };
  return {
    call(method, params, askToPrint) {
      if (!Object.hasOwn(methods, method)) {
        throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: -32601 });
      }
      return methods[method](params, askToPrint);
    },
    get errorRegistry() {
      return boundFactory.errorRegistry;
    },
    dispose: () => main.dispose(),
  };
}

/** (7) JSON-RPC errors in the native engine's shape, which the CLI reads from `data`. */
function toRpcError(error, errorRegistry) {
  if (error?.rpcCode) return { code: error.rpcCode, message: error.message };
  // A Rust panic inside WebAssembly surfaces as a trap, its message in the panic registry.
  const isPanic = error instanceof WebAssembly.RuntimeError;
  const message = String((isPanic && panicMessage) || (error?.message ?? error))
    // Adapter errors that were not driver errors are kept by id in the registry.
    .replace(/External error id#(\d+)/g, (text, id) => {
      const found = errorRegistry?.consumeError(Number(id));
      return found ? String(found.error?.message ?? found.error) : text;
    })
    // The WebAssembly engine appends its span trace; the native one does not.
    .split(/\n {2,}0: /)[0];
  return {
    code: 4466,
    message: isPanic ? message : "An error happened. Check the data field for details.",
    data: {
      is_panic: isPanic,
      message,
      meta: error?.meta ?? {},
      error_code: isPanic ? undefined : error?.code,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Modes

async function serveJsonRpc(args) {
  let bridge;
  let printId = 0;
  const pendingPrints = new Map();
  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const askToPrint = (content) =>
    new Promise((resolve) => {
      const id = `print-${++printId}`;
      pendingPrints.set(id, resolve);
      send({ id, method: "print", params: { content } });
    });

  async function handle({ id, method, params }) {
    try {
      // Created on the first request: loading the WebAssembly module takes a moment, and a
      // bad schema or URL then fails as an answer to that request.
      bridge ??= await createBridge(args);
      const result = await bridge.call(method, params, askToPrint);
      send({ id, result: result ?? {} });
    } catch (error) {
      log("ERROR", String(error?.message ?? error));
      send({ id, error: toRpcError(error, bridge?.errorRegistry) });
    }
  }

  // One request at a time, in order, as the native engine does; replies to our `print`
  // requests are not queued, since a request waiting for one is holding the queue.
  let queue = Promise.resolve();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (line.trim() === "") return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      pendingPrints.get(message.id)?.();
      pendingPrints.delete(message.id);
      return;
    }
    queue = queue.then(() => handle(message));
  });
  // The CLI ends stdin to stop the engine and, on Linux, sends SIGTERM straight after: close
  // the database on either, or the journal kept by applyMigrations' exclusive lock stays behind.
  const stop = async () => {
    await bridge?.dispose();
    process.exit(0);
  };
  process.once("SIGTERM", stop);
  lines.on("close", () => queue.then(stop));
}

/** `cli` subcommands: exit 0 on success; on failure a JSON error line on stderr and exit 1.
 * The CLI skips the first stderr line, so a log line always comes first. */
async function runCliCommand(args) {
  log("INFO", `Starting schema engine CLI: ${args.cliCommand}`);
  try {
    if (isPostgresUrl(args.datasource.url)) {
      await runPostgresCliCommand(args.cliCommand, args.datasource.url);
      return;
    }
    const file = sqlitePath(args.datasource.url ?? "");
    if (args.cliCommand === "can-connect-to-database") {
      if (!fs.existsSync(file)) {
        throw new UserFacingError(
          "P1003",
          `Database \`${path.basename(file)}\` does not exist at \`${file}\`.`,
        );
      }
    } else if (args.cliCommand === "create-database") {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      const connection = await new PrismaBetterSqlite3({ url: `file:${file}` }).connect();
      await connection.dispose();
    } else {
      throw new Error(`Unknown cli command: ${args.cliCommand}`);
    }
  } catch (error) {
    process.stderr.write(
      `${JSON.stringify({
        level: "ERROR",
        fields: { is_panic: false, error_code: error.code, message: error.message },
        target: "schema_engine::logger",
      })}\n`,
    );
    process.exitCode = 1;
  }
}

// Some engine failures (malformed params, for one) are thrown from the WebAssembly module's own
// callbacks rather than as a rejected call. Report them as the native engine reports a crash:
// an ERROR log line, which the CLI shows, and exit status 1.
process.on("uncaughtException", (error) => {
  log("ERROR", String(error?.message ?? error));
  process.exit(1);
});

const args = parseArgs(process.argv.slice(2));
if (args.cliCommand) await runCliCommand(args);
else await serveJsonRpc(args);
