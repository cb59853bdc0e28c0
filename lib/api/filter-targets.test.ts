import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

// A partner who mistypes a story, claimant or source id in the read API or an open-data download
// is told so with a 400, not given an empty list that reads as "no claims". An id that exists
// but that readers cannot see (a story with only drafts) is answered in the same words, so the
// answer never tells a draft exists.

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({
  unstable_cache: (fn: (...args: unknown[]) => Promise<unknown>) => fn,
  cacheTag: () => {},
  cacheLife: () => {},
  updateTag: () => {},
  revalidatePath: () => {},
}));

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { NextRequest } = await import("next/server");
const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const claims = await import("@/app/api/claims/route");
const openJson = await import("@/app/api/open-data/claims.json/route");
const openCsv = await import("@/app/api/open-data/claims.csv/route");
const openReviews = await import("@/app/api/open-data/claimreview.jsonld/route");

let draftStory: string;
let draftClaimant: string;
let draftSource: string;

beforeAll(async () => {
  await seedDatabase(db);
  // A story, a claimant and a source that exist, with a draft claim only.
  const story = await db.story.create({ data: { slug: "harbour-draft", title: "Harbour (draft)", summary: "" } });
  const claimant = await db.claimant.create({ data: { name: "Harbour master", kind: "person" } });
  const source = await db.source.create({ data: { title: "Harbour memo", kind: "other" } });
  const claim = await db.claim.create({ data: { text: "Harbour fees rose.", summary: "Fees rose", status: "unverified", storyId: story.id, claimantId: claimant.id } });
  await db.claimSource.create({ data: { claimId: claim.id, sourceId: source.id, relation: "appears-in", quote: "" } });
  [draftStory, draftClaimant, draftSource] = [story.id, claimant.id, source.id];
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

const get = (path: string) => new NextRequest(`http://localhost:3000${path}`);

async function answer(route: { GET: (request: InstanceType<typeof NextRequest>) => Promise<Response> }, path: string): Promise<{ status: number; message?: string }> {
  const response = await route.GET(get(path));
  if (response.status !== 400) return { status: response.status };
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe("bad_request");
  return { status: 400, message: body.error.message };
}

describe("a filter naming what readers cannot see", () => {
  it("is refused by the claims API, naming the parameter, in the same words for unknown and unpublished", async () => {
    for (const [field, id] of [["story", draftStory], ["claimant", draftClaimant], ["source", draftSource]] as const) {
      const noun = field;
      expect(await answer(claims, `/api/claims?${field}=nope`)).toEqual({ status: 400, message: `Parameter "${field}": no published ${noun} has the id "nope".` });
      expect(await answer(claims, `/api/claims?${field}=${id}`)).toEqual({ status: 400, message: `Parameter "${field}": no published ${noun} has the id "${id}".` });
    }
  });

  it("is refused by every open-data download", async () => {
    for (const route of [openJson, openCsv, openReviews]) {
      const path = "/api/open-data/claims";
      expect(await answer(route, `${path}?story=${draftStory}`)).toEqual({ status: 400, message: `Parameter "story": no published story has the id "${draftStory}".` });
      expect(await answer(route, `${path}?claimant=nope`)).toEqual({ status: 400, message: `Parameter "claimant": no published claimant has the id "nope".` });
    }
  });

  it("leaves a filter readers can see alone", async () => {
    const story = await db.story.findFirstOrThrow({ where: { claims: { some: { publishedAt: { not: null } } } }, select: { id: true } });
    const response = await claims.GET(get(`/api/claims?story=${story.id}&claimant=the-guardian&source=guardian-ice-azure`));
    expect(response.status).toBe(200);
    const list = (await response.json()) as { total: number };
    expect(list.total).toBeGreaterThan(0);
    for (const route of [openJson, openCsv, openReviews]) {
      expect((await route.GET(get(`/api/open-data/x?story=${story.id}&claimant=microsoft`))).status).toBe(200);
    }
  });
});
