import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseFilePath, resolveDatabaseUrl } from "./database-url";

describe("DATABASE_URL", () => {
  it("defaults to the embedded file in ./data", () => {
    expect(resolveDatabaseUrl(undefined)).toBe(`file:${path.resolve("data/factline.db")}`);
    expect(resolveDatabaseUrl("  ")).toBe(resolveDatabaseUrl(DEFAULT_DATABASE_URL));
  });

  it("resolves relative and absolute file URLs to one absolute path", () => {
    expect(databaseFilePath("file:./x/y.db")).toBe(path.resolve("x/y.db"));
    expect(databaseFilePath("file:/tmp/a.db")).toBe("/tmp/a.db");
    expect(databaseFilePath("file:///tmp/b.db")).toBe("/tmp/b.db");
    expect(databaseFilePath("file:/tmp/c.db?mode=rw")).toBe("/tmp/c.db");
  });

  it("refuses a URL for another kind of database with a clear message", () => {
    expect(() => resolveDatabaseUrl("postgresql://localhost/factline")).toThrow(/SQLite file URL/);
  });
});
