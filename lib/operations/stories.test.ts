import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/session";
import { createTestDatabase } from "@/lib/testing/test-database";

// Stories renamed and archived (docs/decisions/024-story-addresses-and-archive.md): the addresses
// a story left lead to its current one, whatever happened since; an archived story leaves the
// readers' lists and keeps its page and claims; the desk's forms say what is wrong in words.
vi.mock("next/headers", async () => (await import("@/lib/testing/server-actions")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/testing/server-actions")).nextCacheMock);
vi.mock("next/navigation", async () => (await import("@/lib/testing/server-actions")).nextNavigationMock);
vi.mock("@/lib/auth", async (importOriginal) => (await import("@/lib/testing/server-actions")).authMock(await importOriginal()));

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { createStory, updateStory, setStoryArchived } = await import("./stories");
const { findStoryAddress, getStoryBySlug, listStoriesWithClaims, listStoryOptions, getArchivedStoryOption } = await import("@/lib/data/stories");
const { ConflictError, FieldRuleError } = await import("@/lib/errors");
const { createPerson } = await import("@/lib/testing/action-targets");
const { callAction, form } = await import("@/lib/testing/server-actions");
const { archiveStoryAction, createStoryAction, updateStoryAction } = await import("@/lib/actions/stories");

let editor: CurrentUser;
/** The seed's story, with its twelve published claims. */
let seed: { id: string; slug: string; title: string };
let serial = 0;

beforeAll(async () => {
  await seedDatabase(db);
  editor = await createPerson("editor", "Story editor");
  seed = await db.story.findFirstOrThrow({ select: { id: true, slug: true, title: true } });
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

async function version(id: string): Promise<number> {
  return (await db.story.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

/** Moves a story to `slug`, keeping its title and summary. */
async function move(id: string, slug: string): Promise<void> {
  const story = await db.story.findUniqueOrThrow({ where: { id }, select: { title: true, summary: true, version: true } });
  await updateStory(editor, id, { title: story.title, summary: story.summary, slug, version: story.version });
}

/** A story with one published claim of its own. */
async function publishedStory(): Promise<{ id: string; slug: string }> {
  serial += 1;
  const story = await db.story.create({ data: { slug: `harbour-${serial}`, title: `Harbour ${serial}` }, select: { id: true, slug: true } });
  const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
  await db.claim.create({ data: { text: "The quay opened.", summary: `The quay opened ${serial}`, claimantId: claimant.id, storyId: story.id, status: "accurate", publishedAt: new Date() } });
  return story;
}

async function oldSlugs() {
  return db.storyOldSlug.findMany({ orderBy: { slug: "asc" }, select: { slug: true, storyId: true } });
}

describe("a story's address", () => {
  it("moves, and the old address leads to the new one; a second move leads both to the latest", async () => {
    const story = await publishedStory();
    await move(story.id, `${story.slug}-b`);
    expect(await getStoryBySlug(story.slug, 5)).toBeNull();
    expect(await findStoryAddress(story.slug)).toBe(`${story.slug}-b`);
    expect((await getStoryBySlug(`${story.slug}-b`, 5))?.id).toBe(story.id);

    await move(story.id, `${story.slug}-c`);
    expect(await findStoryAddress(story.slug)).toBe(`${story.slug}-c`);
    expect(await findStoryAddress(`${story.slug}-b`)).toBe(`${story.slug}-c`);
    expect(await findStoryAddress(`${story.slug}-c`)).toBeNull();
  });

  it("taken back by its story, an old address is the story's page again, and the others lead there", async () => {
    const story = await publishedStory();
    await move(story.id, `${story.slug}-b`);
    await move(story.id, story.slug);
    expect((await getStoryBySlug(story.slug, 5))?.id).toBe(story.id);
    expect(await findStoryAddress(story.slug)).toBeNull();
    expect(await findStoryAddress(`${story.slug}-b`)).toBe(story.slug);
    expect((await oldSlugs()).filter((row) => row.storyId === story.id).map((row) => row.slug)).toEqual([`${story.slug}-b`]);
  });

  it("reused by a new story, an old address is the new story's, and the redirect ends", async () => {
    const story = await publishedStory();
    await move(story.id, `${story.slug}-moved`);
    const created = await createStory(editor, { title: "A new story at an old address", summary: "", slug: story.slug });
    expect(created.tookOverFrom).toBe(`Harbour ${serial}`);
    expect(await findStoryAddress(story.slug)).toBeNull();
    expect(await db.story.findUnique({ where: { slug: story.slug }, select: { title: true } })).toEqual({ title: "A new story at an old address" });
  });

  it("does not redirect to a story readers cannot see", async () => {
    const draftOnly = await db.story.create({ data: { slug: "quiet-inquiry", title: "Quiet inquiry" }, select: { id: true } });
    await move(draftOnly.id, "quiet-inquiry-renamed");
    expect(await findStoryAddress("quiet-inquiry")).toBeNull();
    expect(await oldSlugs()).toContainEqual({ slug: "quiet-inquiry", storyId: draftOnly.id });
  });

  it("refuses another story's address, and an address another story left, changing nothing", async () => {
    const story = await publishedStory();
    const other = await publishedStory();
    await move(other.id, `${other.slug}-now`);
    const before = { stories: await db.story.findMany({ orderBy: { id: "asc" } }), old: await oldSlugs() };
    const attempt = (slug: string) => updateStory(editor, story.id, { title: "Renamed", summary: "", slug, version: 1 });
    await expect(attempt(seed.slug)).rejects.toThrow(FieldRuleError);
    await expect(attempt(seed.slug)).rejects.toThrow(`Another story already uses the address “${seed.slug}”.`);
    await expect(attempt(other.slug)).rejects.toThrow(`“Harbour ${serial}” had the address “${other.slug}” before it was renamed`);
    expect({ stories: await db.story.findMany({ orderBy: { id: "asc" } }), old: await oldSlugs() }).toEqual(before);
  });

  it("refuses an edit made from an older version, with what is saved now", async () => {
    const story = await publishedStory();
    await updateStory(editor, story.id, { title: "First edit", summary: "", slug: story.slug, version: 1 });
    const stale = updateStory(editor, story.id, { title: "Second edit", summary: "", slug: `${story.slug}-x`, version: 1 });
    await expect(stale).rejects.toThrow(ConflictError);
    await stale.catch((error: InstanceType<typeof ConflictError>) => {
      expect(error.current).toEqual({ Title: "First edit", Summary: "", Address: `/stories/${story.slug}` });
      expect(error.version).toBe(2);
    });
    expect(await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { title: true, slug: true } })).toEqual({ title: "First edit", slug: story.slug });
  });
});

describe("an archived story", () => {
  it("leaves the home page and the claims menu; its page says it is archived and its claims stay published", async () => {
    const story = await publishedStory();
    const claim = await db.claim.findFirstOrThrow({ where: { storyId: story.id }, select: { id: true } });
    const listed = async () => ({
      home: (await listStoriesWithClaims({ stories: 100, claimsPerStory: 1 })).some((s) => s.id === story.id),
      menu: (await listStoryOptions()).some((s) => s.id === story.id),
    });
    expect(await listed()).toEqual({ home: true, menu: true });
    expect(await getArchivedStoryOption(story.id)).toBeNull();

    await setStoryArchived(editor, story.id, true);
    expect(await listed()).toEqual({ home: false, menu: false });
    expect((await getStoryBySlug(story.slug, 5))?.isArchived).toBe(true);
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { publishedAt: true } })).publishedAt).not.toBeNull();
    expect(await getArchivedStoryOption(story.id)).toEqual({ id: story.id, title: `Harbour ${serial}` });

    await setStoryArchived(editor, story.id, false);
    expect(await listed()).toEqual({ home: true, menu: true });
    expect((await getStoryBySlug(story.slug, 5))?.isArchived).toBe(false);
  });

  it("keeps the date it was first archived when archived again", async () => {
    const story = await publishedStory();
    await setStoryArchived(editor, story.id, true);
    const first = (await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { archivedAt: true } })).archivedAt;
    await setStoryArchived(editor, story.id, true);
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { archivedAt: true } })).archivedAt).toEqual(first);
  });
});

describe("the desk's story forms", () => {
  it("say what is wrong with an address, beside the field, and save nothing", async () => {
    const story = await publishedStory();
    const fields = { storyId: story.id, version: String(await version(story.id)), title: "Harbour", summary: "" };
    const cases: [string, string][] = [
      ["", "Give the story a short address, like ice-contracts."],
      ["Not A Slug!", "The address uses lower-case letters, digits and single hyphens, like ice-contracts."],
      ["a".repeat(65), "The address has at most 64 characters."],
      [seed.slug, `Another story already uses the address “${seed.slug}”.`],
    ];
    for (const [slug, message] of cases) {
      const { state } = await callAction(updateStoryAction, editor, form({ ...fields, slug }));
      expect(state?.fieldErrors.slug, slug).toEqual([message]);
      expect(state?.formError).toBe("Please correct the fields marked below.");
    }
    expect(await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { slug: true, version: true } })).toEqual({ slug: story.slug, version: 1 });
  });

  it("refuse a new story at another story's address beside the field", async () => {
    const { state } = await callAction(createStoryAction, editor, form({ title: "Again", summary: "", slug: seed.slug }));
    expect(state?.fieldErrors.slug).toEqual([`Another story already uses the address “${seed.slug}”.`]);
  });

  it("send the desk back to its list of stories, which names what was done", async () => {
    const story = await publishedStory();
    const fields = { storyId: story.id, title: "Harbour, renamed", summary: "What the port said." };
    expect(await callAction(updateStoryAction, editor, form({ ...fields, slug: story.slug, version: "1" }))).toEqual({ redirectedTo: expect.stringMatching(/^\/desk\/stories\?done=saved&at=[0-9a-z]+$/) });
    expect(await callAction(updateStoryAction, editor, form({ ...fields, slug: `${story.slug}-new`, version: "2" }))).toEqual({ redirectedTo: expect.stringMatching(/^\/desk\/stories\?done=moved&at=[0-9a-z]+$/) });
    expect(await callAction(archiveStoryAction, editor, form({ storyId: story.id, intent: "archive" }))).toEqual({ redirectedTo: expect.stringMatching(/^\/desk\/stories\?done=archived&at=[0-9a-z]+$/) });
    expect(await callAction(archiveStoryAction, editor, form({ storyId: story.id, intent: "unarchive" }))).toEqual({ redirectedTo: expect.stringMatching(/^\/desk\/stories\?done=unarchived&at=[0-9a-z]+$/) });
    const { state } = await callAction(archiveStoryAction, editor, form({ storyId: story.id, intent: "delete" }));
    expect(state?.formError).toBe("This form asked for something we do not know; reload the page.");
  });
});
