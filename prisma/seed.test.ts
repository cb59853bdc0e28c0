import { mkdtempSync, readdirSync, readFileSync, existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../lib/db";
import type { PrismaClient } from "../lib/generated/prisma/client";
import { isClaimantKind } from "../lib/domain/claimant-kind";
import { isRelation } from "../lib/domain/relation";
import { isSourceKind } from "../lib/domain/source-kind";
import { isClaimStatus } from "../lib/domain/status";
import { ARTICLE_PATH, seedDatabase } from "./seed";
import { claims as seedClaims } from "./seed-data/microsoft-ice";

const MIGRATIONS_DIR = path.join(import.meta.dirname, "migrations");
const ARTICLE_SOURCE_ID = "microsoft-ice-article";
const CONTRACT_CLAIM_IDS = [
  "dell-ice-microsoft-licenses-2025",
  "att-ice-network-contract-2021",
  "palantir-ice-case-management-2022",
];
const URL_PATTERN = /https?:\/\/|www\./i;

const tmpDir = mkdtempSync(path.join(os.tmpdir(), "factline-seed-"));

/** A fresh database file built from the migrations, as `prisma migrate deploy` would. */
function createMigratedDatabase(name: string): string {
  const file = path.join(tmpDir, name);
  const sqlite = new Database(file);
  for (const dir of readdirSync(MIGRATIONS_DIR).sort()) {
    const sql = path.join(MIGRATIONS_DIR, dir, "migration.sql");
    if (existsSync(sql)) sqlite.exec(readFileSync(sql, "utf8"));
  }
  sqlite.close();
  return file;
}

/** Every row of every table, in id order, to compare one run with the next. */
async function snapshot(db: PrismaClient) {
  const byId = { orderBy: { id: "asc" } } as const;
  return {
    users: await db.user.findMany(byId),
    stories: await db.story.findMany(byId),
    claimants: await db.claimant.findMany(byId),
    sources: await db.source.findMany(byId),
    claims: await db.claim.findMany(byId),
    links: await db.claimSource.findMany(byId),
    annotations: await db.annotation.findMany(byId),
    events: await db.claimEvent.findMany(byId),
  };
}

const article = readFileSync(ARTICLE_PATH, "utf8");
let db: PrismaClient;
let firstRun: { created: number };
let afterFirst: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  db = createPrismaClient(`file:${createMigratedDatabase("seed.db")}`);
  firstRun = await seedDatabase(db);
  afterFirst = await snapshot(db);
});

afterAll(async () => {
  await db?.$disconnect();
  rmSync(tmpDir, { recursive: true, force: true });
});

describe("seedDatabase", () => {
  it("creates the story's 12 claims, all published, in one story", () => {
    expect(afterFirst.claims.map((c) => c.id).sort()).toEqual(seedClaims.map((c) => c.id).sort());
    expect(afterFirst.claims).toHaveLength(12);
    expect(afterFirst.stories).toHaveLength(1);
    for (const claim of afterFirst.claims) {
      expect(claim.publishedAt).not.toBeNull();
      expect(claim.storyId).toBe("microsoft-ice-surveillance");
    }
  });

  it("links every claim to the article, with its text captured, and contract claims to their record", () => {
    const articleSource = afterFirst.sources.find((s) => s.id === ARTICLE_SOURCE_ID);
    expect(articleSource?.capturedText).toBe(article);
    expect(articleSource?.publisher).toBeNull();

    for (const claim of afterFirst.claims) {
      const links = afterFirst.links.filter((l) => l.claimId === claim.id);
      expect(links.some((l) => l.sourceId === ARTICLE_SOURCE_ID && l.relation === "appears-in")).toBe(true);
    }
    for (const claimId of CONTRACT_CLAIM_IDS) {
      const context = afterFirst.links.filter((l) => l.claimId === claimId && l.relation === "context");
      expect(context).toHaveLength(1);
      const record = afterFirst.sources.find((s) => s.id === context[0]?.sourceId);
      expect(record?.kind).toBe("contract-record");
      expect(record?.capturedText).toBeNull();
    }
    expect(afterFirst.sources.map((s) => s.publisher)).toEqual(
      expect.arrayContaining(["Reuters", "The Guardian"]),
    );
  });

  it("records a created and a published event for every claim, by the research desk", () => {
    for (const claim of afterFirst.claims) {
      const events = afterFirst.events.filter((e) => e.claimId === claim.id);
      expect(events.map((e) => e.kind).sort()).toEqual(["created", "published"]);
      for (const event of events) expect(event.actorId).toBe("factline-research-desk");
    }
    expect(afterFirst.annotations.length).toBeGreaterThanOrEqual(3);
    expect(afterFirst.annotations.length).toBeLessThanOrEqual(5);
  });

  it("counts every row it created", () => {
    const rows = Object.values(afterFirst).reduce((sum, table) => sum + table.length, 0);
    expect(firstRun.created).toBe(rows);
  });

  it("changes nothing when run again", async () => {
    expect(await seedDatabase(db)).toEqual({ created: 0 });
    expect(await snapshot(db)).toEqual(afterFirst);
  });

  it("leaves a claim an editor has changed as the editor left it", async () => {
    const claim = afterFirst.claims[0];
    if (!claim) throw new Error("no claim seeded");
    await db.claim.update({ where: { id: claim.id }, data: { summary: "Edited by a reviewer" } });
    expect(await seedDatabase(db)).toEqual({ created: 0 });
    const after = await db.claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(after.summary).toBe("Edited by a reviewer");
  });

  it("quotes the article exactly, with prefix and suffix beside the quote", () => {
    const articleLinks = afterFirst.links.filter((l) => l.sourceId === ARTICLE_SOURCE_ID);
    expect(articleLinks).toHaveLength(12);
    for (const link of articleLinks) {
      expect(link.quote.length).toBeGreaterThan(0);
      expect(article).toContain(link.quote);
      expect(article).toContain(`${link.quotePrefix ?? ""}${link.quote}${link.quoteSuffix ?? ""}`);
    }
  });

  it("keeps summaries short and every closed-set value valid", () => {
    for (const claim of afterFirst.claims) {
      expect(claim.summary.length).toBeLessThanOrEqual(120);
      expect(isClaimStatus(claim.status), claim.status).toBe(true);
      expect(claim.statusReason.length).toBeGreaterThan(0);
    }
    for (const link of afterFirst.links) expect(isRelation(link.relation), link.relation).toBe(true);
    for (const source of afterFirst.sources) expect(isSourceKind(source.kind), source.kind).toBe(true);
    for (const claimant of afterFirst.claimants) expect(isClaimantKind(claimant.kind)).toBe(true);
  });

  it("uses readable, URL-safe ids", () => {
    for (const table of Object.values(afterFirst)) {
      for (const row of table) expect(row.id).toMatch(/^[a-z0-9-]{1,64}$/);
    }
  });

  it("holds no URL, since the article gives none", () => {
    expect(article).not.toMatch(URL_PATTERN);
    for (const source of afterFirst.sources) {
      expect(source.url).toBeNull();
      expect(source.archivedUrl).toBeNull();
    }
    for (const claimant of afterFirst.claimants) expect(claimant.url).toBeNull();
    expect(JSON.stringify(afterFirst)).not.toMatch(URL_PATTERN);
  });

  it("rates ICE's refusal not checkable and keeps the contract figures unverified pending the award record", () => {
    const byId = new Map(afterFirst.claims.map((c) => [c.id, c]));
    expect(byId.get("ice-declines-to-comment-on-tools")?.status).toBe("not-checkable");
    for (const id of CONTRACT_CLAIM_IDS) {
      expect(byId.get(id)?.status).toBe("unverified");
      expect(byId.get(id)?.statusReason).toMatch(/federal award record/);
    }
  });

  it("says 'tripled' only in the Azure claim, so a search for it finds that claim first", () => {
    const words = (id: string) => [
      ...afterFirst.claims.filter((c) => c.id === id).flatMap((c) => [c.text, c.summary]),
      ...afterFirst.links.filter((l) => l.claimId === id).map((l) => l.quote),
    ];
    for (const claim of afterFirst.claims) {
      const mentions = words(claim.id).some((w) => /tripled/i.test(w));
      expect(mentions, claim.id).toBe(claim.id === "ice-tripled-azure-data");
    }
    expect(afterFirst.claims.find((c) => c.id === "ice-tripled-azure-data")?.summary).toMatch(/tripled/);
  });

  it("writes nothing when any part of the seed fails", async () => {
    const file = createMigratedDatabase("failing.db");
    const sqlite = new Database(file);
    // Fails the run near its end, after the story, sources and several claims are written.
    sqlite.exec(
      `CREATE TRIGGER fail_seed BEFORE INSERT ON "Annotation" WHEN NEW."id" = 'note-att-potential-value'
       BEGIN SELECT RAISE(ABORT, 'seed failure for the test'); END;`,
    );
    sqlite.close();

    const failing = createPrismaClient(`file:${file}`);
    try {
      await expect(seedDatabase(failing)).rejects.toThrow();
      const rows = Object.values(await snapshot(failing)).reduce((sum, t) => sum + t.length, 0);
      expect(rows).toBe(0);
    } finally {
      await failing.$disconnect();
    }
  });
});
