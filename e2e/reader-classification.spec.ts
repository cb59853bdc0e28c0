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
