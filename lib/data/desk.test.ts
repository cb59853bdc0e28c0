import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlitePlan, type IndexStatistics } from "@/lib/testing/sqlite-plan";
import { createTestDatabase } from "@/lib/testing/test-database";

// lib/db opens DATABASE_URL when first imported: point it at a fresh, seeded file first.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db, dbEngine } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { claimantsStamp, deskPageIdsSql, DESK_STORIES_LIMIT, getSourceFinderStamp, guessStoryForSource, LINK_MENU_SOURCES, listDeskStories, listNeedsReview, listQueue, listDeskSources, listSourcesToLink, listAllStories } = await import("./desk");
const { updateClaimant } = await import("@/lib/operations/claimants");
const { updateSource } = await import("@/lib/operations/sources");
const { sourceFormSchema } = await import("@/lib/validation/source");
const { decodeCursor, encodeCursor, keysetCursorParam } = await import("@/lib/cursor");

let reviewer = "";

beforeAll(async () => {
  await seedDatabase(db);
  reviewer = (await db.user.create({ data: { name: "Rita", email: "rita@example.org", role: "reviewer" } })).id;
  const story = await db.story.findFirstOrThrow({ select: { id: true } });
  const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
  // Eleven claims recorded in the same millisecond, the keyset's hardest case, and four later;
  // every other one assigned to the reviewer; two already rated, which no list holds.
  const same = new Date("2026-03-01T09:00:00.000Z");
  for (let i = 0; i < 17; i++) {
    await db.claim.create({
      data: {
        id: `desk-${String(i).padStart(2, "0")}`,
        text: `Desk claim ${i}`,
        summary: `Desk claim ${i}`,
        claimantId: claimant.id,
        storyId: story.id,
        createdAt: i < 11 ? same : new Date(same.getTime() + i * 1000),
        status: i >= 15 ? "accurate" : i % 3 === 0 ? "in-review" : "unverified",
        assigneeId: i % 2 === 0 ? reviewer : null,
      },
    });
  }
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

type Lister = (after: ReturnType<typeof decodeCursor>) => ReturnType<typeof listNeedsReview>;

/** Every page of a list, followed by its `next` cursors. */
async function allPages(list: Lister) {
  const pages = [];
  let after: ReturnType<typeof decodeCursor> = null;
  for (;;) {
    const page = await list(after);
    pages.push(page);
    if (!page.next) return pages;
    after = decodeCursor(page.next);
    expect(after, "a next cursor decodes").not.toBeNull();
  }
}

describe("desk lists", () => {
  it("hold every claim that needs review once, oldest first, page after page, with how many in all", async () => {
    const everything = await listNeedsReview({ after: null, limit: 1000 });
    const expected = await db.claim.findMany({ where: { status: { in: ["unverified", "in-review"] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(everything.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(everything).toMatchObject({ total: expected.length, before: 0, next: null });

    const pages = await allPages((after) => listNeedsReview({ after, limit: 4 }));
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected.map((r) => r.id));
    expect(pages.map((p) => p.before)).toEqual(pages.map((_, i) => i * 4));
    expect(pages.every((p) => p.total === expected.length)).toBe(true);
    expect(pages.at(-1)!.rows.length).toBeGreaterThan(0);
    expect(pages.slice(0, -1).every((p) => p.rows.length === 4)).toBe(true);
  });

  it("keep their place when a claim on an earlier page is rated meanwhile", async () => {
    const first = await listNeedsReview({ after: null, limit: 5 });
    await db.claim.update({ where: { id: first.rows[0]!.id }, data: { status: "false" } });
    const second = await listNeedsReview({ after: decodeCursor(first.next!), limit: 5 });
    const expected = await db.claim.findMany({ where: { status: { in: ["unverified", "in-review"] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    // The page after the fifth claim starts with the sixth, as before the rating.
    const fifth = expected.findIndex((r) => r.id === first.rows[4]!.id);
    expect(second.rows.map((r) => r.id)).toEqual(expected.slice(fifth + 1, fifth + 6).map((r) => r.id));
    await db.claim.update({ where: { id: first.rows[0]!.id }, data: { status: "unverified" } });
  });

  it("count the claims before a page afresh, whatever the link says", async () => {
    const first = await listNeedsReview({ after: null, limit: 5 });
    const forged = { ...decodeCursor(first.next!)!, n: 9_999 };
    const second = await listNeedsReview({ after: forged, limit: 5 });
    expect(second.before).toBe(5);
    // A claim on the first page rated since: the second page now starts at the fifth claim left.
    await db.claim.update({ where: { id: first.rows[0]!.id }, data: { status: "false" } });
    expect((await listNeedsReview({ after: forged, limit: 5 })).before).toBe(4);
    await db.claim.update({ where: { id: first.rows[0]!.id }, data: { status: "unverified" } });
  });

  it("read a cursor from another list as a place in this one, holding only this list's claims", async () => {
    const needsReview = await listNeedsReview({ after: null, limit: 3 });
    const after = decodeCursor(needsReview.next!);
    const queue = await listQueue(reviewer, { after, limit: 100 });
    const assigned = await db.claim.findMany({ where: { assigneeId: reviewer, status: { in: ["unverified", "in-review"] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, createdAt: true } });
    const third = needsReview.rows[2]!;
    const expected = assigned.filter((r) => r.createdAt > third.createdAt || (r.createdAt.getTime() === third.createdAt.getTime() && r.id > third.id));
    expect(queue.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    expect(queue.before).toBe(assigned.length - expected.length);
  });

  it("give a reviewer's queue only the claims assigned to them, paged the same way", async () => {
    const expected = await db.claim.findMany({ where: { assigneeId: reviewer, status: { in: ["unverified", "in-review"] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(expected.length).toBeGreaterThan(3);
    const pages = await allPages((after) => listQueue(reviewer, { after, limit: 3 }));
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected.map((r) => r.id));
    expect(pages[0]!.total).toBe(expected.length);
  });
});

describe("a desk list's read of a page", () => {
  // At 100,000 claims a quarter need review: read as one `status IN (…)` sorted afterwards, a
  // page of 200 cost 63-70 ms of CPU on SQLite, and a later page as much when its keyset was
  // an OR. Each status must be read along its index in the list's order, no further than the
  // page. On SQLite, with no statistics and with those ANALYZE would keep for a newsroom's
  // 100,000 claims (eight statuses, ten reviewers and most claims assigned to nobody: averages
  // per distinct value, as sqlite_stat1 holds them); on PostgreSQL, as it plans a large table.
  const largeTable: IndexStatistics = [
    ["Claim", "Claim_assigneeId_status_publishedAt_idx", "100000 9091 1136 2"],
    ["Claim", "Claim_assigneeId_status_createdAt_id_idx", "100000 9091 1136 1 1"],
    ["Claim", "Claim_createdAt_id_idx", "100000 1 1"],
    ["Claim", "Claim_status_createdAt_id_idx", "100000 12500 1 1"],
    ["Claim", "Claim_status_publishedAt_idx", "100000 12500 3"],
    ["Claim", "Claim_publishedAt_id_idx", "100000 2 1"],
    ["Claim", "sqlite_autoindex_Claim_1", "100000 1"],
  ];
  async function postgresPlan(sql: Prisma.Sql): Promise<string[]> {
    // A table of a few dozen rows is read whole; a large one is not, which this stands for.
    const [, plan] = await db.$transaction([db.$executeRawUnsafe("SET LOCAL enable_seqscan = off"), db.$queryRaw<{ "QUERY PLAN": string }[]>(Prisma.sql`EXPLAIN ${sql}`)]);
    return plan.map((step) => step["QUERY PLAN"].trim().replace(/^->\s*/, ""));
  }

  it.each([
    ["everyone's list", null, "Claim_status_createdAt_id_idx", "status=?"],
    ["a reviewer's queue", "someone", "Claim_assigneeId_status_createdAt_id_idx", "assigneeId=? AND status=?"],
  ])("walks the index of %s for each status, first page and later ones", async (_name, assignee, index, equal) => {
    for (const after of [null, { createdAt: new Date("2026-03-01T09:00:00.000Z"), id: "desk-03" }]) {
      const sql = deskPageIdsSql(assignee, after, 201);
      const plans = dbEngine === "sqlite" ? [await sqlitePlan(db, sql, []), await sqlitePlan(db, sql, largeTable)] : [await postgresPlan(sql)];
      for (const steps of plans) {
        const context = `${after ? "a later" : "the first"} page, plan ${plans.indexOf(steps) + 1}:\n${steps.join("\n")}`;
        if (dbEngine === "sqlite") {
          const walk = (step: string) => step.startsWith(`SEARCH Claim USING COVERING INDEX ${index} (${equal}`);
          expect(steps.filter(walk), context).toHaveLength(2);
          expect(steps.filter((step) => (/^(SCAN|SEARCH) Claim /.test(step) && !walk(step)) || step.startsWith("MULTI-INDEX")), context).toEqual([]);
        } else {
          const walk = (step: string) => new RegExp(`^Index (Only )?Scan using "?${index}"? on "?Claim"?`).test(step);
          expect(steps.filter(walk), context).toHaveLength(2);
          expect(steps.filter((step) => /Bitmap|Seq Scan/.test(step) || (/Scan/.test(step) && /on "?Claim"?/.test(step) && !walk(step))), context).toEqual([]);
        }
      }
    }
  });
});

describe("a desk list's cursor parameter", () => {
  it("is the first page when absent, a keyset cursor of ours, or refused", () => {
    expect(keysetCursorParam(undefined)).toEqual({ ok: true, after: null });
    expect(keysetCursorParam("")).toEqual({ ok: true, after: null });
    const cursor = { n: 200, p: "2026-03-01T09:00:00.000Z", id: "desk-03" };
    expect(keysetCursorParam(encodeCursor(cursor))).toEqual({ ok: true, after: cursor });
    expect(keysetCursorParam("not-a-cursor!")).toEqual({ ok: false });
    expect(keysetCursorParam(encodeCursor({ n: 20 }))).toEqual({ ok: false }); // a search page's cursor
    expect(keysetCursorParam([encodeCursor(cursor), encodeCursor(cursor)])).toEqual({ ok: false });
  });
});

describe("the desk's sources", () => {
  it("lists the newest first, finds by title or publisher in any case, and counts each claim citing a source once", async () => {
    const claim = await db.claim.findFirstOrThrow({ where: { id: { startsWith: "desk-" } }, select: { id: true } });
    const source = await db.source.create({ data: { title: "Harbour report", publisher: "Port Authority", kind: "primary-document", createdAt: new Date("2030-01-01T00:00:00Z") } });
    // One claim linking it twice, with two relations, is one claim citing it.
    for (const relation of ["supports", "context"]) await db.claimSource.create({ data: { claimId: claim.id, sourceId: source.id, relation, quote: "x" } });
    const all = await listDeskSources("");
    expect(all.rows[0]).toMatchObject({ id: source.id, claimCount: 1, hasCapturedText: false });
    expect(all.total).toBe(all.rows.length);
    expect(all.rows.find((r) => r.title.startsWith("The Guardian"))!.claimCount).toBeGreaterThan(0);
    expect((await listDeskSources("port authority")).rows.map((r) => r.id)).toEqual([source.id]);
    expect((await listDeskSources("HARBOUR")).rows.map((r) => r.id)).toEqual([source.id]);
    expect(await listDeskSources("no such words")).toEqual({ rows: [], total: 0 });
  });

  it("finds the characters typed, with % and _ as plain characters, not wildcards", async () => {
    const percent = await db.source.create({ data: { title: "Rents up 50% in a year", kind: "news-report", capturedText: "Rents rose by half." } });
    const underscore = await db.source.create({ data: { title: "File budget_2026.pdf", kind: "primary-document" } });
    await db.source.create({ data: { title: "Rents up 50 points, budget 2026", kind: "news-report" } });
    expect((await listDeskSources("50%")).rows).toMatchObject([{ id: percent.id, hasCapturedText: true }]);
    expect((await listDeskSources("budget_2026")).rows).toMatchObject([{ id: underscore.id, hasCapturedText: false }]);
    expect((await listDeskSources("BUDGET_")).rows.map((r) => r.id)).toEqual([underscore.id]);
    expect(await listDeskSources("%")).toMatchObject({ rows: [{ id: percent.id }], total: 1 });
  });

  it("finds a title with capitals outside A-Z when typed as it is written", async () => {
    const source = await db.source.create({ data: { title: "Öresund Bridge toll report", publisher: "Øresundsbro Konsortiet", kind: "primary-document" } });
    expect((await listDeskSources("Öresund Bridge")).rows.map((r) => r.id)).toEqual([source.id]);
    expect((await listDeskSources("Øresundsbro")).rows.map((r) => r.id)).toEqual([source.id]);
  });
});

describe("the workspace's \"Link a source\" menu", () => {
  it("holds the story's cited sources and the newest, the source named, or what a search finds, never every source", async () => {
    const story = await db.story.create({ data: { slug: "harbour-dredging", title: "Harbour dredging" } });
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const claim = await db.claim.create({ data: { text: "The harbour was dredged.", summary: "Dredged", claimantId: claimant.id, storyId: story.id } });
    // An old source this story cites, and more new ones than the menu holds.
    const ledger = await db.source.create({ data: { title: "Dredging ledger", publisher: "Harbour Archive", kind: "primary-document", createdAt: new Date("2001-01-01T00:00:00Z") } });
    await db.claimSource.create({ data: { claimId: claim.id, sourceId: ledger.id, relation: "context" } });
    const bulk = [];
    for (let i = 0; i < LINK_MENU_SOURCES + 5; i++) {
      bulk.push(await db.source.create({ data: { title: `Tide table ${String(i).padStart(2, "0")}`, kind: "news-report", createdAt: new Date(Date.UTC(2040, 0, 1, 0, i)) } }));
    }
    const total = await db.source.count();
    const titles = (options: { title: string }[]) => options.map((o) => o.title);

    const usual = await listSourcesToLink(story.id, "", null);
    expect(usual).toMatchObject({ query: "", matched: null, total });
    expect(titles(usual.options)).toEqual([...titles(usual.options)].sort((a, b) => a.localeCompare(b, "en")));
    expect(titles(usual.options)).toContain("Dredging ledger");
    expect(usual.options.map((o) => o.id)).toEqual(expect.arrayContaining(bulk.slice(5).map((b) => b.id)));
    expect(usual.options.map((o) => o.id)).not.toContain(bulk[0]!.id);
    expect(usual.options).toHaveLength(LINK_MENU_SOURCES + 1);
    expect(total).toBeGreaterThan(usual.options.length);

    // Named by the address (as after "Add a new source"), an old one is offered too.
    expect((await listSourcesToLink(story.id, "", bulk[0]!.id)).options.map((o) => o.id)).toContain(bulk[0]!.id);

    // A search: the newest of what matches, and how many match in all.
    const tides = await listSourcesToLink(story.id, "  TIDE table ", null);
    expect(tides).toMatchObject({ query: "TIDE table", matched: LINK_MENU_SOURCES + 5 });
    expect(tides.options.map((o) => o.id).sort()).toEqual(bulk.slice(5).map((b) => b.id).sort());
    const archive = await listSourcesToLink(story.id, "harbour archive", null);
    expect(archive).toMatchObject({ matched: 1, options: [{ id: ledger.id, title: "Dredging ledger" }] });
    // The source named by the address is in the usual menu, not among what a search finds.
    expect((await listSourcesToLink(story.id, "harbour archive", bulk[0]!.id)).options.map((o) => o.id)).toEqual([ledger.id]);
    // Nothing found: the usual menu, and the count says so.
    const none = await listSourcesToLink(story.id, "no such words", null);
    expect(none).toMatchObject({ matched: 0, options: usual.options });
    // From a hand-made address: words no title can hold, an id not of ours (PostgreSQL refuses a NUL).
    expect(await listSourcesToLink(story.id, "tide\u0000table", "x\u0000y")).toMatchObject({ matched: 0, options: usual.options });
    expect(await listDeskSources("tide\u0000")).toEqual({ rows: [], total: 0 });
  });
});

describe("what says whether the claim finder's kept candidates still stand", () => {
  it("changes the claimants' stamp when one is added, renamed or removed", async () => {
    const actor = { id: reviewer, name: "Rita", email: "rita@example.org", role: "reviewer" } as never;
    const before = await claimantsStamp();
    const added = await db.claimant.create({ data: { name: "Harbour board", kind: "organization" } });
    const afterAdd = await claimantsStamp();
    expect(afterAdd).not.toBe(before);
    await updateClaimant(actor, added.id, { name: "The harbour board", kind: "organization", url: null, description: "", version: 1 });
    const afterRename = await claimantsStamp();
    expect(afterRename).not.toBe(afterAdd);
    await db.claimant.delete({ where: { id: added.id } });
    expect(await claimantsStamp()).not.toBe(afterRename);
    expect(await claimantsStamp()).toBe(await claimantsStamp());
  });

  it("changes the source's stamp when its text is edited", async () => {
    const actor = { id: reviewer, name: "Rita", email: "rita@example.org", role: "reviewer" } as never;
    const source = await db.source.create({ data: { title: "Finder stamp", kind: "news-report", capturedText: "Spending rose by 5 percent." } });
    const before = (await getSourceFinderStamp(source.id))!;
    const input = sourceFormSchema.parse({ title: "Finder stamp", publisher: "", author: "", url: "", kind: "news-report", publishedAt: "", archivedUrl: "", description: "", capturedText: "Spending rose by 9 percent." });
    await updateSource(actor, source.id, { ...input, version: before.version });
    const after = (await getSourceFinderStamp(source.id))!;
    expect(after.version).toBe(before.version + 1);
    expect(after.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(await getSourceFinderStamp("no-such-source")).toBeNull();
  });
});

describe("the story a claim from a source is guessed to belong to", () => {
  it("is the story of the claim most recently linked to the source, never an archived one, and none for a source no claim cites", async () => {
    const source = await db.source.create({ data: { title: "Story guess source", kind: "news-report" } });
    expect(await guessStoryForSource(source.id)).toBeNull();
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const [first, second] = await Promise.all(["Story guess one", "Story guess two"].map((title, i) => db.story.create({ data: { title, slug: `story-guess-${i}` } })));
    const claimIn = (storyId: string, n: number) => db.claim.create({ data: { text: `Guess ${n}`, summary: `Guess ${n}`, claimantId: claimant.id, storyId } });
    const link = async (claimId: string, at: string) => db.claimSource.create({ data: { claimId, sourceId: source.id, relation: "appears-in", quote: "", createdAt: new Date(at) } });
    await link((await claimIn(first!.id, 1)).id, "2026-01-01T00:00:00Z");
    expect(await guessStoryForSource(source.id)).toBe(first!.id);
    await link((await claimIn(second!.id, 2)).id, "2026-02-01T00:00:00Z");
    expect(await guessStoryForSource(source.id)).toBe(second!.id);
    await db.story.update({ where: { id: second!.id }, data: { archivedAt: new Date() } });
    expect(await guessStoryForSource(source.id)).toBe(first!.id);
  });
});

// Last in this file: the stories it adds would change what the tests above expect of the seed's.
describe("the desk's stories", () => {
  it("lists at most DESK_STORIES_LIMIT current stories, newest first, and says how many there are", async () => {
    const seedStories = await db.story.count({ where: { archivedAt: null } });
    const start = new Date("2031-01-01T00:00:00Z").getTime();
    for (let i = 0; i < DESK_STORIES_LIMIT + 5; i++) {
      await db.story.create({ data: { slug: `pier-${i}`, title: `Pier works, part ${i}`, createdAt: new Date(start + i * 60_000) } });
    }
    const { current } = await listDeskStories("");
    expect(current.total).toBe(seedStories + DESK_STORIES_LIMIT + 5);
    expect(current.rows.map((r) => r.slug)).toEqual(Array.from({ length: DESK_STORIES_LIMIT }, (_, i) => `pier-${DESK_STORIES_LIMIT + 4 - i}`));
    // Found by title or by address, in any case: the older ones too.
    expect((await listDeskStories("PART 3")).current.rows.map((r) => r.slug)).toEqual(["pier-39", "pier-38", "pier-37", "pier-36", "pier-35", "pier-34", "pier-33", "pier-32", "pier-31", "pier-30", "pier-3"]);
    expect(await listDeskStories("pier-0")).toMatchObject({ current: { rows: [{ slug: "pier-0" }], total: 1 } });
    expect(await listDeskStories("no such story")).toEqual({ current: { rows: [], total: 0 }, archived: { rows: [], total: 0 } });
    expect(await listDeskStories("pier\u0000")).toEqual({ current: { rows: [], total: 0 }, archived: { rows: [], total: 0 } });
  });

  it("counts each story's claims, drafts included, and lists the archived ones most recently archived first", async () => {
    const story = await db.story.findFirstOrThrow({ where: { claims: { some: { id: { startsWith: "desk-" } } } }, select: { id: true, slug: true } });
    const claims = await db.claim.count({ where: { storyId: story.id } });
    expect(claims).toBeGreaterThan(17);
    const seed = (await listDeskStories(story.slug)).current.rows.find((r) => r.id === story.id);
    expect(seed?.claimCount).toBe(claims);
    // And how many of them readers see, which decides whether readers see the story at all.
    expect(seed?.publishedCount).toBe(await db.claim.count({ where: { storyId: story.id, publishedAt: { not: null } } }));
    expect(seed!.publishedCount).toBeLessThan(claims);

    const first = await db.story.update({ where: { slug: "pier-1" }, data: { archivedAt: new Date("2031-06-01T00:00:00Z") }, select: { id: true } });
    const second = await db.story.update({ where: { slug: "pier-2" }, data: { archivedAt: new Date("2031-06-02T00:00:00Z") }, select: { id: true } });
    const { current, archived } = await listDeskStories("pier works");
    expect(archived).toMatchObject({ rows: [{ id: second.id, claimCount: 0, publishedCount: 0 }, { id: first.id }], total: 2 });
    expect(archived.rows[0]!.archivedAt).toEqual(new Date("2031-06-02T00:00:00Z"));
    expect(current.total).toBe(DESK_STORIES_LIMIT + 3);
    expect(current.rows.map((r) => r.id)).not.toContain(first.id);
  });

  it("finds the characters typed, with % and _ as plain characters", async () => {
    await db.story.create({ data: { slug: "rents-up-50", title: "Rents up 50% in a year" } });
    await db.story.create({ data: { slug: "rents-up-50-points", title: "Rents up 50 points" } });
    expect((await listDeskStories("50%")).current.rows.map((r) => r.slug)).toEqual(["rents-up-50"]);
    expect((await listDeskStories("rents_up")).current.total).toBe(0);
  });

  it("finds a title with capitals outside A-Z when typed as it is written, on both engines", async () => {
    // SQLite's lower() folds A-Z only: a needle lower-cased by JavaScript ("élysée") was never in it.
    await db.story.create({ data: { slug: "elysee-talks", title: "Élysée talks on Öresund tolls" } });
    expect((await listDeskStories("Élysée talks")).current.rows.map((r) => r.slug)).toEqual(["elysee-talks"]);
    // Its A-Z letters in any case; its others as written (SQLite folds no other letter).
    expect((await listDeskStories("Élysée TALKS ON Ö")).current.rows.map((r) => r.slug)).toEqual(["elysee-talks"]);
    expect((await listDeskStories("TALKS ON")).current.rows.map((r) => r.slug)).toEqual(["elysee-talks"]);
  });
});

describe("the desk's story menus", () => {
  it("add the address to a title two stories share, and mark an archived story", async () => {
    await db.story.create({ data: { slug: "budget-2026-council", title: "The budget" } });
    await db.story.create({ data: { slug: "budget-2026-state", title: "The budget", archivedAt: new Date() } });
    const menu = await listAllStories();
    const budget = menu.filter((story) => story.title.startsWith("The budget")).map((story) => story.title).sort();
    expect(budget).toEqual(["The budget (/stories/budget-2026-council)", "The budget (/stories/budget-2026-state) (archived)"]);
    // A title no other story has reads as it is.
    expect(menu.map((story) => story.title)).toContain("Microsoft denies ICE uses its technology for mass surveillance");
  });
});
