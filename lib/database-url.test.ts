import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseEngine, databaseFilePath, localDataDir, resolveDatabaseUrl } from "./database-url";

describe("DATABASE_URL", () => {
  it("defaults to the embedded file in ./data", () => {
    expect(resolveDatabaseUrl(undefined)).toBe(`file:${path.resolve("data/factline.db")}`);
    expect(resolveDatabaseUrl("  ")).toBe(resolveDatabaseUrl(DEFAULT_DATABASE_URL));
    expect(databaseEngine(undefined)).toBe("sqlite");
  });

  it("resolves relative and absolute file URLs to one absolute path", () => {
    expect(databaseFilePath("file:./x/y.db")).toBe(path.resolve("x/y.db"));
    expect(databaseFilePath("file:/tmp/a.db")).toBe("/tmp/a.db");
    expect(databaseFilePath("file:///tmp/b.db")).toBe("/tmp/b.db");
    expect(databaseFilePath("file:/tmp/c.db?mode=rw")).toBe("/tmp/c.db");
  });

  it("accepts postgresql:// and postgres:// URLs as PostgreSQL, kept as given", () => {
    const url = "postgresql://factline:s3cret@db.internal:5433/factline?sslmode=require";
    expect(databaseEngine(url)).toBe("postgresql");
    expect(resolveDatabaseUrl(url)).toBe(url);
    expect(databaseEngine("postgres://localhost/factline")).toBe("postgresql");
    expect(resolveDatabaseUrl(" postgres://localhost/factline ")).toBe("postgresql://localhost/factline");
    expect(databaseEngine("file:./data/x.db")).toBe("sqlite");
  });

  it("refuses a URL for another kind of database with a clear message", () => {
    for (const url of ["mysql://localhost/factline", "./data/factline.db", "postgresql:/localhost", "libsql://x"]) {
      expect(() => resolveDatabaseUrl(url), url).toThrow(/SQLite file URL .* or a PostgreSQL URL/);
    }
  });

  it("has no file path for a PostgreSQL database, and keeps local files in ./data", () => {
    expect(() => databaseFilePath("postgresql://localhost/factline")).toThrow(/SQLite database only/);
    expect(localDataDir("postgresql://localhost/factline")).toBe(path.resolve("data"));
    expect(localDataDir("file:/tmp/elsewhere/f.db")).toBe("/tmp/elsewhere");
  });
});
