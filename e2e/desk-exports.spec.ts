import { parse as parseCsv } from "csv-parse/sync";
import { expect, test, type Page } from "@playwright/test";
import { seriousViolations } from "./fixtures/axe";
import { signIn, unique } from "./fixtures/auth";
import { download, pdfText } from "./fixtures/files";

const STORY = "Microsoft denies ICE uses its technology for mass surveillance";
const STORY_ID = "microsoft-ice-surveillance";
// Seed claims every export of the story must hold (fixed ids: prisma/seed-data).
const SEED_IDS = ["ice-tripled-azure-data", "microsoft-terms-forbid-mass-surveillance", "ice-declines-to-comment-on-tools"];

/** An editor records a claim in the seeded story, rates it and publishes it: a published verdict. */
async function publishVerdict(page: Page, summary: string, status: string, reason: string): Promise<string> {
  await page.goto("/desk/claims/new");
  await page.getByLabel("The claim's words").fill(`${summary}, the spokesperson said.`);
  await page.getByLabel("Summary").fill(summary);
  await page.getByLabel("Claimant").selectOption({ label: "Microsoft" });
  await page.getByLabel("Story").selectOption({ label: STORY });
  await page.getByRole("button", { name: "Record claim" }).click();
  await expect(page.getByRole("heading", { level: 1, name: summary })).toBeVisible();
  const id = page.url().split("/desk/claims/")[1]!.split(/[?#]/)[0]!;
  const statusForm = page.getByRole("form", { name: "Change the status" });
  await statusForm.getByLabel("Status").selectOption({ value: status });
  await statusForm.getByLabel("Reason").fill(reason);
  await statusForm.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText(`Reason for the status: ${reason}`)).toBeVisible();
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByRole("heading", { name: "Published" })).toBeVisible();
  return id;
}

test("an editor downloads the seeded story as CSV, JSON, ClaimReview and PDF, and each file parses", async ({ page }) => {
  test.slow();
  await signIn(page, "editor");
  const summary = unique("Microsoft says its cloud holds no ICE data");
  const verdictId = await publishVerdict(page, summary, "false", "ICE's own records show the data on Azure.");

  await page.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Export" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Export" })).toBeVisible();
  await page.getByLabel("Story").selectOption({ label: STORY });

  // CSV, one row per claim, with a byte-order mark for Excel.
  await page.getByLabel(/Add a byte-order mark/).check();
  const csv = await download(page, page.getByRole("button", { name: "Download CSV" }));
  // Drafts too, as the form starts, and the name says so.
  expect(csv.name).toMatch(new RegExp(`^factline-claims-${STORY_ID}-with-drafts-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  expect(csv.text.startsWith("\uFEFF")).toBe(true);
  const rows = parseCsv(csv.text, { bom: true, columns: true }) as Record<string, string>[];
  expect(Object.keys(rows[0]!)).toEqual(["id", "summary", "text", "claimant", "claim_date", "story", "status", "status_label", "status_reason", "source_count", "url", "published_at", "updated_at"]);
  expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining([...SEED_IDS, verdictId]));
  expect(rows.find((r) => r.id === verdictId)).toMatchObject({ summary, status: "false", status_label: "False", story: STORY });

  // CSV, one row per link, with quotes.
  await page.getByLabel(/One row per claim–source link/).check();
  const links = parseCsv((await download(page, page.getByRole("button", { name: "Download CSV" }))).text, { bom: true, columns: true }) as Record<string, string>[];
  expect(links.find((r) => r.claim_id === "ice-tripled-azure-data" && r.relation === "appears-in")?.quote).toBeTruthy();

  // JSON: the full structure, with the editor's notes and history.
  const json = JSON.parse((await download(page, page.getByRole("button", { name: "Download JSON" }))).text) as {
    format: string;
    version: number;
    claims: { id: string; annotations: unknown[]; history: unknown[] }[];
    sources: unknown[];
    claimants: unknown[];
  };
  expect(json).toMatchObject({ format: "factline-export", version: 1 });
  expect(json.claims.map((c) => c.id)).toEqual(expect.arrayContaining(SEED_IDS));
  expect(json.claims.some((c) => c.annotations.length > 0)).toBe(true);
  expect(json.claims.every((c) => c.history.length > 0)).toBe(true);
  expect(json.sources.length).toBeGreaterThan(0);

  // ClaimReview: one per published verdict; the seed's claims are unverified or not checkable, so only ours.
  const claimReview = JSON.parse((await download(page, page.getByRole("button", { name: "Download ClaimReview (JSON-LD)" }))).text) as {
    "@context": string;
    "@graph": { url: string; claimReviewed: string; reviewRating: { alternateName: string; ratingValue: number; worstRating: number; bestRating: number } }[];
  };
  expect(claimReview["@context"]).toBe("https://schema.org");
  const review = claimReview["@graph"].find((r) => r.url.endsWith(`/claims/${verdictId}`));
  expect(review).toMatchObject({ claimReviewed: summary, reviewRating: { alternateName: "False", ratingValue: 1, worstRating: 1, bestRating: 5 } });
  expect(claimReview["@graph"].some((r) => r.url.endsWith("/claims/ice-tripled-azure-data"))).toBe(false);

  // PDF: opens in a PDF reader and holds the story and each claim.
  await page.getByRole("radiogroup", { name: "Publication" }).getByLabel("Published claims only").check();
  const pdf = await download(page, page.getByRole("button", { name: "Download PDF report" }));
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const { text } = await pdfText(pdf.bytes);
  expect(text).toContain(STORY);
  expect(text).toContain(summary);

  // The printable report shows the same claims in the page.
  await page.getByRole("button", { name: "Open printable report" }).click();
  await expect(page.getByRole("heading", { level: 1, name: STORY })).toBeVisible();
  await expect(page.getByRole("table").getByRole("link", { name: summary })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print this report" })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("the export form keeps what was typed and says what is wrong", async ({ page }) => {
  await signIn(page, "editor");
  await page.goto("/desk/export");
  await page.getByLabel("Claims dated from").fill("2025-06-01");
  await page.getByLabel("Claims dated up to").fill("2025-05-01");
  await page.getByLabel("False").check();
  await page.getByRole("button", { name: "Download CSV" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Nothing was exported.");
  await expect(page.getByLabel("Claims dated up to")).toHaveAttribute("aria-invalid", "true");
  // The keyboard is taken to the field to correct, as after any form (the page loaded anew).
  await expect(page.getByLabel("Claims dated up to")).toBeFocused();
  await expect(page.getByText("The end date is before the start date (2025-06-01): choose a day on or after it.")).toBeVisible();
  await expect(page.getByLabel("Claims dated from")).toHaveValue("2025-06-01");
  await expect(page.getByLabel("False")).toBeChecked();
  expect(await seriousViolations(page)).toEqual([]);

  // A ClaimReview export with nothing in it says which claims it left out, and why.
  await page.getByLabel("Claims dated from").fill("");
  await page.getByLabel("Claims dated up to").fill("");
  await page.getByLabel("False").uncheck();
  await page.getByLabel("Unverified").check();
  await page.getByLabel("Story").selectOption({ label: STORY });
  await page.getByRole("button", { name: "Download ClaimReview (JSON-LD)" }).click();
  const alert = page.getByRole("main").getByRole("alert");
  await expect(alert).toContainText("has a published verdict, so there is no ClaimReview to export.");
  // No field to correct: the keyboard is on the message.
  await expect(alert).toBeFocused();
  await expect(alert.getByRole("listitem").first()).toContainText("rated Unverified, which is not a verdict");
  expect(await seriousViolations(page)).toEqual([]);

  // A group of boxes with a problem (an address edited by hand) is marked invalid like a single
  // field: the keyboard goes to its first box, and the group's description holds the problem.
  await page.goto("/desk/export?status=bogus&format=csv");
  const statuses = page.getByRole("group", { name: "Statuses", exact: true });
  await expect(statuses).toHaveAccessibleDescription(/must be one of/);
  await expect(statuses.getByLabel("Unverified")).toHaveAttribute("aria-invalid", "true");
  await expect(statuses.getByLabel("Unverified")).toBeFocused();
  // A radio button takes no aria-invalid: its group does, and the keyboard goes into it.
  await page.goto("/desk/export?publication=bogus&format=csv");
  const publication = page.getByRole("radiogroup", { name: "Publication", exact: true });
  await expect(publication).toHaveAttribute("aria-invalid", "true");
  await expect(publication).toHaveAccessibleDescription(/must be one of/);
  await expect(publication.getByRole("radio").first()).toBeFocused();
  // A story id that names no story exports nothing rather than an empty file.
  await page.goto("/desk/export?story=no-such-story&format=csv");
  await expect(page.getByLabel("Story")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("No story has the id “no-such-story”: choose one from the menu.")).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test("open data is for anyone; editor exports are refused to visitors and reviewers", async ({ browser, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL: baseURL! });
  const open = await anonymous.get("/api/open-data/claims.csv");
  expect(open.status()).toBe(200);
  expect(open.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect((parseCsv(await open.text(), { columns: true }) as unknown[]).length).toBeGreaterThanOrEqual(12);

  for (const url of ["/api/exports?format=csv", "/api/exports?format=json", "/api/exports?format=claimreview", "/api/exports?format=pdf"]) {
    const refused = await anonymous.get(url);
    expect(refused.status(), url).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: "unauthenticated" } });
  }
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/desk/export");
  await expect(visitor).toHaveURL(/\/sign-in\?next=%2Fdesk/);

  const reviewer = await (await browser.newContext()).newPage();
  await signIn(reviewer, "reviewer");
  await expect(reviewer.getByRole("navigation", { name: "Desk" }).getByRole("link", { name: "Export" })).toHaveCount(0);
  const refused = await reviewer.request.get("/api/exports?format=json");
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
  expect((await reviewer.goto("/desk/export"))?.status()).toBe(403);
  expect((await reviewer.goto("/desk/export/report"))?.status()).toBe(403);
  await anonymous.dispose();
});

test("a correction to a published verdict shows on the claim page, in the corrections log, the feed and ClaimReview", async ({ page, browser }) => {
  test.slow();
  await signIn(page, "editor");
  const summary = unique("Microsoft says ICE data is under 1 PB");
  const id = await publishVerdict(page, summary, "accurate", "The contract filing matches.");

  // Changing the verdict readers saw needs a correction note.
  const statusForm = page.getByRole("form", { name: "Change the status" });
  await statusForm.getByLabel("Status").selectOption({ value: "misleading" });
  await statusForm.getByLabel("Reason").fill("The filing counts only one of two data centres.");
  await statusForm.getByRole("button", { name: "Save status" }).click();
  await expect(statusForm.getByLabel("Correction note")).toHaveAttribute("aria-invalid", "true");
  await expect(statusForm.getByText("write a correction note")).toBeVisible();
  const note = unique("We first rated this accurate; a second filing shows more data.");
  await statusForm.getByLabel("Correction note").fill(note);
  await statusForm.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText("Reason for the status: The filing counts only one")).toBeVisible();

  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`/claims/${id}`);
  const corrections = reader.getByRole("region", { name: "Correction" });
  await expect(corrections).toContainText("We changed our rating from Accurate to Misleading.");
  await expect(corrections).toContainText(note);
  const jsonLd = JSON.parse((await reader.locator('script[type="application/ld+json"]').textContent())!) as Record<string, unknown>;
  expect(jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "ClaimReview", claimReviewed: summary, reviewRating: { alternateName: "Misleading" }, correction: [{ text: note }] });

  await reader.getByRole("link", { name: "All corrections" }).click();
  await expect(reader.getByRole("heading", { level: 1, name: "Corrections" })).toBeVisible();
  // Other specs may publish a correction in between: find this one by its claim.
  const entry = reader.getByRole("list", { name: "Corrections, newest first" }).getByRole("listitem").filter({ hasText: summary });
  await expect(entry).toContainText(note);

  const feed = await reader.request.get("/feed.atom");
  expect(feed.headers()["content-type"]).toBe("application/atom+xml; charset=utf-8");
  const xml = await feed.text();
  expect(xml).toContain(`<title type="text">Correction: ${summary}</title>`);
  expect(xml).toContain(`/claims/${id}#corrections`);
});
