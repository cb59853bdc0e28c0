import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

// lib/db opens DATABASE_URL when first imported: point it at a fresh, empty database first.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { countClaimsByStoryAndStatus, countOpenWorkByReviewer, countPublishedPerWeek, listQuotesNotFound, measureTimeToVerdict } = await import("./insights");

// A Wednesday; with 4 weeks the period is the weeks of Monday 2025-12-22, 2025-12-29 (which
// runs into 2026), 2026-01-05 and 2026-01-12.
const now = new Date("2026-01-14T12:00:00.000Z");
const A = "insights-story-a";
const B = "insights-story-b";
const at = (iso: string) => new Date(iso);
let rita = "";
let ivan = "";

async function claim(id: string, data: { storyId?: string; createdAt: string; status: string; publishedAt?: string; assigneeId?: string }) {
  await db.claim.create({
    data: {
      id,
      text: `Claim ${id}`,
      summary: `Claim ${id}`,
      claimantId: "insights-claimant",
      storyId: data.storyId ?? A,
      status: data.status,
      statusReason: data.status === "unverified" ? "" : "Checked.",
      createdAt: at(data.createdAt),
      publishedAt: data.publishedAt ? at(data.publishedAt) : null,
      assigneeId: data.assigneeId ?? null,
    },
  });
}

async function event(claimId: string, kind: string, createdAt: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null) {
  await db.claimEvent.create({
    data: { claimId, kind, createdAt: at(createdAt), before: before ? JSON.stringify(before) : null, after: after ? JSON.stringify(after) : null },
  });
}

const link = (claimId: string, sourceId: string, quote: string, relation = "appears-in") => db.claimSource.create({ data: { id: `l-${claimId}-${sourceId}`, claimId, sourceId, relation, quote } });
const status = (from: string, to: string) => [{ status: from, statusReason: "" }, { status: to, statusReason: "Checked." }] as const;
const published = (claimId: string, when: string) => event(claimId, "published", when, { publishedAt: null }, { publishedAt: when });

beforeAll(async () => {
  await db.story.createMany({ data: [{ id: A, slug: A, title: "Harbour figures" }, { id: B, slug: B, title: "Council budget" }] });
  await db.claimant.create({ data: { id: "insights-claimant", name: "Port office", kind: "organization" } });
  rita = (await db.user.create({ data: { name: "Rita Reviewer", email: "rita.insights@example.org", role: "reviewer" } })).id;
  ivan = (await db.user.create({ data: { name: "Ivan Idle", email: "ivan.insights@example.org", role: "reviewer" } })).id;
  for (const userId of [rita, ivan]) await db.account.create({ data: { accountId: userId, providerId: "credential", userId } });

  // c1: in review, then false a day after capture; published with its verdict.
  await claim("c1", { createdAt: "2025-12-30T00:00:00.000Z", status: "false", publishedAt: "2025-12-31T12:00:00.000Z", assigneeId: rita });
  await event("c1", "status-changed", "2025-12-30T06:00:00.000Z", ...status("unverified", "in-review"));
  await event("c1", "status-changed", "2025-12-31T00:00:00.000Z", ...status("in-review", "false"));
  await published("c1", "2025-12-31T12:00:00.000Z");
  // c2: published pending, its verdict two days after capture is an update (2 January: the week of 29 December).
  await claim("c2", { createdAt: "2025-12-31T00:00:00.000Z", status: "accurate", publishedAt: "2025-12-31T00:00:00.000Z" });
  await published("c2", "2025-12-31T00:00:00.000Z");
  await event("c2", "updated", "2026-01-02T00:00:00.000Z", ...status("unverified", "accurate"));
  // c3: misleading an hour after capture, published, corrected to false, unpublished and republished.
  await claim("c3", { createdAt: "2026-01-01T00:00:00.000Z", status: "false", publishedAt: "2026-01-01T02:00:00.000Z" });
  await event("c3", "status-changed", "2026-01-01T01:00:00.000Z", ...status("unverified", "misleading"));
  await published("c3", "2026-01-01T02:00:00.000Z");
  await event("c3", "corrected", "2026-01-06T00:00:00.000Z", ...status("misleading", "false"));
  await db.correction.create({ data: { claimId: "c3", previousStatus: "misleading", newStatus: "false", note: "New figures.", createdAt: at("2026-01-06T00:00:00.000Z") } });
  await event("c3", "unpublished", "2026-01-07T00:00:00.000Z", null, { publishedAt: null });
  await published("c3", "2026-01-08T00:00:00.000Z");
  // c4: published pending, rated eight days after capture (an update).
  await claim("c4", { createdAt: "2026-01-05T00:00:00.000Z", status: "unsupported", publishedAt: "2026-01-06T00:00:00.000Z", assigneeId: rita });
  await published("c4", "2026-01-06T00:00:00.000Z");
  await event("c4", "updated", "2026-01-13T00:00:00.000Z", ...status("unverified", "unsupported"));
  // c5: rated and published before the period; corrected on the last Sunday of 2025 (the week of 22 December).
  await claim("c5", { createdAt: "2025-11-01T00:00:00.000Z", status: "accurate", publishedAt: "2025-11-06T00:00:00.000Z" });
  await event("c5", "status-changed", "2025-11-05T00:00:00.000Z", ...status("unverified", "accurate"));
  await published("c5", "2025-11-06T00:00:00.000Z");
  await db.correction.create({ data: { claimId: "c5", previousStatus: "accurate", newStatus: "accurate", note: "Reasoning revised.", createdAt: at("2025-12-28T23:59:59.000Z") } });
  // c6: "not checkable" is a rating but no verdict; a draft, so open work.
  await claim("c6", { createdAt: "2026-01-06T00:00:00.000Z", status: "not-checkable", assigneeId: rita });
  await event("c6", "status-changed", "2026-01-07T00:00:00.000Z", ...status("unverified", "not-checkable"));
  // c8: imported with its verdict (no status event): published in the week of 12 January.
  await claim("c8", { createdAt: "2026-01-13T00:00:00.000Z", status: "accurate", publishedAt: "2026-01-13T00:00:00.000Z" });
  await published("c8", "2026-01-13T00:00:00.000Z");
  // c9: captured in October, published while in review, rated false later (an update).
  await claim("c9", { createdAt: "2025-10-01T00:00:00.000Z", status: "false", publishedAt: "2026-01-05T00:00:00.000Z" });
  await published("c9", "2026-01-05T00:00:00.000Z");
  await event("c9", "updated", "2026-01-06T00:00:00.000Z", ...status("in-review", "false"));
  // Open work: a draft in Rita's queue, a published claim still in review, an unassigned rated draft.
  await claim("c10", { createdAt: "2026-01-10T00:00:00.000Z", status: "unverified", assigneeId: rita });
  await claim("c11", { createdAt: "2026-01-10T00:00:00.000Z", status: "in-review", publishedAt: "2026-01-11T00:00:00.000Z" });
  await claim("c12", { createdAt: "2026-01-10T00:00:00.000Z", status: "misleading" });
  // Story B: false twelve hours after capture.
  await claim("c7", { storyId: B, createdAt: "2026-01-06T00:00:00.000Z", status: "false" });
  await event("c7", "status-changed", "2026-01-06T12:00:00.000Z", ...status("unverified", "false"));

  await db.source.create({
    data: { id: "s1", title: "Port annual report", kind: "primary-document", capturedText: "The port handled 1.2 million containers in 2025 — a record, officials said." },
  });
  await db.source.create({ data: { id: "s2", title: "Phone call with the port", kind: "official-statement" } });
  await link("c1", "s1", "1.2 million containers");
  await link("c2", "s1", "in 2025 - a record"); // found once the dash and its spacing are forgiven
  await link("c3", "s1", "2.1 million containers");
  await link("c4", "s2", "Nobody keeps count");
  await link("c5", "s1", "", "context");
  await link("c7", "s1", "a record, officials denied");
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

describe("insights", () => {
  it("counts each story's claims by status, drafts included, the largest story first", async () => {
    const all = await countClaimsByStoryAndStatus(null);
    expect(all.map((s) => [s.title, s.total])).toEqual([["Harbour figures", 11], ["Council budget", 1]]);
    expect(all[0]!.counts).toEqual({ unverified: 1, "in-review": 1, accurate: 3, "mostly-accurate": 0, misleading: 1, false: 3, unsupported: 1, "not-checkable": 1 });
    const onlyB = await countClaimsByStoryAndStatus(B);
    expect(onlyB).toHaveLength(1);
    expect(onlyB[0]!.counts.false).toBe(1);
  });

  it("counts verdicts and corrections published in each week, across the new year, empty weeks included", async () => {
    expect(await countPublishedPerWeek({ storyId: A, weeks: 4, now })).toEqual([
      { week: "2025-12-22", verdicts: 0, corrections: 1 },
      { week: "2025-12-29", verdicts: 3, corrections: 0 },
      { week: "2026-01-05", verdicts: 1, corrections: 1 },
      { week: "2026-01-12", verdicts: 2, corrections: 0 },
    ]);
    // Story B's claim was never published; the longer period reaches back to c5's publication.
    expect((await countPublishedPerWeek({ storyId: B, weeks: 4, now })).every((w) => w.verdicts === 0 && w.corrections === 0)).toBe(true);
    const year = await countPublishedPerWeek({ storyId: null, weeks: 52, now });
    expect(year).toHaveLength(52);
    expect(year.find((w) => w.week === "2025-11-03")).toEqual({ week: "2025-11-03", verdicts: 1, corrections: 0 });
    expect(year.reduce((sum, w) => sum + w.verdicts, 0)).toBe(7);
  });

  it("measures capture to first verdict: median and 90th percentile by interpolation, and the spans", async () => {
    // Story A in the period: 1 h, 1 d, 2 d, 8 d and 97 d (c5's verdict is before it; c6 has none).
    expect(await measureTimeToVerdict({ storyId: A, weeks: 4, now })).toEqual({
      count: 5,
      medianSeconds: 172_800,
      p90Seconds: 5_304_960, // 8 d + 0.6 × (97 d − 8 d)
      buckets: [1, 2, 0, 1, 0, 1],
    });
    // With story B's 12 h: six values, the median halfway between 1 d and 2 d.
    const all = await measureTimeToVerdict({ storyId: null, weeks: 4, now });
    expect(all.count).toBe(6);
    expect(all.medianSeconds).toBe(129_600);
    expect(all.p90Seconds).toBe(4_536_000); // 8 d + 0.5 × (97 d − 8 d)
    expect(await measureTimeToVerdict({ storyId: B, weeks: 4, now: new Date("2027-06-01T00:00:00.000Z") })).toEqual({ count: 0, medianSeconds: null, p90Seconds: null, buckets: [0, 0, 0, 0, 0, 0] });
  });

  it("counts open work per colleague, one with none included, and the unassigned last", async () => {
    expect(await countOpenWorkByReviewer(A)).toEqual([
      { userId: rita, name: "Rita Reviewer", awaitingVerdict: 1, awaitingPublication: 1, total: 2 },
      { userId: ivan, name: "Ivan Idle", awaitingVerdict: 0, awaitingPublication: 0, total: 0 },
      { userId: null, name: "Unassigned", awaitingVerdict: 1, awaitingPublication: 1, total: 2 },
    ]);
    // Story B's only claim is an unassigned rated draft.
    expect((await countOpenWorkByReviewer(B)).at(-1)).toEqual({ userId: null, name: "Unassigned", awaitingVerdict: 0, awaitingPublication: 1, total: 1 });
  });

  it("lists the quotes not in their source's captured text, forgiving typography, skipping sources with none", async () => {
    expect(await listQuotesNotFound(A)).toEqual([
      { linkId: "l-c3-s1", claimId: "c3", claimSummary: "Claim c3", sourceId: "s1", sourceTitle: "Port annual report", quote: "2.1 million containers" },
    ]);
    expect((await listQuotesNotFound(null)).map((q) => q.linkId)).toEqual(["l-c3-s1", "l-c7-s1"]);
  });

  it("orders the quotes not found by source title alike on both engines, whatever the case", async () => {
    await db.source.create({ data: { id: "s3", title: "annual figures (lower case)", kind: "news-report", capturedText: "Nothing of the kind." } });
    await link("c12", "s3", "a figure nobody wrote");
    // Byte order (SQLite) would put "Port…" before "annual…"; a collation would not: neither decides.
    expect((await listQuotesNotFound(A)).map((q) => q.sourceTitle)).toEqual(["annual figures (lower case)", "Port annual report"]);
  });

  it("never counts a claim that arrived with its verdict, even once a correction changes it", async () => {
    const C = "insights-story-c";
    await db.story.create({ data: { id: C, slug: C, title: "Imported story" } });
    await claim("c13", { storyId: C, createdAt: "2026-01-05T00:00:00.000Z", status: "false", publishedAt: "2026-01-05T00:00:00.000Z" });
    await event("c13", "created", "2026-01-05T00:00:00.000Z", null, { status: "accurate" });
    await event("c13", "corrected", "2026-01-07T00:00:00.000Z", { status: "accurate" }, { status: "false" });
    expect((await measureTimeToVerdict({ storyId: C, weeks: 4, now })).count).toBe(0);
  });
});
