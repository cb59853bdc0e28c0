import path from "node:path";

/** The embedded default: one SQLite file in ./data, beside the app. */
export const DEFAULT_DATABASE_URL = "file:./data/factline.db";

/**
 * DATABASE_URL as an absolute `file:` URL. Relative SQLite paths are resolved against the
 * working directory (the project root for every npm script), so the CLI, the server, the seed
 * and the tests all open the same file.
 */
export function resolveDatabaseUrl(raw: string | undefined = process.env.DATABASE_URL): string {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(
      `DATABASE_URL must be a SQLite file URL such as ${DEFAULT_DATABASE_URL} (got a URL of another scheme).`,
    );
  }
  return `file:${databaseFilePath(url)}`;
}

/** The filesystem path of a `file:` DATABASE_URL. */
export function databaseFilePath(url: string = resolveDatabaseUrl()): string {
  const withoutScheme = url.replace(/^file:(\/\/)?/, "");
  const filePath = withoutScheme.split("?")[0] ?? withoutScheme;
  return path.resolve(process.cwd(), filePath);
}
