import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

// The read API links claims and sources at the app's public address (BETTER_AUTH_URL), as the
// exports and the feed do; never at the address a request came to. Behind a proxy that address
// is an inner one (the production server called itself http://localhost:3000), and in a shared
// cache a visitor's Host header would name it. The route handlers are called in-process with a
// request for another address than the public one, which an e2e server, listening where its
// BETTER_AUTH_URL says, cannot send.

vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({
  unstable_cache: (fn: (...args: unknown[]) => Promise<unknown>) => fn,
  updateTag: () => {},
  revalidatePath: () => {},
}));

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
const PUBLIC = "https://facts.example.org";
const before = process.env.BETTER_AUTH_URL;

const { NextRequest } = await import("next/server");
const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const claims = await import("@/app/api/claims/route");
const claim = await import("@/app/api/claims/[id]/route");
const source = await import("@/app/api/sources/[id]/route");

beforeAll(async () => {
  await seedDatabase(db);
  process.env.BETTER_AUTH_URL = PUBLIC;
});

afterAll(async () => {
  if (before === undefined) delete process.env.BETTER_AUTH_URL;
  else process.env.BETTER_AUTH_URL = before;
  await db.$disconnect();
  database.cleanup();
});

/** A request as the server behind a proxy sees it: an inner address, and a Host a visitor chose. */
const inner = (path: string) => new NextRequest(`http://localhost:3000${path}`, { headers: { host: "cache-poison.example" } });

describe("the read API's links", () => {
  it("name the app's public address in the claims list, a claim and a source", async () => {
    const list = (await (await claims.GET(inner("/api/claims?limit=2"))).json()) as { items: { id: string; url: string; story: { slug: string; url: string } }[] };
    expect(list.items).toHaveLength(2);
    for (const item of list.items) {
      expect(item.url).toBe(`${PUBLIC}/claims/${item.id}`);
      // A claim's story, with its address, so a partner can link to the story's page.
      expect(item.story.url).toBe(`${PUBLIC}/stories/${item.story.slug}`);
    }

    const id = "ice-tripled-azure-data";
    const one = (await (await claim.GET(inner(`/api/claims/${id}`), { params: Promise.resolve({ id }) })).json()) as { url: string; sources: { source: { id: string } }[] };
    expect(one.url).toBe(`${PUBLIC}/claims/${id}`);

    const sourceId = one.sources[0]!.source.id;
    const cited = (await (await source.GET(inner(`/api/sources/${sourceId}`), { params: Promise.resolve({ id: sourceId }) })).json()) as {
      pageUrl: string;
      allClaimsUrl: string;
      claimsTotal: number;
      linksTotal: number;
      claims: { claim: { id: string; url: string } }[];
    };
    expect(cited.pageUrl).toBe(`${PUBLIC}/sources/${sourceId}`);
    for (const backlink of cited.claims) expect(backlink.claim.url).toBe(`${PUBLIC}/claims/${backlink.claim.id}`);
    expect(cited.allClaimsUrl).toBe(`${PUBLIC}/api/claims?source=${sourceId}`);
    expect(cited.linksTotal).toBe(cited.claims.length);
    expect(cited.claimsTotal).toBe(new Set(cited.claims.map((link) => link.claim.id)).size);
    expect(one).toMatchObject({ story: { url: expect.stringMatching(new RegExp(`^${PUBLIC}/stories/`)) } });
  });
});
