import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claimFormValues, sourceFormValues } from "./form-values";

const root = path.resolve(import.meta.dirname, "..", "..");
const fieldNames = (file: string) => new Set([...fs.readFileSync(path.join(root, file), "utf8").matchAll(/name="([A-Za-z]+)"/g)].map((m) => m[1]));

describe("sourceFormValues", () => {
  const row = {
    title: "ICE data on Azure",
    publisher: null,
    author: null,
    url: null,
    kind: "report",
    publishedAt: new Date("2025-09-01T00:00:00Z"),
    publishedAtPrecision: "month",
    archivedUrl: null,
    description: "",
    capturedText: null,
  };

  it("shows a missing value as an empty field and a date to its precision", () => {
    expect(sourceFormValues(row)).toEqual({
      title: "ICE data on Azure",
      publisher: "",
      author: "",
      url: "",
      kind: "report",
      publishedAt: "2025-09",
      archivedUrl: "",
      description: "",
      capturedText: "",
    });
  });

  it("names only fields the source form has, so a refused form is refilled in every one", () => {
    const names = fieldNames("components/desk/source-form.tsx");
    for (const key of Object.keys(sourceFormValues(row))) expect(names, key).toContain(key);
  });
});

describe("claimFormValues", () => {
  const row = {
    text: "Our terms forbid mass surveillance of civilians.",
    summary: "Microsoft's terms forbid mass surveillance",
    claimantId: "c1",
    storyId: "s1",
    claimDate: null,
    claimDatePrecision: "day",
  };

  it("shows an undated claim with an empty date, and a year-precision date as its year", () => {
    expect(claimFormValues(row).claimDate).toBe("");
    expect(claimFormValues({ ...row, claimDate: new Date("2025-01-01T00:00:00Z"), claimDatePrecision: "year" }).claimDate).toBe("2025");
  });

  it("names only fields the claim form has", () => {
    const names = fieldNames("components/desk/claim-form.tsx");
    for (const key of Object.keys(claimFormValues(row))) expect(names, key).toContain(key);
  });
});
