import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, postgresSchema } from "./db-schemas";

const sqlite = fs.readFileSync(SQLITE_SCHEMA, "utf8");

describe("prisma/postgres/schema.prisma", () => {
  it("is exactly what `npm run db:schemas` makes of prisma/schema.prisma (run it after a model change)", () => {
    expect(fs.readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchema(sqlite));
  });

  it("has the same models, with the postgresql provider and its own client", () => {
    const generated = postgresSchema(sqlite);
    const models = (schema: string) => [...schema.matchAll(/^(?:model|enum) \w+ \{[\s\S]*?^\}/gm)].map((match) => match[0]);
    expect(models(sqlite).length).toBeGreaterThan(10);
    expect(models(generated)).toEqual(models(sqlite));
    expect(generated).toMatch(/provider = "postgresql"/);
    expect(generated).not.toMatch(/provider = "sqlite"/);
    expect(generated).toContain('output       = "../../lib/generated/prisma-postgres"');
  });

  it("follows a model change: a new column appears in the generated schema", () => {
    const changed = sqlite.replace(/(model Annotation \{\n)/, "$1  isPublic  Boolean  @default(false)\n");
    expect(changed).not.toBe(sqlite);
    expect(postgresSchema(changed)).toContain("isPublic  Boolean  @default(false)");
  });

  it("refuses a schema whose header it does not know, or native column types", () => {
    expect(() => postgresSchema(sqlite.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/generator and datasource/);
    expect(() => postgresSchema(sqlite.replace("  body      String\n", "  body      String @db.Text\n"))).toThrow(/native types/);
  });
});
