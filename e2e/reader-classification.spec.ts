import { expect, test, type APIResponse } from "@playwright/test";

// One classification of reader requests (issue 13, item 3). The proxy picks a page's policy
// (one cached copy for every reader, no nonce; or a render for this request, with a nonce) and
// Next.js's rewrites pick which copy is served. They must agree on every spelling of an address:
// a cached copy sent with a nonce policy, or a per-request page sent as shareable, could leave
// one reader's nonce in a copy every reader gets. Every spelling either redirects to the one
// spelling, or is answered consistently.

const READER_PAGES = ["/claims/ice-tripled-azure-data", "/claimants/microsoft", "/sources", "/stories/microsoft-ice-surveillance", "/methodology", "/open-data", "/feed.atom"];

function spellings(path: string): string[] {
  const [first, ...rest] = path.slice(1).split("/");
  const tail = rest.length > 0 ? `/${rest.join("/")}` : "";
  const mixed = first!.charAt(0).toUpperCase() + first!.slice(1);
  const encodedFirst = `%${first!.charCodeAt(0).toString(16)}${first!.slice(1)}`;
  return [
    path,
    `/${first!.toUpperCase()}${tail}`,
    `/${mixed}${tail}`,
    `${path}/`,
    `/${mixed}${tail}/`,
    `/${encodedFirst}${tail}`,
    ...(rest.length > 0 ? [`/${first}/${encodeURIComponent(rest[0]!.charAt(0)).replace(/^[a-z]$/, (c) => `%${c.charCodeAt(0).toString(16)}`)}${rest[0]!.slice(1)}`] : []),
    `${path}?utm_source=x`,
  ];
}

function describe(response: APIResponse) {
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  return {
    status: response.status(),
    location: headers.location ?? null,
    fromCache: "x-nextjs-cache" in headers,
    hasNonce: /'nonce-/.test(csp),
    cacheControl: headers["cache-control"] ?? "",
  };
}

test("every spelling of a reader address is redirected to its one spelling, or served as the proxy classified it", async ({ request }) => {
  for (const page of READER_PAGES) {
    for (const spelling of spellings(page)) {
      const seen = describe(await request.get(spelling, { maxRedirects: 0 }));
      if (seen.status === 308) {
        // Only to the lower-case spelling of the same address (or Next's own trailing-slash fix).
        expect(seen.location, spelling).not.toBeNull();
        const to = new URL(seen.location!, "http://x").pathname;
        expect([page, spelling.replace(/\/$/, ""), `/${spelling.split("/")[1]!.toLowerCase()}${spelling.slice(spelling.indexOf("/", 1) > 0 ? spelling.indexOf("/", 1) : spelling.length).replace(/\/$/, "")}`], spelling).toContain(to);
        continue;
      }
      if (seen.status === 404) {
        // No page: rendered for the request, never kept for others.
        expect(seen.fromCache, spelling).toBe(false);
        expect(seen.cacheControl, spelling).not.toMatch(/s-maxage|public/);
        continue;
      }
      expect(seen.status, spelling).toBe(200);
      // A cached copy carries the shared policy and no nonce; a per-request page a nonce and no
      // permission for a shared cache to keep it.
      expect({ spelling, nonce: seen.hasNonce }).toEqual({ spelling, nonce: !seen.fromCache });
      if (seen.hasNonce) expect(seen.cacheControl, spelling).not.toMatch(/s-maxage|public/);
    }
  }
});

test("a mixed-case reader address lands on the page, in its one spelling", async ({ page }) => {
  await page.goto("/CLAIMS/ice-tripled-azure-data");
  await expect(page).toHaveURL(/\/claims\/ice-tripled-azure-data$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("tripled");
});

// The claims list is cached by its filters (lib/cache/claim-list.ts): the proxy names them in a
// key, and only a request it keyed reaches the cached copy. Whatever the spelling of the query,
// a list is answered either from the one copy for its filters, with the shared policy, or for
// this request alone, with a nonce.
test("a claims list is one cached copy per set of filters; searches, refused queries and signed-in people get their own", async ({ request }) => {
  const list = "/claims?claimant=microsoft";
  // Kept from its second request (lib/cache/list-admission.ts): the first is rendered for its reader.
  const first = await request.get(list);
  expect(describe(first)).toMatchObject({ status: 200, fromCache: false, hasNonce: true });
  expect(describe(first).cacheControl).not.toMatch(/s-maxage|public/);
  expect(describe(await request.get(list))).toMatchObject({ status: 200, fromCache: true, hasNonce: false });
  const cached = await request.get(list);
  expect(describe(cached)).toMatchObject({ status: 200, fromCache: true, hasNonce: false });
  expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(describe(cached).cacheControl).toMatch(/public/);
  const body = await cached.text();
  expect(body).toContain("Claims 1–");

  // The filter form's own submission (empty fields), another order, a tracking parameter: the same copy.
  for (const spelling of ["/claims?q=&status=&story=&claimant=microsoft&source=", "/claims?story=&claimant=microsoft&utm_source=newsletter"]) {
    const same = await request.get(spelling);
    expect(describe(same), spelling).toMatchObject({ status: 200, fromCache: true, hasNonce: false });
    expect(await same.text(), spelling).toBe(body);
  }

  // Rendered for the request: a search, a page size, a parameter given twice, another spelling of the path.
  for (const spelling of ["/claims?q=azure", "/claims?status=accurate&limit=5", "/claims?status=accurate&status=false"]) {
    const own = await request.get(spelling);
    expect(describe(own), spelling).toMatchObject({ status: 200, fromCache: false, hasNonce: true });
    expect(describe(own).cacheControl, spelling).not.toMatch(/s-maxage|public/);
  }
  expect(await (await request.get("/claims?status=accurate&status=false")).text()).toContain("was given more than once");

  // A visitor cannot choose a cached copy by sending the proxy's key themselves.
  const spoofed = await request.get("/claims?q=azure", { headers: { "x-factline-claim-list": "false.~.~.~.~" } });
  expect(describe(spoofed)).toMatchObject({ status: 200, fromCache: false, hasNonce: true });
  expect(await spoofed.text()).toContain("azure");

  // Anyone whose browser sends a session cookie gets the list rendered for them.
  const signedIn = await request.get(list, { headers: { cookie: "factline.session_token=not-a-session" } });
  expect(describe(signedIn)).toMatchObject({ status: 200, fromCache: false, hasNonce: true });
});
