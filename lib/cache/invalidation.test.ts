import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ActionState } from "@/lib/actions/state";
import type { CurrentUser } from "@/lib/session";
import { startCapturePages } from "@/lib/testing/capture-pages";
import { createTestDatabase } from "@/lib/testing/test-database";

// The cached reader pages against every kind of write (docs/decisions/014-cached-reader-pages.md).
// Each reader page is rendered to HTML before and after a real server action, with the tags it
// declares recorded; the action's expired tags are recorded too. Then:
// - a page whose HTML changed must have declared a tag the write expired, or readers would be
//   served the old copy (a stale page);
// - a detail page whose HTML did not change must have declared none of them, so an unrelated
//   change leaves it in the cache (precision). The pages that read across everything (home,
//   the claimant and source lists, the feed) wait on one tag by design and are exempt.
const mocks = vi.hoisted(() => {
  class NotFoundSignal extends Error {}
  class RedirectSignal extends Error {
    constructor(readonly to = "") {
      super(to);
    }
  }
  return {
    NotFoundSignal,
    RedirectSignal,
    declared: [] as string[],
    expired: [] as string[],
    signedIn: { user: null as CurrentUser | null },
  };
});

vi.mock("next/cache", () => ({
  // dependOn() declares tags through unstable_cache: record them, and run the function.
  unstable_cache:
    (fn: (...args: unknown[]) => Promise<unknown>, _keys: string[], options: { tags?: string[] }) =>
    async (...args: unknown[]) => {
      mocks.declared.push(...(options.tags ?? []));
      return fn(...args);
    },
  updateTag: (name: string) => mocks.expired.push(name),
  revalidatePath: () => {},
}));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/navigation", () => ({
  redirect: () => {
    throw new mocks.RedirectSignal();
  },
  permanentRedirect: (url: string) => {
    throw new mocks.RedirectSignal(`308 ${url}`);
  },
  notFound: () => {
    throw new mocks.NotFoundSignal();
  },
  forbidden: () => {
    throw new Error("forbidden()");
  },
}));
// Better Auth's session lookup answers for mocks.signedIn.user; the rest of it stays real.
vi.mock("@/lib/auth", async (importOriginal) =>
  (await import("@/lib/testing/signed-in-as")).authSignedInAs(await importOriginal(), () => mocks.signedIn.user),
);

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { initialActionState } = await import("@/lib/actions/state");
const operations = {
  claims: await import("@/lib/operations/claims"),
  links: await import("@/lib/operations/links"),
  sources: await import("@/lib/operations/sources"),
};
const actions = {
  claims: await import("@/lib/actions/claims"),
  links: await import("@/lib/actions/links"),
  annotations: await import("@/lib/actions/annotations"),
  claimants: await import("@/lib/actions/claimants"),
  sources: await import("@/lib/actions/sources"),
  stories: await import("@/lib/actions/stories"),
};
const pages = {
  home: (await import("@/app/page")).default,
  claim: (await import("@/app/claims/[id]/page")).default,
  claimants: (await import("@/app/claimants/page")).default,
  claimant: (await import("@/app/claimants/[id]/page")).default,
  sources: (await import("@/app/sources/page")).default,
  source: (await import("@/app/sources/[id]/page")).default,
  story: (await import("@/app/stories/[slug]/page")).default,
  feed: (await import("@/app/feed.atom/route")).GET,
  // The claims list's cached copies, one per set of filters (lib/cache/claim-list.ts).
  claimList: (await import("@/app/cached/[edition]/claim-list/[key]/page")).default,
  // Not a cached page, but its search answers are kept in the data cache (lib/search).
  search: (await import("@/app/api/claims/route")).GET,
};
const { NextRequest } = await import("next/server");
const { claimListKey } = await import("@/lib/cache/claim-list");

type ServerAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

let editor: CurrentUser;
/** Two published claims with their own claimant and source, in the seed's story. */
const a = { claim: "", claimant: "", source: "", link: "" };
const b = { claim: "", claimant: "", source: "", link: "" };
let storyId = "";
let storySlug = "";
let serial = 0;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

async function version(claimId: string): Promise<string> {
  return String((await db.claim.findUniqueOrThrow({ where: { id: claimId }, select: { version: true } })).version);
}

function claimFields(claimId: string, claimantId: string, summary: string) {
  return { claimId, text: `Words of ${summary}.`, summary, claimantId, newClaimantName: "", newClaimantKind: "", newClaimantUrl: "", claimDate: "", storyId };
}

async function publishedClaimWithSource(into: typeof a, label: string): Promise<void> {
  const { id: source } = await operations.sources.createSource(editor, {
    title: `${label} source`,
    publisher: "The Harbour Gazette",
    author: null,
    url: null,
    kind: "news-report",
    publishedAt: null,
    archivedUrl: null,
    description: null,
    capturedText: `The harbour's traffic fell by half, says ${label}.`,
  });
  const { id: claim } = await operations.claims.createClaim(editor, {
    text: `${label}: the harbour's traffic fell by half.`,
    summary: `${label} says the harbour's traffic fell by half`,
    claimantId: "new",
    newClaimantName: `${label} claimant`,
    newClaimantKind: "person",
    newClaimantUrl: null,
    claimDate: null,
    storyId,
  });
  await operations.links.linkSource(editor, claim, { sourceId: source, relation: "appears-in", quote: "traffic fell by half", quotePrefix: null, quoteSuffix: null, note: null });
  await operations.claims.changeStatus(editor, claim, { status: "accurate", reason: "The port's figures match.", version: Number(await version(claim)) });
  await operations.claims.setPublished(editor, claim, true, Number(await version(claim)));
  const row = await db.claim.findUniqueOrThrow({ where: { id: claim }, select: { claimantId: true, sources: { select: { id: true } } } });
  Object.assign(into, { claim, claimant: row.claimantId, source, link: row.sources[0]!.id });
}

interface Rendered {
  html: string;
  tags: string[];
}

async function render(load: () => Promise<ReactElement | Response>): Promise<Rendered> {
  mocks.declared = [];
  let html: string;
  try {
    const result = await load();
    html = result instanceof Response ? await result.text() : renderToStaticMarkup(result);
  } catch (error) {
    if (error instanceof mocks.RedirectSignal) html = `(redirect ${error.to})`;
    else if (error instanceof mocks.NotFoundSignal) html = "(not found)";
    else throw error;
  }
  return { html, tags: [...mocks.declared] };
}

const params = <T,>(value: T) => ({ params: Promise.resolve(value) }) as never;

/** Every cached reader page that shows one of the two claims, their claimants, sources or story. */
async function renderAll(): Promise<Map<string, Rendered>> {
  const all = new Map<string, Rendered>();
  const detail: [string, () => Promise<ReactElement>][] = [
    [`/claims/${a.claim}`, () => pages.claim(params({ id: a.claim }))],
    [`/claims/${b.claim}`, () => pages.claim(params({ id: b.claim }))],
    [`/claimants/${a.claimant}`, () => pages.claimant(params({ id: a.claimant }))],
    [`/claimants/${b.claimant}`, () => pages.claimant(params({ id: b.claimant }))],
    [`/sources/${a.source}`, () => pages.source(params({ id: a.source }))],
    [`/sources/${b.source}`, () => pages.source(params({ id: b.source }))],
    [`/stories/${storySlug}`, () => pages.story(params({ slug: storySlug }))],
  ];
  for (const [path, load] of detail) all.set(path, await render(load));
  all.set("/", await render(() => pages.home()));
  all.set("/claimants", await render(() => pages.claimants()));
  all.set("/sources", await render(() => pages.sources()));
  all.set("/feed.atom", await render(() => pages.feed()));
  all.set(CLAIMS, await render(() => pages.claimList(params({ edition: "current", key: claimListKey(new URLSearchParams())! }))));
  // The story's accurate claims: both, until one is changed or moved.
  const filtered = new URLSearchParams({ story: storyId, status: "accurate" });
  all.set(`${CLAIMS}?${filtered}`, await render(() => pages.claimList(params({ edition: "current", key: claimListKey(filtered)! }))));
  // Both claims have "harbour" in their summary, text and quote.
  all.set(SEARCH, await render(() => pages.search(new NextRequest(`http://factline.test${SEARCH}`))));
  return all;
}

/** The entries of a claim page's "Related claims" list, as HTML. */
function relatedItems(html: string): string[] {
  const section = /<section aria-labelledby="related-heading"[\s\S]*?<\/section>/.exec(html)?.[0] ?? "";
  return section.match(/<li>[\s\S]*?<\/li>/g) ?? [];
}

/**
 * A claim page whose only change is claims joining its "Related claims" waits for its
 * revalidation (ADR 030: a page is tagged with the claims it lists, so one leaving or changing
 * expires it, but not with every claim that might join); any other change must be expired.
 */
function onlyGainedRelated(before: string, after: string): boolean {
  const strip = (html: string) => html.replace(/<section aria-labelledby="related-heading"[\s\S]*?<\/section>/, "");
  const had = relatedItems(before);
  const has = relatedItems(after);
  return strip(before) === strip(after) && has.length > had.length && had.every((item) => has.includes(item));
}

const SEARCH = "/api/claims?q=harbour";
const CLAIMS = "/claims";

/** The pages that read across all published claims, and wait on the one `published` tag. */
/** (A filtered claims list is one too: it waits on `published`, whatever its filters.) */
const WHOLE_SITE_PAGES = new Set(["/", "/claimants", "/sources", "/feed.atom", SEARCH, CLAIMS]);
const isWholeSitePage = (path: string) => WHOLE_SITE_PAGES.has(path) || path.startsWith(`${CLAIMS}?`);

async function act(action: ServerAction, fields: Record<string, string>): Promise<{ changed: string[]; expiredOnly: string[] }> {
  const before = await renderAll();
  mocks.expired = [];
  mocks.signedIn.user = editor;
  let state: ActionState | undefined;
  try {
    state = await action(initialActionState, form(fields));
  } catch (error) {
    if (!(error instanceof mocks.RedirectSignal)) throw error;
  }
  mocks.signedIn.user = null;
  // A returned state is a refusal or a form error (story creation answers with a notice).
  if (state && !state.ok) throw new Error(`the action refused: ${state.formError} ${JSON.stringify(state.fieldErrors)}`);
  const expired = new Set(mocks.expired);
  const after = await renderAll();
  const changed: string[] = [];
  const expiredOnly: string[] = [];
  for (const [path, old] of before) {
    const now = after.get(path)!;
    const hit = old.tags.some((name) => expired.has(name));
    if (old.html !== now.html && !onlyGainedRelated(old.html, now.html)) {
      changed.push(path);
      expect(hit, `${path} changed but none of its tags (${old.tags.join(", ")}) was expired (${[...expired].join(", ")})`).toBe(true);
    } else if (hit) {
      expiredOnly.push(path);
    }
  }
  const needless = expiredOnly.filter((path) => !isWholeSitePage(path));
  expect(needless, "pages expired though nothing on them changed").toEqual([]);
  return { changed, expiredOnly };
}

beforeAll(async () => {
  await seedDatabase(db);
  const user = await db.user.create({ data: { name: "Cache editor", email: "cache-editor@example.org", role: "editor" } });
  editor = { id: user.id, name: user.name, email: user.email, role: "editor" };
  const story = await db.story.findFirstOrThrow({ select: { id: true, slug: true } });
  storyId = story.id;
  storySlug = story.slug;
  await publishedClaimWithSource(a, "Harbour master");
  await publishedClaimWithSource(b, "Port authority");
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

beforeEach(() => {
  serial += 1;
});

describe("cached reader pages and the writes that change them", () => {
  it("editing a claim expires its page, its claimant's, its source's and its story's, and no other claim's", async () => {
    const summary = `Harbour master's revised claim ${serial}`;
    const { changed } = await act(actions.claims.updateClaimAction, { ...claimFields(a.claim, a.claimant, summary), version: await version(a.claim) });
    expect(changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, `/claimants/${a.claimant}`, `/sources/${a.source}`, `/stories/${storySlug}`, SEARCH]));
    // The other claim's page listed this one under "Related claims" (both said the harbour's
    // traffic fell by half); with its new words it no longer looks alike, so that list changes.
    expect(changed).toContain(`/claims/${b.claim}`);
    expect(relatedItems((await render(() => pages.claim(params({ id: b.claim })))).html).join()).not.toContain(a.claim);
  });

  it("correcting a published rating expires the claim's pages and the feed", async () => {
    const { changed } = await act(actions.claims.changeStatusAction, {
      claimId: a.claim,
      status: "misleading",
      reason: `New figures leave out the winter ${serial}.`,
      correction: "We first rated this accurate.",
      version: await version(a.claim),
    });
    expect(changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, "/feed.atom"]));
  });

  it("a published claim's new rating, withdrawal and return change its story's verdict breakdown; a draft's rating does not", async () => {
    const breakdown = async () => (await renderAll()).get(`/stories/${storySlug}`)!.html.match(/Our verdicts in this story[\s\S]*?<\/section>/)?.[0] ?? "";
    const shown = await breakdown();
    expect(shown, "the story page shows a verdict breakdown").toContain("Accurate");
    const rated = await act(actions.claims.changeStatusAction, { claimId: a.claim, status: "false", reason: `Rated again ${serial}.`, correction: `We rated this again ${serial}.`, version: await version(a.claim) });
    expect(rated.changed).toContain(`/stories/${storySlug}`);
    expect(await breakdown()).not.toEqual(shown);
    const off = await act(actions.claims.publishAction, { claimId: a.claim, intent: "unpublish", version: await version(a.claim) });
    expect(off.changed).toContain(`/stories/${storySlug}`);
    const on = await act(actions.claims.publishAction, { claimId: a.claim, intent: "publish", version: await version(a.claim) });
    expect(on.changed).toContain(`/stories/${storySlug}`);
    const draft = await db.claim.create({ data: { text: `Draft ${serial}`, summary: `Draft ${serial}`, claimantId: a.claimant, storyId, status: "unverified" }, select: { id: true } });
    const before = await breakdown();
    const drafted = await act(actions.claims.changeStatusAction, { claimId: draft.id, status: "false", reason: `Draft rating ${serial}.`, correction: "", version: await version(draft.id) });
    expect(drafted.changed).toEqual([]);
    expect(await breakdown()).toEqual(before);
  });

  it("moving a claim to another claimant expires both claimants' pages", async () => {
    const { changed } = await act(actions.claims.updateClaimAction, { ...claimFields(a.claim, b.claimant, `Moved claim ${serial}`), version: await version(a.claim) });
    expect(changed).toEqual(expect.arrayContaining([`/claimants/${a.claimant}`, `/claimants/${b.claimant}`]));
    await act(actions.claims.updateClaimAction, { ...claimFields(a.claim, a.claimant, `Moved back ${serial}`), version: await version(a.claim) });
  });

  it("unpublishing and republishing expire every page that lists the claim", async () => {
    const off = await act(actions.claims.publishAction, { claimId: a.claim, intent: "unpublish", version: await version(a.claim) });
    expect(off.changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, `/claimants/${a.claimant}`, `/sources/${a.source}`, "/", SEARCH]));
    const on = await act(actions.claims.publishAction, { claimId: a.claim, intent: "publish", version: await version(a.claim) });
    expect(on.changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, `/claimants/${a.claimant}`, `/sources/${a.source}`, SEARCH]));
  });

  it("linking and unlinking a source expire the source's page as well as the claim's", async () => {
    const linked = await act(actions.links.linkSourceAction, { claimId: a.claim, sourceId: b.source, relation: "context", quote: "", quotePrefix: "", quoteSuffix: "", note: "" });
    expect(linked.changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, `/sources/${b.source}`]));
    expect(linked.changed).not.toContain(`/claims/${b.claim}`);
    const link = await db.claimSource.findFirstOrThrow({ where: { claimId: a.claim, sourceId: b.source }, select: { id: true, version: true } });
    const unlinked = await act(actions.links.unlinkSourceAction, { linkId: link.id, version: String(link.version) });
    expect(unlinked.changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, `/sources/${b.source}`]));
  });

  it("editing a link's quote expires the claim's and the source's pages, not the claimant's or the story's", async () => {
    const link = await db.claimSource.findUniqueOrThrow({ where: { id: a.link }, select: { version: true } });
    const { changed } = await act(actions.links.updateLinkAction, {
      linkId: a.link,
      relation: "appears-in",
      quote: "fell by half",
      quotePrefix: "",
      quoteSuffix: "",
      note: `Checked again ${serial}.`,
      version: String(link.version),
    });
    expect(changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, `/sources/${a.source}`]));
  });

  it("an internal note changes no reader page; a public one only its claim's page", async () => {
    const internal = await act(actions.annotations.addAnnotationAction, { claimId: a.claim, body: `Call the port again ${serial}.` });
    expect(internal.changed).toEqual([]);
    expect(internal.expiredOnly).toEqual([]);
    const { changed, expiredOnly } = await act(actions.annotations.addAnnotationAction, { claimId: a.claim, body: `The port confirmed it ${serial}.`, isPublic: "1" });
    expect(changed).toEqual([`/claims/${a.claim}`]);
    expect(expiredOnly).toEqual([]);
  });

  it("renaming a claimant expires every page that names them and leaves the other claim alone", async () => {
    const claimant = await db.claimant.findUniqueOrThrow({ where: { id: a.claimant }, select: { version: true } });
    const { changed } = await act(actions.claimants.updateClaimantAction, { claimantId: a.claimant, version: String(claimant.version), name: `Harbour master ${serial}`, kind: "person", description: "", url: "" });
    expect(changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, `/claimants/${a.claimant}`, `/sources/${a.source}`, `/stories/${storySlug}`, "/claimants", SEARCH, CLAIMS]));
    expect(changed).not.toContain(`/claims/${b.claim}`);
  });

  it("editing a source expires the pages of the claims that cite it", async () => {
    const source = await db.source.findUniqueOrThrow({ where: { id: a.source }, select: { version: true } });
    const { changed } = await act(actions.sources.updateSourceAction, {
      sourceId: a.source,
      version: String(source.version),
      title: `Harbour Gazette report ${serial}`,
      publisher: "The Harbour Gazette",
      author: "",
      url: "",
      kind: "news-report",
      publishedAt: "",
      archivedUrl: "",
      description: "",
      capturedText: "The harbour's traffic fell by half, says Harbour master.",
    });
    expect(changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, `/sources/${a.source}`, "/sources", CLAIMS]));
    expect(changed).not.toContain(`/claims/${b.claim}`);
  });

  it("capturing a source again expires the pages of the claims that cite it: their quote checks follow the new text", async () => {
    const pages = await startCapturePages();
    process.env.FACTLINE_CAPTURE_TEST_ORIGIN = pages.origin;
    try {
      // The fixture article does not hold the link's quote ("traffic fell by half"): found before, not after.
      const source = await db.source.update({ where: { id: a.source }, data: { url: `${pages.origin}/article`, capturedText: "The harbour's traffic fell by half, says Harbour master." }, select: { version: true } });
      const { changed } = await act(actions.sources.recaptureSourceAction, { sourceId: a.source, version: String(source.version) });
      expect(changed).toEqual(expect.arrayContaining([`/claims/${a.claim}`, `/sources/${a.source}`]));
      expect(changed).not.toContain(`/claims/${b.claim}`);
    } finally {
      delete process.env.FACTLINE_CAPTURE_TEST_ORIGIN;
      await pages.close();
    }
  });

  it("assigning a claim changes no reader page: assignments stay on the desk", async () => {
    const reviewer = await db.user.create({ data: { name: `Cache reviewer ${serial}`, email: `cache-reviewer-${serial}@example.org`, role: "reviewer" } });
    const { changed, expiredOnly } = await act(actions.claims.assignAction, { claimId: a.claim, assigneeId: reviewer.id, version: await version(a.claim) });
    expect(changed).toEqual([]);
    expect(expiredOnly).toEqual([]);
  });

  it("a new draft changes no reader page and expires none", async () => {
    const { changed, expiredOnly } = await act(actions.claims.createClaimAction, {
      ...claimFields("", a.claimant, `A draft by the harbour master ${serial}`),
      claimId: "",
    });
    expect(changed).toEqual([]);
    expect(expiredOnly).toEqual([]);
  });

  it("moving a story expires its page, every page that names it, and its new address's 'not found'; the old address then redirects", async () => {
    const story = await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { title: true, summary: true, version: true } });
    const moved = `${storySlug}-moved-${serial}`;
    const waiting = await render(() => pages.story(params({ slug: moved })));
    expect(waiting.html).toBe("(not found)");
    const away = await act(actions.stories.updateStoryAction, { storyId, version: String(story.version), title: `${story.title} ${serial}`, summary: story.summary, slug: moved });
    expect(away.changed).toEqual(expect.arrayContaining([`/stories/${storySlug}`, `/claims/${a.claim}`, `/claims/${b.claim}`, `/claimants/${a.claimant}`, "/", CLAIMS]));
    expect(waiting.tags.some((name) => mocks.expired.includes(name)), "the new address's cached 'not found' is expired").toBe(true);
    expect((await render(() => pages.story(params({ slug: storySlug })))).html).toBe(`(redirect 308 /stories/${moved})`);

    // Back to the first address: it is the story's page again, and the one it left redirects there.
    const left = await render(() => pages.story(params({ slug: moved })));
    const back = await act(actions.stories.updateStoryAction, { storyId, version: String(story.version + 1), title: story.title, summary: story.summary, slug: storySlug });
    expect(back.changed).toEqual(expect.arrayContaining([`/stories/${storySlug}`, `/claims/${a.claim}`, "/"]));
    expect(left.tags.some((name) => mocks.expired.includes(name)), "the left address's cached page is expired").toBe(true);
    expect((await render(() => pages.story(params({ slug: moved })))).html).toBe(`(redirect 308 /stories/${storySlug})`);
  });

  it("archiving a story changes its page and the lists, not its claims' pages; unarchiving brings it back", async () => {
    const off = await act(actions.stories.archiveStoryAction, { storyId, intent: "archive" });
    expect(off.changed).toEqual(expect.arrayContaining([`/stories/${storySlug}`, "/", CLAIMS]));
    expect(off.changed).not.toContain(`/claims/${a.claim}`);
    const on = await act(actions.stories.archiveStoryAction, { storyId, intent: "unarchive" });
    expect(on.changed).toEqual(expect.arrayContaining([`/stories/${storySlug}`, "/", CLAIMS]));
  });

  it("a story's cached 'not found' is expired when the story is created, and again when its first claim is published", async () => {
    const slug = `harbour-story-${serial}`;
    const missing = await render(() => pages.story(params({ slug })));
    expect(missing.html).toBe("(not found)");
    mocks.expired = [];
    mocks.signedIn.user = editor;
    await actions.stories.createStoryAction(initialActionState, form({ title: `Harbour story ${serial}`, slug, summary: "" }));
    mocks.signedIn.user = null;
    expect(missing.tags.some((name) => mocks.expired.includes(name))).toBe(true);

    // Still not found for readers: the story has no published claim yet.
    const empty = await render(() => pages.story(params({ slug })));
    expect(empty.html).toBe("(not found)");
    const story = await db.story.findUniqueOrThrow({ where: { slug }, select: { id: true } });
    const { id: claim } = await operations.claims.createClaim(editor, {
      text: "The new quay opened in March.",
      summary: `The new quay opened in March ${serial}`,
      claimantId: a.claimant,
      newClaimantName: null,
      newClaimantKind: undefined,
      newClaimantUrl: null,
      claimDate: null,
      storyId: story.id,
    });
    await operations.claims.changeStatus(editor, claim, { status: "accurate", reason: "The port says so.", version: Number(await version(claim)) });
    mocks.expired = [];
    mocks.signedIn.user = editor;
    await expect(actions.claims.publishAction(initialActionState, form({ claimId: claim, intent: "publish", version: await version(claim) }))).rejects.toThrow(mocks.RedirectSignal);
    mocks.signedIn.user = null;
    const live = await render(() => pages.story(params({ slug })));
    expect(live.html).toContain(`The new quay opened in March ${serial}`);
    expect(empty.tags.some((name) => mocks.expired.includes(name)), "the cached 'not found' is expired").toBe(true);
  });
  it("marking a claim as a duplicate redirects its page, and only that; 'not a duplicate' brings it back", async () => {
    const marked = await act(actions.claims.markDuplicateAction, { claimId: b.claim, originalId: a.claim, duplicateReason: `Same harbour figure ${serial}`, version: await version(b.claim) });
    expect(marked.changed).toContain(`/claims/${b.claim}`);
    expect((await render(() => pages.claim(params({ id: b.claim })))).html).toBe(`(redirect 308 /claims/${a.claim})`);
    const unmarked = await act(actions.claims.unmarkDuplicateAction, { claimId: b.claim, duplicateReason: `Different harbours ${serial}`, version: await version(b.claim) });
    expect(unmarked.changed).toContain(`/claims/${b.claim}`);
  });

  it("a duplicate of a draft keeps its own page, and is sent to the original once that is published", async () => {
    await operations.claims.setPublished(editor, a.claim, false, Number(await version(a.claim)));
    await operations.claims.markDuplicate(editor, b.claim, { originalId: a.claim, reason: "Same figure", version: Number(await version(b.claim)) });
    const before = await render(() => pages.claim(params({ id: b.claim })));
    expect(before.html).toContain("Port authority says the harbour");
    expect(before.html).not.toContain(a.claim);
    mocks.expired = [];
    mocks.signedIn.user = editor;
    await expect(actions.claims.publishAction(initialActionState, form({ claimId: a.claim, intent: "publish", version: await version(a.claim) }))).rejects.toThrow(mocks.RedirectSignal);
    mocks.signedIn.user = null;
    expect(before.tags.some((name) => mocks.expired.includes(name)), "the duplicate's page waits on its original's publication").toBe(true);
    expect((await render(() => pages.claim(params({ id: b.claim })))).html).toBe(`(redirect 308 /claims/${a.claim})`);
    await operations.claims.unmarkDuplicate(editor, b.claim, { reason: "Back", version: Number(await version(b.claim)) });
  });
  it("a claim listed under another's related claims expires that page when it is unpublished, and is never listed as a draft", async () => {
    const { id: c } = await operations.claims.createClaim(editor, {
      text: "Port authority: the harbour's traffic fell by half last winter.",
      summary: `Port authority repeats that the harbour's traffic fell by half ${serial}`,
      claimantId: b.claimant,
      newClaimantName: null,
      newClaimantKind: undefined,
      newClaimantUrl: null,
      claimDate: null,
      storyId,
    });
    expect(relatedItems((await render(() => pages.claim(params({ id: b.claim })))).html).join()).not.toContain(c);
    await operations.claims.changeStatus(editor, c, { status: "accurate", reason: "The port's figures.", version: Number(await version(c)) });
    await operations.claims.setPublished(editor, c, true, Number(await version(c)));
    const listing = await render(() => pages.claim(params({ id: b.claim })));
    expect(relatedItems(listing.html).join()).toContain(c);
    const off = await act(actions.claims.publishAction, { claimId: c, intent: "unpublish", version: await version(c) });
    expect(off.changed).toContain(`/claims/${b.claim}`);
    expect(relatedItems((await render(() => pages.claim(params({ id: b.claim })))).html).join()).not.toContain(c);
  });
});
