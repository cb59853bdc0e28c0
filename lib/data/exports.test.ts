import { parse as parseCsv } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlitePlan, type IndexStatistics } from "@/lib/testing/sqlite-plan";
import { createTestDatabase } from "@/lib/testing/test-database";

// A SQLite file, or PostgreSQL when run from exports.postgres.test.ts (the reads are raw SQL).
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.BETTER_AUTH_URL = "https://factline.example";
process.env.FACTLINE_ORG_NAME = "Test Fact Desk";

const { db, dbEngine } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { exportClaimPages, countExportClaims, explainEmptyClaimReview } = await import("./exports");
const { baseName, exportResponse } = await import("@/lib/api/exports");
const { parseExportQuery } = await import("@/lib/validation/export-query");

const STORY = "microsoft-ice-surveillance";
const DRAFT_ID = "export-test-draft";
const VERDICT_ID = "ice-tripled-azure-data";

beforeAll(async () => {
  await seedDatabase(db);
  const anyClaim = await db.claim.findUniqueOrThrow({ where: { id: VERDICT_ID }, select: { claimantId: true, storyId: true } });
  await db.claim.create({
    data: { id: DRAFT_ID, text: "Draft words", summary: "A draft nobody may see", claimantId: anyClaim.claimantId, storyId: anyClaim.storyId, claimDate: new Date("2025-03-15T00:00:00Z") },
  });
  await db.annotation.create({ data: { claimId: VERDICT_ID, authorId: (await db.user.findFirstOrThrow()).id, body: "Internal: call the press office." } });
  // A published verdict with a correction, as an editor would leave it.
  await db.claim.update({ where: { id: VERDICT_ID }, data: { status: "false", statusReason: "The award records say otherwise." } });
  await db.correction.create({ data: { claimId: VERDICT_ID, previousStatus: "unverified", newStatus: "false", note: "Rated after the records came out." } });
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

function query(text: string, kind: Parameters<typeof parseExportQuery>[1] = "editor") {
  const parsed = parseExportQuery(new URLSearchParams(text), kind);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

async function collect(text: string, pageSize = 5, kind: Parameters<typeof parseExportQuery>[1] = "editor") {
  const pages: string[][] = [];
  for await (const page of exportClaimPages(query(text, kind).filters, { origin: "https://factline.example", pageSize })) pages.push(page.map((c) => c.id));
  return pages;
}

describe("exportClaimPages", () => {
  it("reads every matching claim once, a page at a time, in a stable order", async () => {
    const pages = await collect("");
    expect(pages.every((p) => p.length <= 5)).toBe(true);
    const ids = pages.flat();
    expect(ids).toHaveLength(13);
    expect(new Set(ids).size).toBe(13);
    expect(await collect("", 100)).toEqual([ids]);
  });

  it("filters by publication, story, status, claimant and claim date", async () => {
    expect((await collect("publication=published")).flat()).not.toContain(DRAFT_ID);
    expect((await collect("", 5, "open-json")).flat()).not.toContain(DRAFT_ID);
    expect((await collect("publication=drafts")).flat()).toEqual([DRAFT_ID]);
    expect((await collect(`story=${STORY}&publication=published`)).flat()).toHaveLength(12);
    expect((await collect("story=no-such-story")).flat()).toEqual([]);
    expect((await collect("status=false")).flat()).toEqual([VERDICT_ID]);
    expect((await collect("status=false&status=not-checkable")).flat().sort()).toEqual(
      (await db.claim.findMany({ where: { status: { in: ["false", "not-checkable"] } }, select: { id: true } })).map((c) => c.id).sort(),
    );
    const claimant = await db.claim.findUniqueOrThrow({ where: { id: VERDICT_ID }, select: { claimantId: true } });
    const byClaimant = (await collect(`claimant=${claimant.claimantId}`)).flat();
    expect(byClaimant).toContain(VERDICT_ID);
    expect(byClaimant.length).toBe(await db.claim.count({ where: { claimantId: claimant.claimantId } }));
    // The draft is dated 2025-03-15: a range ending that day includes it, one ending the day before does not.
    expect((await collect("from=2025-03-15&to=2025-03-15")).flat()).toEqual([DRAFT_ID]);
    expect((await collect("from=2025-03-01&to=2025-03-14")).flat()).not.toContain(DRAFT_ID);
    expect(await countExportClaims(query("publication=drafts").filters)).toBe(1);
  });

  it("takes a claim known only to the month or year when that month or year meets the date range", async () => {
    const { claimantId } = await db.claim.findUniqueOrThrow({ where: { id: VERDICT_ID }, select: { claimantId: true } });
    const story = await db.story.create({ data: { slug: "partial-dates", title: "Partial dates" }, select: { id: true } });
    const dated = [
      { id: "dated-year-2025", claimDate: new Date("2025-01-01T00:00:00Z"), claimDatePrecision: "year" },
      { id: "dated-month-2025-06", claimDate: new Date("2025-06-01T00:00:00Z"), claimDatePrecision: "month" },
      { id: "dated-day-2025-06-15", claimDate: new Date("2025-06-15T00:00:00Z"), claimDatePrecision: "day" },
    ];
    await db.claim.createMany({ data: dated.map((claim) => ({ ...claim, text: claim.id, summary: claim.id, claimantId, storyId: story.id })) });
    const inRange = async (range: string) => (await collect(`story=${story.id}&${range}`, 100)).flat().sort();
    // Within June 2025: the day, the month, and the year that holds them.
    expect(await inRange("from=2025-06-10&to=2025-06-20")).toEqual(["dated-day-2025-06-15", "dated-month-2025-06", "dated-year-2025"]);
    // From July 2025 on: only the year reaches it.
    expect(await inRange("from=2025-07-01")).toEqual(["dated-year-2025"]);
    // Up to 1 June: the year and the month begin by then; the day does not.
    expect(await inRange("to=2025-06-01")).toEqual(["dated-month-2025-06", "dated-year-2025"]);
    expect(await inRange("from=2025-06-16&to=2025-06-30")).toEqual(["dated-month-2025-06", "dated-year-2025"]);
    expect(await inRange("from=2026-01-01")).toEqual([]);
    expect(await inRange("to=2024-12-31")).toEqual([]);
    expect(await countExportClaims(query(`story=${story.id}&from=2025-07-01`).filters)).toBe(1);
    // Gone again: the other tests count the drafts.
    await db.claim.deleteMany({ where: { storyId: story.id } });
    await db.story.delete({ where: { id: story.id } });
  });
});

describe("explainEmptyClaimReview", () => {
  it("is null when a published verdict matches, and otherwise says which claims are left out and why", async () => {
    expect(await explainEmptyClaimReview(query("").filters)).toBeNull();
    const drafts = await explainEmptyClaimReview(query("publication=drafts").filters);
    expect(drafts).toEqual({ matched: 1, claims: [{ id: DRAFT_ID, summary: "A draft nobody may see", reason: "a draft: ClaimReview is for published claims only" }] });
    const pending = await explainEmptyClaimReview(query("status=unverified&publication=published").filters, 2);
    expect(pending!.matched).toBeGreaterThan(2);
    expect(pending!.claims).toHaveLength(2);
    expect(pending!.claims[0]!.reason).toBe("rated Unverified, which is not a verdict: there is no rating to review yet");
  });
});

describe("an export's file name", () => {
  it("says whether drafts are in it and whether other filters narrowed it, so two files of one day differ", async () => {
    const day = new Date("2026-12-05T10:00:00Z");
    const story = (await db.claim.findUniqueOrThrow({ where: { id: VERDICT_ID }, select: { story: { select: { id: true, slug: true } } } })).story;
    expect(await baseName(query("publication=published"), day)).toBe("factline-claims-all-stories-2026-12-05");
    expect(await baseName(query("publication=drafts"), day)).toBe("factline-claims-all-stories-drafts-2026-12-05");
    expect(await baseName(query("publication=all"), day)).toBe("factline-claims-all-stories-with-drafts-2026-12-05");
    expect(await baseName(query(`publication=published&story=${story.id}&status=false`), day)).toBe(`factline-claims-${story.slug}-filtered-2026-12-05`);
    expect(await baseName(query("from=2025-01-01", "open-csv"), day)).toBe("factline-claims-all-stories-filtered-2026-12-05");
  });
});

describe("exportResponse", () => {
  it("open data CSV: published claims only, no notes, documented columns", async () => {
    const response = await exportResponse("csv", query("", "open-csv"), "open-data");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="factline-claims-all-stories-\d{4}-\d{2}-\d{2}\.csv"$/);
    const text = await response.text();
    expect(text.startsWith("\uFEFF")).toBe(false);
    const rows = parseCsv(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(12);
    expect(rows.map((r) => r.id)).not.toContain(DRAFT_ID);
    expect(text).not.toContain("Internal: call the press office.");
    expect(rows.find((r) => r.id === VERDICT_ID)).toMatchObject({ status: "false", url: `https://factline.example/claims/${VERDICT_ID}` });
  });

  it("editor JSON carries drafts, annotations and history; open data JSON none of them", async () => {
    const editor = JSON.parse(await (await exportResponse("json", query(""), "editor")).text()) as { claims: { id: string; annotations?: { body: string }[]; history?: unknown[] }[] };
    expect(editor.claims.map((c) => c.id)).toContain(DRAFT_ID);
    expect(editor.claims.find((c) => c.id === VERDICT_ID)!.annotations!.map((a) => a.body)).toContain("Internal: call the press office.");
    expect(editor.claims.find((c) => c.id === VERDICT_ID)!.history!.length).toBeGreaterThan(0);

    const open = await (await exportResponse("json", query("", "open-json"), "open-data")).text();
    const doc = JSON.parse(open) as { claims: { id: string }[] };
    expect(doc.claims.map((c) => c.id)).not.toContain(DRAFT_ID);
    expect(open).not.toContain("Internal: call the press office.");
    expect(open).not.toContain('"history"');
    expect(open).not.toContain("@example"); // no account e-mail addresses
  });

  it("ClaimReview: one review per published verdict, with its correction", async () => {
    const response = await exportResponse("claimreview", query("", "open-json"), "open-data");
    expect(response.headers.get("content-type")).toBe("application/ld+json; charset=utf-8");
    const doc = JSON.parse(await response.text()) as { "@context": string; "@graph": Record<string, unknown>[] };
    expect(doc["@context"]).toBe("https://schema.org");
    expect(doc["@graph"]).toHaveLength(1);
    expect(doc["@graph"][0]).toMatchObject({
      "@type": "ClaimReview",
      url: `https://factline.example/claims/${VERDICT_ID}`,
      author: { "@type": "Organization", name: "Test Fact Desk" },
      reviewRating: { alternateName: "False" },
      correction: [{ "@type": "CorrectionComment", text: "Rated after the records came out." }],
    });
  });

  it("PDF report: a PDF file of the filtered claims", async () => {
    const response = await exportResponse("pdf", query(`story=${STORY}&publication=published`), "editor");
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  });
});

describe("a large export", () => {
  it("streams 2,300 claims recorded in the same millisecond across pages, each once, with none held back", async () => {
    const story = await db.story.create({ data: { slug: "bulk", title: "Bulk" }, select: { id: true } });
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const at = new Date("2026-06-01T00:00:00Z");
    // One createdAt for all: the keyset must break ties on id or it would skip or repeat claims.
    await db.claim.createMany({
      data: Array.from({ length: 2_300 }, (_, i) => ({
        id: `bulk-${String(i).padStart(5, "0")}`,
        text: `Bulk claim ${i}, with a comma`,
        summary: i % 2 ? `=HYPERLINK("x") ${i}` : `Bulk ${i}`,
        claimantId: claimant.id,
        storyId: story.id,
        publishedAt: at,
        createdAt: at,
      })),
    });
    let pages = 0;
    for await (const page of exportClaimPages(query(`story=${story.id}`).filters, { origin: "https://factline.example" })) {
      expect(page.length).toBeLessThanOrEqual(500);
      pages++;
    }
    expect(pages).toBe(5);

    const response = await exportResponse("csv", query(`story=${story.id}`, "open-csv"), "open-data");
    // Named by the story's address, which people know, not its id.
    expect(story.id).not.toBe("bulk");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="factline-claims-bulk-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parseCsv(await response.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(2_300);
    expect(new Set(rows.map((r) => r.id)).size).toBe(2_300);
    expect(rows.find((r) => r.id === "bulk-00001")!.summary).toBe(`'=HYPERLINK("x") 1`);
  });
});

// How SQLite plans a page, at a newsroom's size: only SQLite takes its join order from the
// statement (lib/data/export-sql.ts); PostgreSQL plans the same text as it sees fit.
if (dbEngine === "sqlite") {
  describe("an export page's plan on SQLite", () => {
    // As a full ANALYZE left them on the bench's 100,000 claims, 2,000 claimants and 200 stories.
    const analyzed: IndexStatistics = [
      ["Claim", "Claim_createdAt_id_idx", "100000 1 1"],
      ["Claim", "Claim_storyId_createdAt_idx", "100000 500 1"],
      ["Claim", "Claim_storyId_publishedAt_idx", "100000 500 2"],
      ["Claim", "Claim_claimantId_publishedAt_idx", "100000 50 1"],
      ["Claim", "Claim_publishedAt_id_idx", "100000 2 1"],
      ["Claim", "Claim_status_createdAt_id_idx", "100000 12500 1 1"],
      ["Claim", "sqlite_autoindex_Claim_1", "100000 1"],
      ["Claimant", "sqlite_autoindex_Claimant_1", "2000 1"],
      ["Story", "sqlite_autoindex_Story_1", "200 1"],
    ];
    it.each([
      ["every published claim", "publication=published"],
      ["every claim", ""],
    ])("walks the claims in recording order for %s, with or without statistics, and sorts nothing", async (_name, params) => {
      const { exportPageSql } = await import("./export-sql");
      const sql = exportPageSql(query(params).filters, { createdAt: "2025-01-01T00:00:00.000+00:00", id: "x" }, 500);
      for (const stats of [[], analyzed]) {
        const steps = await sqlitePlan(db, sql, stats);
        expect(steps[0], steps.join("\n")).toMatch(/^SEARCH c USING INDEX Claim_createdAt_id_idx \(\(createdAt,id\)>\(\?,\?\)\)/);
        expect(steps.filter((step) => step.includes("TEMP B-TREE")), steps.join("\n")).toEqual([]);
      }
    });
  });
}

describe("corrections log and feed", () => {
  it("list corrections of published claims, newest first, and hide them with an unpublished claim", async () => {
    const { listCorrections, listFeedItems } = await import("./corrections");
    const later = await db.claim.findFirstOrThrow({ where: { publishedAt: { not: null }, id: { not: VERDICT_ID } }, select: { id: true } });
    await db.correction.create({ data: { claimId: later.id, previousStatus: "accurate", newStatus: "misleading", note: "Second thoughts.", createdAt: new Date(Date.now() + 1_000) } });

    const log = await listCorrections({ cursor: null });
    expect(log.items.map((c) => c.note)).toEqual(["Second thoughts.", "Rated after the records came out."]);
    const paged = await listCorrections({ cursor: null, limit: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.nextCursor).not.toBeNull();

    const feed = await listFeedItems();
    expect(feed.filter((i) => i.kind === "correction").map((i) => i.claim.id)).toEqual([later.id, VERDICT_ID]);
    // Only claims published with a verdict are announced: the seed's unverified claims are not.
    expect(feed.filter((i) => i.kind === "verdict").map((i) => i.claim.id)).toEqual([VERDICT_ID]);

    await db.claim.update({ where: { id: later.id }, data: { publishedAt: null } });
    expect((await listCorrections({ cursor: null })).items.map((c) => c.claim.id)).toEqual([VERDICT_ID]);
    expect((await listFeedItems()).map((i) => i.claim.id)).not.toContain(later.id);
  });
});
