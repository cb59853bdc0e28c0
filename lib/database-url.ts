import path from "node:path";

/** The embedded default: one SQLite file in ./data, beside the app. */
export const DEFAULT_DATABASE_URL = "file:./data/factline.db";

/** The database engines Factline runs on, told apart by DATABASE_URL's scheme. */
export type DatabaseEngine = "sqlite" | "postgresql";

const POSTGRES_SCHEME = /^postgres(?:ql)?:\/\//i;

function rawUrl(raw: string | undefined): string {
  return raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
}

/** The engine DATABASE_URL names: `file:` is SQLite, `postgresql://` or `postgres://` PostgreSQL. */
export function databaseEngine(raw: string | undefined = process.env.DATABASE_URL): DatabaseEngine {
  const url = rawUrl(raw);
  if (url.startsWith("file:")) return "sqlite";
  if (POSTGRES_SCHEME.test(url)) return "postgresql";
  throw new Error(
    `DATABASE_URL must be a SQLite file URL such as ${DEFAULT_DATABASE_URL} or a PostgreSQL URL such as postgresql://user:password@host:5432/factline (got a URL of another scheme).`,
  );
}

/**
 * DATABASE_URL, checked. A SQLite URL becomes an absolute `file:` URL: relative paths are
 * resolved against the working directory (the project root for every npm script), so the CLI,
 * the server, the seed and the tests all open the same file. A PostgreSQL URL is kept as given,
 * with `postgres://` spelled `postgresql://` (both mean the same to Prisma and node-postgres).
 */
export function resolveDatabaseUrl(raw: string | undefined = process.env.DATABASE_URL): string {
  const url = rawUrl(raw);
  if (databaseEngine(url) === "postgresql") return url.replace(POSTGRES_SCHEME, "postgresql://");
  return `file:${databaseFilePath(url)}`;
}

/** The filesystem path of a `file:` DATABASE_URL. */
export function databaseFilePath(url: string = resolveDatabaseUrl()): string {
  if (!url.startsWith("file:")) {
    throw new Error("This works on the embedded SQLite database only (DATABASE_URL=file:…); on PostgreSQL use its own tools (pg_dump, pg_restore).");
  }
  const withoutScheme = url.replace(/^file:(\/\/)?/, "");
  const filePath = withoutScheme.split("?")[0] ?? withoutScheme;
  return path.resolve(process.cwd(), filePath);
}

/**
 * The folder for files the installation keeps beside its data (the generated auth secret): the
 * SQLite file's folder, or ./data when the data is in PostgreSQL.
 */
export function localDataDir(raw: string | undefined = process.env.DATABASE_URL): string {
  const url = resolveDatabaseUrl(raw);
  return path.dirname(databaseEngine(url) === "sqlite" ? databaseFilePath(url) : databaseFilePath(DEFAULT_DATABASE_URL));
}

/** Where the data is, for messages: the file, or the server and database without credentials. */
export function describeDatabase(url: string): string {
  if (databaseEngine(url) === "sqlite") return databaseFilePath(resolveDatabaseUrl(url));
  const { hostname, port, pathname } = new URL(url);
  return `PostgreSQL database ${decodeURIComponent(pathname.slice(1))} at ${hostname || "localhost"}:${port || 5432}`;
}
