import { expect, test } from "@playwright/test";

interface ClaimItem {
  id: string;
  summary: string;
  text: string;
  status: string;
  claimant: { id: string; name: string };
  claimDate: string | null;
  story: { id: string; title: string };
  sourceCount: number;
  url: string;
}

test("GET /api/claims lists published claims with the documented shape and pages by cursor", async ({ request }) => {
  const first = await request.get("/api/claims?limit=5");
  expect(first.status()).toBe(200);
  const body = (await first.json()) as { items: ClaimItem[]; nextCursor: string | null; total: number };
  expect(body.total).toBe(12);
  expect(body.items).toHaveLength(5);
  const item = body.items[0]!;
  expect(Object.keys(item).sort()).toEqual(
    ["claimDate", "claimant", "id", "sourceCount", "status", "story", "summary", "text", "url"].sort(),
  );
  // At the app's public address (BETTER_AUTH_URL, which the test server sets to this base URL);
  // lib/api/public-links.test.ts asks from another address than the public one.
  expect(item.url).toBe(`${test.info().project.use.baseURL}/claims/${item.id}`);
  expect(typeof body.nextCursor).toBe("string");

  const seen = new Set(body.items.map((i) => i.id));
  let cursor = body.nextCursor;
  while (cursor) {
    const next = await request.get(`/api/claims?limit=5&cursor=${encodeURIComponent(cursor)}`);
    expect(next.status()).toBe(200);
    const page = (await next.json()) as { items: ClaimItem[]; nextCursor: string | null };
    for (const i of page.items) {
      expect(seen.has(i.id)).toBe(false);
      seen.add(i.id);
    }
    cursor = page.nextCursor;
  }
  expect(seen.size).toBe(12);
});

test("GET /api/claims filters and searches", async ({ request }) => {
  const search = (await (await request.get("/api/claims?q=tripled")).json()) as { items: ClaimItem[] };
  expect(search.items[0]?.summary).toContain("tripled");
  expect(search.items[0]?.claimant.name).toBe("The Guardian");

  const notCheckable = (await (await request.get("/api/claims?status=not-checkable")).json()) as { items: ClaimItem[]; total: number };
  expect(notCheckable.total).toBeGreaterThan(0);
  expect(notCheckable.items.every((i) => i.status === "not-checkable")).toBe(true);

  const claimantId = search.items[0]!.claimant.id;
  const byClaimant = (await (await request.get(`/api/claims?claimant=${claimantId}`)).json()) as { items: ClaimItem[] };
  expect(byClaimant.items.length).toBeGreaterThan(0);
  expect(byClaimant.items.every((i) => i.claimant.id === claimantId)).toBe(true);
});

test("GET /api/claims/{id} and /api/sources/{id} link claims and sources both ways", async ({ request }) => {
  const list = (await (await request.get("/api/claims?q=tripled")).json()) as { items: ClaimItem[] };
  const claimRes = await request.get(`/api/claims/${list.items[0]!.id}`);
  expect(claimRes.status()).toBe(200);
  const claim = (await claimRes.json()) as {
    id: string;
    url: string;
    sources: { relation: string; quote: string; source: { id: string; title: string; publisher: string | null; url: string | null; kind: string; publishedAt: string | null } }[];
    annotations: unknown[];
    events: { kind: string }[];
  };
  expect(claim.sources.length).toBeGreaterThan(0);
  expect(Object.keys(claim.sources[0]!.source).sort()).toEqual(["id", "kind", "publishedAt", "publisher", "title", "url"]);
  // The public history begins at publication; the seed's notes are the desk's, not readers'.
  expect(claim.events.map((e) => e.kind)).toEqual(["published"]);
  expect(claim.annotations).toEqual([]);

  const sourceRes = await request.get(`/api/sources/${claim.sources[0]!.source.id}`);
  expect(sourceRes.status()).toBe(200);
  const source = (await sourceRes.json()) as { pageUrl: string; claims: { relation: string; quote: string; claim: { id: string; summary: string; status: string } }[] };
  expect(claim.url).toBe(`${test.info().project.use.baseURL}/claims/${claim.id}`);
  expect(source.pageUrl).toBe(`${test.info().project.use.baseURL}/sources/${claim.sources[0]!.source.id}`);
  expect(source.claims.map((c) => c.claim.id)).toContain(claim.id);
});

test("GET /api/health answers ok", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
});

test("bad parameters get 400 and unknown ids 404, with a JSON error", async ({ request }) => {
  const bad = [
    "status=bogus",
    "limit=-1",
    "limit=abc",
    "limit=0",
    "limit=101",
    "limit=2.5",
    "cursor=not-a-cursor!",
    `cursor=${Buffer.from('{"n":-4}').toString("base64url")}`,
    "claimant=%3Cscript%3E",
    "status=accurate&status=false",
    "colour=blue",
    `q=${"a".repeat(201)}`,
  ];
  for (const query of bad) {
    const res = await request.get(`/api/claims?${query}`);
    expect(res.status(), query).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code, query).toBe("bad_request");
    expect(body.error.message.length, query).toBeGreaterThan(0);
  }
  for (const path of ["/api/claims/no-such-claim", "/api/sources/no-such-source", "/api/claims/%E2%80%AE%00"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("not_found");
  }
});
