import type { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { claimInput as fixtureClaimInput } from "@/lib/testing/fixtures/claim-input";
import { createTestDatabase } from "@/lib/testing/test-database";

// What readers can see of a claim the desk works on: after every kind of desk write, the read
// API's claim, the three open-data files, the Atom feed and the corrections log are read as an
// anonymous reader would, and none may hold a word of the desk's deliberation (draft wording,
// internal or deleted notes and their earlier versions, a source linked and unlinked before
// publication, assignees, reviewers' names). Every secret is written through the real
// operations, and the desk's own read is checked to hold it, so the test cannot pass by
// writing nothing. The reader claim page reads through the same getClaim as the API
// (e2e/public-record.spec.ts checks its HTML).

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({
  unstable_cache:
    (fn: (...args: unknown[]) => Promise<unknown>) =>
    async (...args: unknown[]) =>
      fn(...args),
  updateTag: () => {},
  revalidatePath: () => {},
}));

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
delete process.env.FACTLINE_PUBLIC_NAMES;

const { NextRequest: Request } = await import("next/server");
const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { createClaim, updateClaim, changeStatus, setPublished, assignClaim } = await import("@/lib/operations/claims");
const { linkSource, updateLink, unlinkSource } = await import("@/lib/operations/links");
const { addAnnotation, editAnnotation, deleteAnnotation } = await import("@/lib/operations/annotations");
const { createSource, updateSource } = await import("@/lib/operations/sources");
const { getDeskClaim } = await import("@/lib/data/desk");
const { listCorrections } = await import("@/lib/data/corrections");
const routes = {
  claim: await import("@/app/api/claims/[id]/route"),
  openCsv: await import("@/app/api/open-data/claims.csv/route"),
  openJson: await import("@/app/api/open-data/claims.json/route"),
  openClaimReview: await import("@/app/api/open-data/claimreview.jsonld/route"),
  feed: await import("@/app/feed.atom/route"),
};

type Actor = { id: string; name: string; email: string; role: "reviewer" | "editor" | "admin" };
let reviewer: Actor;
let editor: Actor;
let assignee: Actor;
let claimId = "";
let publicSourceId = "";

/** Every marker the desk writes that readers must never see. */
const SECRETS = [
  "SECRET-DRAFT-WORDING",
  "SECRET-DRAFT-SUMMARY",
  "SECRET-MEMO-TITLE",
  "SECRET-MEMO-QUOTE",
  "SECRET-LINK-NOTE",
  "SECRET-NOTE-FIRST-VERSION",
  "SECRET-NOTE-SECOND-VERSION",
  "SECRET-NOTE-DELETED",
  "SECRET-DRAFT-REASON",
  "SECRET-ASSIGNEE",
  "SECRET-REVIEWER",
  "SECRET-EDITOR",
  "SECRET-NOTE-AFTER-PUBLICATION",
  "SECRET-WITHDRAWN-WORDING",
  "SECRET-WITHDRAWN-QUOTE",
  "SECRET-CAPTURED-TEXT",
] as const;

const ORIGIN = "http://localhost:3000";
const request = (path: string) => new Request(new URL(path, ORIGIN)) as NextRequest;

/** Everything an anonymous reader can fetch that could show this claim, as one text. */
async function whatReadersSee(): Promise<{ text: string; api: Record<string, unknown> | null }> {
  const claimResponse = await routes.claim.GET(request(`/api/claims/${claimId}`), { params: Promise.resolve({ id: claimId }) });
  const api = claimResponse.status === 200 ? ((await claimResponse.json()) as Record<string, unknown>) : null;
  const files = await Promise.all([
    routes.openCsv.GET(request("/api/open-data/claims.csv")),
    routes.openJson.GET(request("/api/open-data/claims.json")),
    routes.openClaimReview.GET(request("/api/open-data/claimreview.jsonld")),
    routes.feed.GET(),
  ]);
  for (const file of files) expect(file.status).toBe(200);
  const corrections = await listCorrections({ cursor: null });
  return { text: [JSON.stringify(api), ...(await Promise.all(files.map((f) => f.text()))), JSON.stringify(corrections)].join("\n"), api };
}

async function expectNoSecret(): Promise<Record<string, unknown> | null> {
  const seen = await whatReadersSee();
  for (const secret of SECRETS) expect(seen.text, `readers see ${secret}`).not.toContain(secret);
  return seen.api;
}

/** What the desk sees of the claim, as one text: where the secrets must be. */
async function whatTheDeskSees(): Promise<string> {
  const claim = await getDeskClaim(claimId);
  const deleted = await db.annotation.findMany({ where: { claimId }, select: { body: true } });
  const memo = await db.source.findMany({ where: { title: { contains: "SECRET" } }, select: { title: true, capturedText: true } });
  return JSON.stringify({ claim, deleted, memo });
}

function kinds(api: Record<string, unknown> | null): string[] {
  return ((api?.events ?? []) as { kind: string }[]).map((e) => e.kind);
}

beforeAll(async () => {
  await seedDatabase(db);
  const user = async (name: string, role: Actor["role"]): Promise<Actor> => {
    const row = await db.user.create({ data: { name, email: `${role}-${name.toLowerCase()}@example.org`, role } });
    return { id: row.id, name: row.name, email: row.email, role };
  };
  reviewer = await user("SECRET-REVIEWER Rita", "reviewer");
  editor = await user("SECRET-EDITOR Eddie", "editor");
  assignee = await user("SECRET-ASSIGNEE Ada", "reviewer");
  publicSourceId = (await db.source.findFirstOrThrow({ where: { capturedText: { not: null } }, select: { id: true } })).id;
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

const claimInput = fixtureClaimInput({ text: "SECRET-DRAFT-WORDING: ICE stores three times more data.", summary: "SECRET-DRAFT-SUMMARY" });
const publicWords = "ICE more than tripled the data it stores on Azure.";
const link = (sourceId: string, quote: string, note: string | null = null) => ({ sourceId, relation: "supports" as const, quote, quotePrefix: null, quoteSuffix: null, note });

async function version(): Promise<number> {
  return (await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version;
}

describe("what readers see of the desk's work", () => {
  it("before publication: nothing at all, while the desk holds every secret", async () => {
    ({ id: claimId } = await createClaim(reviewer, claimInput));
    await updateClaim(reviewer, claimId, { ...claimInput, text: publicWords, summary: "ICE tripled its Azure data", version: 1 });

    const memo = await createSource(reviewer, {
      title: "SECRET-MEMO-TITLE leaked memo",
      publisher: null,
      author: null,
      url: null,
      kind: "leaked-document",
      publishedAt: null,
      archivedUrl: null,
      description: null,
      capturedText: "SECRET-CAPTURED-TEXT SECRET-MEMO-QUOTE",
    });
    await linkSource(reviewer, claimId, link(memo.id, "SECRET-MEMO-QUOTE", "SECRET-LINK-NOTE"));
    const memoLink = await db.claimSource.findFirstOrThrow({ where: { claimId, sourceId: memo.id } });
    await unlinkSource(reviewer, memoLink.id, memoLink.version);
    await linkSource(reviewer, claimId, link(publicSourceId, "tripled"));

    await addAnnotation(reviewer, claimId, { body: "SECRET-NOTE-FIRST-VERSION call the press office", isPublic: false });
    const note = await db.annotation.findFirstOrThrow({ where: { claimId } });
    await editAnnotation(reviewer, note.id, { body: "SECRET-NOTE-SECOND-VERSION called, no answer", isPublic: false, version: note.version });
    await addAnnotation(reviewer, claimId, { body: "SECRET-NOTE-DELETED a hunch", isPublic: false });
    const doomed = await db.annotation.findFirstOrThrow({ where: { claimId, body: { contains: "DELETED" } } });
    await deleteAnnotation(reviewer, doomed.id);

    await assignClaim(editor, claimId, assignee.id, await version());
    await changeStatus(reviewer, claimId, { status: "false", reason: "SECRET-DRAFT-REASON a first guess", version: await version() });
    await changeStatus(reviewer, claimId, { status: "in-review", reason: "We are checking the award records.", version: await version() });

    const desk = await whatTheDeskSees();
    for (const secret of SECRETS.filter((s) => !["SECRET-NOTE-AFTER-PUBLICATION", "SECRET-WITHDRAWN-WORDING", "SECRET-WITHDRAWN-QUOTE", "SECRET-EDITOR"].includes(s))) {
      expect(desk, `the desk keeps ${secret}`).toContain(secret);
    }
    expect(await expectNoSecret()).toBeNull();
  });

  it("at publication: the claim as it stands, published, and none of its past", async () => {
    await setPublished(editor, claimId, true, await version());
    const api = await expectNoSecret();
    expect(api).toMatchObject({ text: publicWords, status: "in-review", annotations: [] });
    expect(kinds(api)).toEqual(["published"]);
    expect((await whatTheDeskSees()).match(/"kind":"[a-z-]+"/g)).toContain('"kind":"assigned"');
  });

  it("notes: internal ones stay on the desk, public ones reach readers, unnamed, and leave when made internal", async () => {
    await addAnnotation(reviewer, claimId, { body: "SECRET-NOTE-AFTER-PUBLICATION ask again Monday", isPublic: false });
    await addAnnotation(reviewer, claimId, { body: "We asked ICE for comment on **4 December**.", isPublic: true });
    let api = await expectNoSecret();
    expect(api!.annotations).toEqual([expect.objectContaining({ body: "We asked ICE for comment on **4 December**.", author: null })]);
    expect(kinds(api)).toEqual(["published"]);

    const shown = await db.annotation.findFirstOrThrow({ where: { claimId, isPublic: true } });
    await editAnnotation(reviewer, shown.id, { body: "We asked ICE for comment on 4 December.", isPublic: false, version: shown.version });
    api = await expectNoSecret();
    expect(api!.annotations).toEqual([]);
    expect(JSON.stringify(api)).not.toContain("We asked ICE for comment");
  });

  it("names the desk's people only when the organisation chooses to", async () => {
    const note = await db.annotation.findFirstOrThrow({ where: { claimId, body: { startsWith: "We asked ICE" } } });
    await editAnnotation(reviewer, note.id, { body: note.body, isPublic: true, version: note.version });
    process.env.FACTLINE_PUBLIC_NAMES = "true";
    try {
      const { api } = await whatReadersSee();
      expect(api!.annotations).toEqual([expect.objectContaining({ author: { name: reviewer.name } })]);
      expect((api!.events as { actor: unknown }[])[0]!.actor).toEqual({ name: editor.name });
    } finally {
      delete process.env.FACTLINE_PUBLIC_NAMES;
    }
    await expectNoSecret();
  });

  it("a first rating after publication is an update, not a correction, and the feed announces it", async () => {
    const asCorrection = changeStatus(editor, claimId, { status: "accurate", reason: "The award records confirm it.", correction: "Not a correction.", version: await version() });
    await expect(asCorrection).rejects.toMatchObject({ field: "correction" });

    await changeStatus(editor, claimId, { status: "accurate", reason: "The award records confirm it.", version: await version() });
    const api = await expectNoSecret();
    expect(kinds(api)).toEqual(["published", "updated"]);
    expect(api!.corrections).toEqual([]);
    expect(await db.correction.count({ where: { claimId } })).toBe(0);
    const feed = await (await routes.feed.GET()).text();
    expect(feed).toContain(`Update: ICE tripled its Azure data: Accurate`);
    expect(feed).not.toMatch(/Correction: ICE tripled its Azure data/);
    expect((await listCorrections({ cursor: null })).items.map((c) => c.claim.id)).not.toContain(claimId);
  });

  it("changing a rating readers saw is a correction, with its note", async () => {
    const silent = changeStatus(editor, claimId, { status: "misleading", reason: "It leaves out the time frame.", version: await version() });
    await expect(silent).rejects.toMatchObject({ field: "correction" });
    await changeStatus(editor, claimId, { status: "misleading", reason: "It leaves out the time frame.", correction: "We rated this accurate before we saw the six-month window.", version: await version() });
    const api = await expectNoSecret();
    expect(kinds(api)).toEqual(["published", "updated", "corrected"]);
    expect(api!.corrections).toEqual([expect.objectContaining({ note: "We rated this accurate before we saw the six-month window." })]);
    expect(await (await routes.feed.GET()).text()).toContain("Correction: ICE tripled its Azure data");
  });

  it("changes to what readers could see are on the record: words, links, quotes, sources", async () => {
    await updateClaim(editor, claimId, { ...claimInput, text: `${publicWords} In six months.`, summary: "ICE tripled its Azure data", version: await version() });
    const publicLink = await db.claimSource.findFirstOrThrow({ where: { claimId, sourceId: publicSourceId } });
    await updateLink(editor, publicLink.id, { relation: "supports", quote: "more than tripled", quotePrefix: null, quoteSuffix: null, note: null, version: publicLink.version });
    const source = await db.source.findUniqueOrThrow({ where: { id: publicSourceId } });
    await updateSource(editor, source.id, {
      title: source.title,
      publisher: source.publisher,
      author: source.author,
      url: source.url,
      kind: source.kind as "news-report",
      publishedAt: null,
      archivedUrl: "https://web.archive.org/web/2026/https://example.org/a",
      description: source.description,
      capturedText: `${source.capturedText ?? ""} SECRET-CAPTURED-TEXT`,
      version: source.version,
    });
    const api = await expectNoSecret();
    expect(kinds(api)).toEqual(["published", "updated", "corrected", "edited", "link-edited", "source-edited"]);
    const events = api!.events as { kind: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
    expect(events[3]).toMatchObject({ before: { text: publicWords }, after: { text: `${publicWords} In six months.` } });
    expect(events[4]).toMatchObject({ before: { quote: "tripled", source: source.title }, after: { quote: "more than tripled" } });
    expect(events[5]!.after).toEqual({ source: source.title, archivedUrl: "https://web.archive.org/web/2026/https://example.org/a" });
  });

  it("what changed while withdrawn is shown once, as its net effect, when it is back", async () => {
    await setPublished(editor, claimId, false, await version());
    const hidden = await routes.claim.GET(request(`/api/claims/${claimId}`), { params: Promise.resolve({ id: claimId }) });
    expect(hidden.status).toBe(404);
    await updateClaim(editor, claimId, { ...claimInput, text: "SECRET-WITHDRAWN-WORDING", summary: "ICE tripled its Azure data", version: await version() });
    await updateClaim(editor, claimId, { ...claimInput, text: `${publicWords} In six months, says the Guardian.`, summary: "ICE tripled its Azure data", version: await version() });
    await linkSource(editor, claimId, { ...link(publicSourceId, "SECRET-WITHDRAWN-QUOTE"), relation: "context" });
    const passing = await db.claimSource.findFirstOrThrow({ where: { claimId, quote: "SECRET-WITHDRAWN-QUOTE" } });
    await unlinkSource(editor, passing.id, passing.version);
    await setPublished(editor, claimId, true, await version());

    const api = await expectNoSecret();
    expect(kinds(api).slice(-3)).toEqual(["unpublished", "edited", "republished"]);
    const events = api!.events as { before: Record<string, unknown> | null; after: Record<string, unknown> | null }[];
    expect(events.at(-2)).toMatchObject({ before: { text: `${publicWords} In six months.` }, after: { text: `${publicWords} In six months, says the Guardian.` } });
  });
});
