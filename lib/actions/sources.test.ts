// The new-source form whose capture was swept while it waited unsaved (ADR 029, amendment), as
// the reviewer meets it: the form says why nothing was saved and keeps what it holds; sent again
// as it comes back, it saves the source with its text and no capture record.
import { afterAll, describe, expect, it, vi } from "vitest";
import type { CapturedPage } from "@/lib/capture/capture";
import { createTestDatabase } from "@/lib/testing/test-database";

vi.mock("next/headers", async () => (await import("@/lib/testing/server-actions")).nextHeadersMock);
vi.mock("next/cache", async () => (await import("@/lib/testing/server-actions")).nextCacheMock);
vi.mock("next/navigation", async () => (await import("@/lib/testing/server-actions")).nextNavigationMock);
vi.mock("@/lib/auth", async (importOriginal) => (await import("@/lib/testing/server-actions")).authMock(await importOriginal()));

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { createPerson } = await import("@/lib/testing/action-targets");
const { callAction, form } = await import("@/lib/testing/server-actions");
const { createSourceAction, updateSourceAction } = await import("./sources");
const { updateClaimantAction } = await import("./claimants");
const { recordPendingCapture } = await import("@/lib/operations/captures");
const { PENDING_CAPTURE_HOURS } = await import("@/lib/validation/source");

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

const TEXT = "The port handled 1.2 million containers in 2025.";

function page(): CapturedPage {
  return { requestedUrl: "https://port.example.org/s", finalUrl: "https://port.example.org/s", status: 200, sha256: "d".repeat(64), redirects: 0, ms: 5, bytes: 512, kind: "text", text: TEXT, title: "Port statement", publisher: null, author: null, publishedAt: null };
}

describe("adding a source whose capture was swept", () => {
  it("says so in the form, saves nothing, and saves the form's text when sent again", async () => {
    const reviewer = await createPerson("reviewer", "Ines");
    const stale = await recordPendingCapture(reviewer, page());
    await db.sourceCapture.update({ where: { id: stale.id }, data: { fetchedAt: new Date(Date.now() - (PENDING_CAPTURE_HOURS + 1) * 60 * 60 * 1000) } });
    await recordPendingCapture(reviewer, page()); // another form's capture sweeps it
    const fields = { title: "Port statement", kind: "official-statement", publisher: "", author: "", url: "https://port.example.org/s", publishedAt: "", archivedUrl: "", description: "", capturedText: TEXT, captureId: stale.id };

    const refused = await callAction(createSourceAction, reviewer, form(fields));
    expect(refused.redirectedTo).toBeUndefined();
    expect(refused.state?.formError).toMatch(/^This form's capture was made more than 24 hours ago and is no longer kept, so the source was not added\./);
    expect(refused.state?.values).toEqual({ ...fields, captureId: "" });
    expect(await db.source.count({ where: { title: "Port statement" } })).toBe(0);

    const saved = await callAction(createSourceAction, reviewer, form(refused.state!.values));
    const id = /^\/desk\/sources\/([^/?]+)\/edit\?created=1#saved-notice$/.exec(saved.redirectedTo ?? "")?.[1];
    expect(await db.source.findUnique({ where: { id: id ?? "" }, select: { capturedText: true } })).toEqual({ capturedText: TEXT });
  });
});

// Without scripts the form posts to its own id (#source-form, formPermalink), and a redirect that
// names no part of its page keeps that fragment: the browser opened the page at the form, past
// the notice above it that says the save worked. The saved page names its notice instead.
describe("a save that comes back to the same page", () => {
  it("opens a source's edit page at its notice", async () => {
    const reviewer = await createPerson("reviewer", "Sami");
    const source = await db.source.create({ data: { title: "Harbour report", kind: "news-report" }, select: { id: true } });
    const fields = { sourceId: source.id, version: "1", title: "Harbour report", kind: "news-report", publisher: "", author: "", url: "", publishedAt: "", archivedUrl: "", description: "Described.", capturedText: "" };
    const saved = await callAction(updateSourceAction, reviewer, form(fields));
    expect(saved.state).toBeUndefined();
    expect(saved.redirectedTo).toBe(`/desk/sources/${source.id}/edit?saved=1#saved-notice`);
  });

  it("opens an unpublished claimant's edit page at its notice", async () => {
    const reviewer = await createPerson("reviewer", "Tove");
    const claimant = await db.claimant.create({ data: { name: "Harbour master", kind: "person" }, select: { id: true } });
    const fields = { claimantId: claimant.id, version: "1", name: "Harbour master", kind: "person", description: "Described.", url: "" };
    const saved = await callAction(updateClaimantAction, reviewer, form(fields));
    expect(saved.redirectedTo).toBe(`/desk/claimants/${claimant.id}/edit?saved=1#saved-notice`);
  });
});
