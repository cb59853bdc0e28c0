import AxeBuilder from "@axe-core/playwright";
import { parse as parseCsv } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";

test("a visitor downloads the published claims as CSV, JSON and ClaimReview without signing in", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Open data" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Open data" })).toBeVisible();

  const csv = await request.get("/api/open-data/claims.csv?story=microsoft-ice-surveillance");
  expect(csv.status()).toBe(200);
  const rows = parseCsv(await csv.text(), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(12);
  expect(rows.find((r) => r.id === "ice-tripled-azure-data")).toMatchObject({ claimant: "The Guardian", status: "unverified" });

  const links = parseCsv(await (await request.get("/api/open-data/claims.csv?layout=links")).text(), { columns: true }) as Record<string, string>[];
  expect(links.length).toBeGreaterThan(rows.length);

  const json = (await (await request.get("/api/open-data/claims.json?status=not-checkable")).json()) as { scope: string; claims: { id: string; status: string }[] };
  expect(json.scope).toBe("open-data");
  expect(json.claims.map((c) => c.status)).toEqual(["not-checkable", "not-checkable"]);
  expect(JSON.stringify(json)).not.toMatch(/"annotations"|"history"|@example\.org/);

  const jsonLd = await request.get("/api/open-data/claimreview.jsonld");
  expect(jsonLd.headers()["content-type"]).toBe("application/ld+json; charset=utf-8");
  expect(await jsonLd.json()).toMatchObject({ "@context": "https://schema.org", "@graph": expect.any(Array) });

  const bad = await request.get("/api/open-data/claims.json?publication=all");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toEqual({ error: { code: "bad_request", message: "Unknown parameter: publication." } });
});

test("every page names the Atom feed in its head, and the feed is valid XML", async ({ page, request }) => {
  await page.goto("/claims");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.atom$/);
  const feed = await request.get("/feed.atom");
  expect(feed.status()).toBe(200);
  const xml = await feed.text();
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  expect(XMLValidator.validate(xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: Record<string, unknown> };
  expect(doc.feed).toMatchObject({ "@_xmlns": "http://www.w3.org/2005/Atom", id: expect.stringMatching(/\/feed\.atom$/), updated: expect.any(String) });
});

test("the corrections log and the open data page have no serious axe violations", async ({ page }) => {
  for (const path of ["/corrections", "/open-data"]) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id), path).toEqual([]);
  }
});
