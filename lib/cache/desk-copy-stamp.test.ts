import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

// What names a desk page's copy (ADR 041): a change to anything the page shows must give a new
// stamp, or a person would be served a copy of the page as it was.
const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { auth } = await import("@/lib/auth");
const { seedDatabase } = await import("@/prisma/seed");
const { createAccount } = await import("@/lib/accounts");
const { deskCopyFor, deskCopyNonce, finderStamp, storiesStamp } = await import("@/lib/cache/desk-copy-stamp");
const links = await import("@/lib/operations/links");
const stories = await import("@/lib/operations/stories");
const claimants = await import("@/lib/operations/claimants");

const SOURCE = "microsoft-ice-article";
const PASSWORD = "lantern quiet ferns harbour";
const editor = { id: "", name: "Stamp Editor", email: "stamp-editor@example.org", role: "editor" as const };

beforeAll(async () => {
  await seedDatabase(db);
  editor.id = (await createAccount({ email: editor.email, name: editor.name, role: editor.role, password: PASSWORD })).id;
  // A claim that does not cite the article (every seed claim does).
  const { storyId, claimantId } = await db.claim.findFirstOrThrow({ select: { storyId: true, claimantId: true } });
  await db.claim.create({ data: { id: "stamp-elsewhere", text: "Elsewhere", summary: "Elsewhere", storyId, claimantId } });
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

/** Runs `change` and says whether it gave `stamp` a new value. */
async function changes(stamp: () => Promise<string | null>, change: () => Promise<unknown>): Promise<boolean> {
  const before = await stamp();
  await change();
  return (await stamp()) !== before;
}

describe("the finder's stamp", () => {
  const stamp = () => finderStamp(SOURCE);

  it("is none for a source that does not exist, and the same while nothing changes", async () => {
    expect(await finderStamp("no-such-source")).toBeNull();
    expect(await stamp()).toBe(await stamp());
    expect(await finderStamp("guardian-ice-azure")).not.toBe(await stamp());
  });

  it("changes with every link to the source: made, edited, removed", async () => {
    const claim = { id: "stamp-elsewhere" };
    const input = { sourceId: SOURCE, relation: "appears-in" as const, quote: "mass surveillance", quotePrefix: null, quoteSuffix: null, note: null, confirmUnfound: true };
    expect(await changes(stamp, () => links.linkSource(editor, claim.id, input))).toBe(true);
    const link = await db.claimSource.findFirstOrThrow({ where: { claimId: claim.id, sourceId: SOURCE } });
    expect(await changes(stamp, () => links.updateLink(editor, link.id, { ...input, quote: "surveillance", version: link.version }))).toBe(true);
    const edited = await db.claimSource.findUniqueOrThrow({ where: { id: link.id } });
    expect(await changes(stamp, () => links.unlinkSource(editor, link.id, edited.version))).toBe(true);
  });

  it("changes when a claim quoting the source is reworded, when a claimant is renamed, and when the source is edited", async () => {
    const quoting = await db.claim.findFirstOrThrow({ where: { sources: { some: { sourceId: SOURCE } } }, select: { id: true, summary: true } });
    // As updateClaim writes a claim: its fields, and one more on its version.
    expect(await changes(stamp, () => db.claim.update({ where: { id: quoting.id }, data: { summary: `${quoting.summary}.`, version: { increment: 1 } } }))).toBe(true);
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true, name: true, kind: true, version: true } });
    expect(
      await changes(stamp, () => claimants.updateClaimant(editor, claimant.id, { name: `${claimant.name} Ltd`, kind: claimant.kind as "organization", description: "", url: null, version: claimant.version })),
    ).toBe(true);
    expect(await changes(stamp, () => db.source.update({ where: { id: SOURCE }, data: { title: "Renamed", version: { increment: 1 } } }))).toBe(true);
    // A change elsewhere on the desk leaves it alone.
    expect(await changes(stamp, () => db.claim.update({ where: { id: "stamp-elsewhere" }, data: { summary: "Elsewhere, reworded", version: { increment: 1 } } }))).toBe(false);
  });
});

describe("the insights' stamp", () => {
  it("changes when a story is made, renamed or archived: the story menu shows all three", async () => {
    const made = () => stories.createStory(editor, { title: "Stamp story", summary: "", slug: `stamp-${Date.now()}` });
    expect(await changes(storiesStamp, made)).toBe(true);
    const story = await db.story.findFirstOrThrow({ where: { title: "Stamp story" } });
    expect(await changes(storiesStamp, () => stories.updateStory(editor, story.id, { title: "Stamp story, renamed", summary: "", slug: story.slug, version: story.version }))).toBe(true);
    expect(await changes(storiesStamp, () => stories.setStoryArchived(editor, story.id, true))).toBe(true);
    expect(await changes(storiesStamp, () => db.claim.updateMany({ data: { version: { increment: 1 } } }))).toBe(false);
  });
});

describe("the copy for a request", () => {
  async function sessionHeaders(email: string): Promise<Headers> {
    const { headers } = await auth.api.signInEmail({ body: { email, password: PASSWORD }, returnHeaders: true });
    const cookie = headers.getSetCookie()[0]!.split(";")[0]!;
    return new Headers({ cookie });
  }

  it("names the person signed in, as their menu shows them, and the page's stamp", async () => {
    const headers = await sessionHeaders(editor.email);
    const generation = (await deskCopyFor({ kind: "insights", storyId: null, weeks: 12 }, headers))!.stamp.split("/")[0]!;
    expect(generation).toMatch(/^[A-Za-z0-9_-]{8}$/);
    expect(await deskCopyFor({ kind: "insights", storyId: null, weeks: 12 }, headers)).toEqual({
      kind: "insights",
      storyId: null,
      weeks: 12,
      person: { id: editor.id, name: editor.name, role: "editor" },
      stamp: `${generation}/${await storiesStamp()}/${Math.floor(Date.now() / 60_000)}`,
    });
    const finder = await deskCopyFor({ kind: "finder", sourceId: SOURCE, page: 2 }, headers);
    expect(finder).toMatchObject({ page: 2, stamp: `${generation}/${await finderStamp(SOURCE)}` });
  });

  it("is none without a session, for a disabled account, and for a source that does not exist", async () => {
    const page = { kind: "insights" as const, storyId: null, weeks: 12 };
    expect(await deskCopyFor(page, new Headers())).toBeNull();
    expect(await deskCopyFor(page, new Headers({ cookie: "factline.session_token=forged.c2ln" }))).toBeNull();
    expect(await deskCopyFor({ kind: "finder", sourceId: "no-such-source", page: 1 }, await sessionHeaders(editor.email))).toBeNull();
    const headers = await sessionHeaders(editor.email);
    await db.user.update({ where: { id: editor.id }, data: { banned: true } });
    try {
      expect(await deskCopyFor(page, headers)).toBeNull();
    } finally {
      await db.user.update({ where: { id: editor.id }, data: { banned: false } });
    }
  });

  it("names the insights by the minute, as long as their figures are kept, and the finder not", async () => {
    const headers = await sessionHeaders(editor.email);
    const now = Date.now();
    const at = (ms: number) => vi.spyOn(Date, "now").mockReturnValue(ms);
    try {
      at(now);
      const insights = (await deskCopyFor({ kind: "insights", storyId: null, weeks: 12 }, headers))!.stamp;
      const finder = (await deskCopyFor({ kind: "finder", sourceId: SOURCE, page: 1 }, headers))!.stamp;
      at(now + 60_000);
      expect((await deskCopyFor({ kind: "insights", storyId: null, weeks: 12 }, headers))!.stamp).not.toBe(insights);
      expect((await deskCopyFor({ kind: "finder", sourceId: SOURCE, page: 1 }, headers))!.stamp).toBe(finder);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("gives each copy a nonce of its own, the same each time it is asked", () => {
    expect(deskCopyNonce("insights.a")).toBe(deskCopyNonce("insights.a"));
    expect(deskCopyNonce("insights.a")).not.toBe(deskCopyNonce("insights.b"));
    expect(deskCopyNonce("insights.a")).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
