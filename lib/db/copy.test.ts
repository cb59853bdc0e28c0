import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { CopyError, canonicalValue, readModels } from "./copy";

// The copy's reading of prisma/schema.prisma and its canonical form of a value. The copy itself
// runs against real databases in copy.postgres.test.ts.

describe("readModels", () => {
  const models = readModels();

  it("finds every model of the generated client with every scalar field", () => {
    expect(models.map((m) => m.name).sort()).toEqual(Object.values(Prisma.ModelName).sort());
    const namespace = Prisma as unknown as Record<string, Record<string, string>>;
    for (const model of models) {
      expect(model.columns.map((c) => c.name).sort(), model.name).toEqual(Object.values(namespace[`${model.name}ScalarFieldEnum`]!).sort());
      // Every key is a text id, but a story's old address is its own key.
      expect(model.primaryKey).toBe(model.name === "StoryOldSlug" ? "slug" : "id");
    }
  });

  it("puts every table after the tables its foreign keys point at", () => {
    const names = models.map((m) => m.name);
    expect(models.find((m) => m.name === "Claim")!.references.sort()).toEqual(["Claimant", "Story", "User"]);
    // A duplicate points at its original in the same table: set after the table is copied.
    expect(models.find((m) => m.name === "Claim")!.selfReferences).toEqual(["duplicateOfId"]);
    expect(models.filter((m) => m.name !== "Claim").flatMap((m) => m.selfReferences)).toEqual([]);
    for (const model of models) for (const parent of model.references) expect(names.indexOf(parent), `${model.name} after ${parent}`).toBeLessThan(names.indexOf(model.name));
  });

  it("refuses a schema it cannot copy whole", () => {
    expect(() => readModels("model A {\n  id String @id\n  data Bytes\n}\n")).toThrow(/Bytes/);
    expect(() => readModels("model A {\n  id String @id @map(\"a_id\")\n}\n")).toThrow(/@map/);
    expect(() => readModels("model A {\n  a String\n  b String\n  @@id([a, b])\n}\n")).toThrow(/@@id/);
  });
});

describe("canonicalValue", () => {
  const where = () => "T x column c";

  it("reads the same instant alike in every form the engines store it", () => {
    const iso = "2026-11-30T10:11:12.345Z";
    for (const stored of ["2026-11-30T10:11:12.345+00:00", "2026-11-30 10:11:12.345", iso, Date.parse(iso), new Date(iso)]) {
      expect(canonicalValue(stored, "DateTime", where), String(stored)).toBe(iso);
    }
    expect(canonicalValue("2026-11-30 10:11:12", "DateTime", where)).toBe("2026-11-30T10:11:12.000Z");
  });

  it("reads booleans stored as 0 and 1, and keeps nulls", () => {
    expect([1, 0, true, false].map((v) => canonicalValue(v, "Boolean", where))).toEqual([true, false, true, false]);
    expect(canonicalValue(null, "DateTime", where)).toBeNull();
  });

  it("refuses a value that is not of its column's type, naming the row", () => {
    expect(() => canonicalValue("yesterday", "DateTime", where)).toThrow(CopyError);
    expect(() => canonicalValue(2, "Boolean", where)).toThrow(/T x column c/);
    expect(() => canonicalValue(1.5, "Int", where)).toThrow(/not a Int/);
  });
});
