// A source captured again: the capture joins its history, its captured text is replaced, and the
// quotes linked to it are checked against the new text, all in one transaction. A capture made on
// the new-source form waits for that form and joins the source it saves.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CapturedPage } from "@/lib/capture/capture";
import { createTestDatabase } from "@/lib/testing/test-database";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { recaptureSource, recordPendingCapture, sourceAddress } = await import("./captures");
const { createSource } = await import("./sources");
const { AppError, CaptureGoneError } = await import("@/lib/errors");
const { PENDING_CAPTURE_HOURS } = await import("@/lib/validation/source");

type Reviewer = { id: string; name: string; email: string; role: "reviewer" };
let reviewer: Reviewer;
let other: Reviewer;
let claimantId: string;
let storyId: string;

async function person(name: string): Promise<Reviewer> {
  const u = await db.user.create({ data: { name, email: `${name.toLowerCase()}@example.org`, role: "reviewer" } });
  return { id: u.id, name: u.name, email: u.email, role: "reviewer" };
}

beforeAll(async () => {
  reviewer = await person("Fran");
  other = await person("Gil");
  claimantId = (await db.claimant.create({ data: { name: "Harbour Council", kind: "organisation" } })).id;
  storyId = (await db.story.create({ data: { slug: "harbour-bridge", title: "Harbour bridge" } })).id;
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

function page(text: string, overrides: Partial<CapturedPage> = {}): CapturedPage {
  return {
    requestedUrl: "https://news.example.org/bridge",
    finalUrl: "https://news.example.org/2026/bridge",
    status: 200,
    sha256: "a".repeat(64),
    redirects: 1,
    ms: 12,
    bytes: 2048,
    kind: "html",
    text,
    title: "Harbour bridge budget approved",
    publisher: "Harbour Gazette",
    author: null,
    publishedAt: "2026-03-17",
    ...overrides,
  };
}

const OLD_TEXT = "The council approved a budget of $48.2 million. Road repairs “more than tripled” since 2019.";
const NEW_TEXT = "The council approved a budget of $48.2 million. Road repair spending rose.";

async function sourceWithQuotes() {
  const source = await db.source.create({ data: { title: "Bridge article", kind: "news-report", url: "https://news.example.org/bridge", capturedText: OLD_TEXT } });
  const quotes = ["approved a budget of $48.2 million", "Road repairs \"more than tripled\" since 2019", "a sentence the page never had"];
  const claims = [];
  for (const [n, quote] of quotes.entries()) {
    const claim = await db.claim.create({ data: { text: `Claim ${n}`, summary: `Claim ${n} about the bridge`, claimantId, storyId } });
    await db.claimSource.create({ data: { claimId: claim.id, sourceId: source.id, relation: "appears-in", quote } });
    claims.push(claim.id);
  }
  return { sourceId: source.id, claims };
}

describe("capturing a source again", () => {
  it("keeps the capture, replaces the text and says which linked quotes the new text lacks", async () => {
    const { sourceId, claims } = await sourceWithQuotes();
    const report = await recaptureSource(reviewer, sourceId, page(NEW_TEXT));

    expect(report.found).toBe(1);
    expect(report.unfound.map((q) => ({ claimId: q.claimId, quote: q.quote, wasFound: q.wasFound }))).toEqual([
      { claimId: claims[1], quote: 'Road repairs "more than tripled" since 2019', wasFound: true },
      { claimId: claims[2], quote: "a sentence the page never had", wasFound: false },
    ]);
    expect(report.unfound[0]!.claimSummary).toBe("Claim 1 about the bridge");

    const source = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(source.capturedText).toBe(NEW_TEXT);
    expect(source.version).toBe(2);
    const capture = await db.sourceCapture.findUniqueOrThrow({ where: { id: report.captureId } });
    expect(capture).toMatchObject({ sourceId, requestedUrl: "https://news.example.org/bridge", finalUrl: "https://news.example.org/2026/bridge", httpStatus: 200, kind: "html", bytes: 2048, sha256: "a".repeat(64), text: NEW_TEXT, capturedById: reviewer.id });

    // Each citing claim's history says the source's text changed, by its length.
    const events = await db.claimEvent.findMany({ where: { claimId: { in: claims }, kind: "source-edited" } });
    expect(events).toHaveLength(3);
    expect(JSON.parse(events[0]!.after!)).toEqual({ source: "Bridge article", capturedText: `${NEW_TEXT.length} characters` });
  });

  it("writes nothing when the source's web address changed while its page was being fetched", async () => {
    const { sourceId } = await sourceWithQuotes();
    // The address read before the fetch, then changed by a colleague during it.
    await db.source.update({ where: { id: sourceId }, data: { url: "https://news.example.org/other-page" } });
    const refused = recaptureSource(reviewer, sourceId, page(NEW_TEXT), "https://news.example.org/bridge");
    await expect(refused).rejects.toMatchObject({ code: "conflict" });
    const source = await db.source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(source).toMatchObject({ capturedText: OLD_TEXT, version: 1 });
    expect(await db.sourceCapture.count({ where: { sourceId } })).toBe(0);
    // Fetched from the address it still has: kept.
    await expect(recaptureSource(reviewer, sourceId, page(NEW_TEXT), "https://news.example.org/other-page")).resolves.toMatchObject({ found: 1 });
  });

  it("writes nothing when someone else saved the source after the page asking was opened", async () => {
    const { sourceId } = await sourceWithQuotes();
    // Opened at version 1; a colleague saves (version 2) before "Capture again" is pressed.
    await db.source.update({ where: { id: sourceId }, data: { author: "A colleague", version: 2 } });
    const refused = recaptureSource(reviewer, sourceId, page(NEW_TEXT), "https://news.example.org/bridge", 1);
    await expect(refused).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Someone else saved this source after you opened this page") });
    expect(await db.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({ capturedText: OLD_TEXT, version: 2, author: "A colleague" });
    expect(await db.sourceCapture.count({ where: { sourceId } })).toBe(0);
    // From the page as it is now: kept.
    await expect(recaptureSource(reviewer, sourceId, page(NEW_TEXT), "https://news.example.org/bridge", 2)).resolves.toMatchObject({ found: 1 });
    expect(await db.source.findUniqueOrThrow({ where: { id: sourceId } })).toMatchObject({ capturedText: NEW_TEXT, version: 3 });
  });

  it("records the change in the history when the new text has the old one's length", async () => {
    const { sourceId, claims } = await sourceWithQuotes();
    // One figure changed, "$48.2" to "$42.8": the same number of characters, a different text.
    const changed = OLD_TEXT.replace("$48.2", "$42.8");
    expect(changed).toHaveLength(OLD_TEXT.length);
    await recaptureSource(reviewer, sourceId, page(changed));

    const events = await db.claimEvent.findMany({ where: { claimId: { in: claims }, kind: "source-edited" } });
    expect(events).toHaveLength(3);
    expect(JSON.parse(events[0]!.before!)).toEqual({ source: "Bridge article", capturedText: `${OLD_TEXT.length} characters` });
    expect(JSON.parse(events[0]!.after!)).toEqual({ source: "Bridge article", capturedText: `${OLD_TEXT.length} characters (text changed)` });

    // The same text captured again changes nothing a claim's history would show.
    await recaptureSource(reviewer, sourceId, page(changed));
    expect(await db.claimEvent.count({ where: { claimId: { in: claims }, kind: "source-edited" } })).toBe(3);
  });

  it("keeps every earlier capture in the source's history", async () => {
    const { sourceId } = await sourceWithQuotes();
    await recaptureSource(reviewer, sourceId, page(OLD_TEXT, { sha256: "b".repeat(64) }));
    await recaptureSource(other, sourceId, page(NEW_TEXT, { sha256: "c".repeat(64) }));
    const history = await db.sourceCapture.findMany({ where: { sourceId }, orderBy: { sha256: "asc" }, select: { sha256: true, text: true, capturedById: true } });
    expect(history).toEqual([
      { sha256: "b".repeat(64), text: OLD_TEXT, capturedById: reviewer.id },
      { sha256: "c".repeat(64), text: NEW_TEXT, capturedById: other.id },
    ]);
  });

  it("writes nothing for a source that is gone", async () => {
    const before = await db.sourceCapture.count();
    await expect(recaptureSource(reviewer, "no-such-source", page(NEW_TEXT))).rejects.toBeInstanceOf(AppError);
    expect(await db.sourceCapture.count()).toBe(before);
    expect(await sourceAddress("no-such-source")).toBeUndefined();
  });

  it("reads the address a source is captured from", async () => {
    const { sourceId } = await sourceWithQuotes();
    expect(await sourceAddress(sourceId)).toBe("https://news.example.org/bridge");
    // Asked from a page that showed version 1: refused before any fetch once it was saved since.
    expect(await sourceAddress(sourceId, 1)).toBe("https://news.example.org/bridge");
    await db.source.update({ where: { id: sourceId }, data: { version: 2 } });
    await expect(sourceAddress(sourceId, 1)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("so it was not captured again") });
    const bare = await db.source.create({ data: { title: "A statement", kind: "official-statement" } });
    expect(await sourceAddress(bare.id)).toBeNull();
  });
});

describe("a capture made on the new-source form", () => {
  // One address, added several times on purpose: what is tested is the capture each source takes.
  const input = { title: "Port statement", publisher: null, author: null, url: "https://port.example.org/s", kind: "official-statement" as const, publishedAt: null, archivedUrl: null, description: null, capturedText: "The port handled 1.2 million containers.", sameAddress: true };

  it("joins the source the form saves", async () => {
    const pending = await recordPendingCapture(reviewer, page(input.capturedText));
    expect((await db.sourceCapture.findUniqueOrThrow({ where: { id: pending.id } })).sourceId).toBeNull();
    const { id } = await createSource(reviewer, { ...input, captureId: pending.id });
    expect((await db.sourceCapture.findUniqueOrThrow({ where: { id: pending.id } })).sourceId).toBe(id);
  });

  it("is not taken by someone else's form, nor moved once it has a source", async () => {
    const pending = await recordPendingCapture(reviewer, page(input.capturedText));
    await createSource(other, { ...input, captureId: pending.id });
    expect((await db.sourceCapture.findUniqueOrThrow({ where: { id: pending.id } })).sourceId).toBeNull();
    const { id } = await createSource(reviewer, { ...input, captureId: pending.id });
    await createSource(reviewer, { ...input, captureId: pending.id });
    expect((await db.sourceCapture.findUniqueOrThrow({ where: { id: pending.id } })).sourceId).toBe(id);
  });
});

describe("captures no form saved", () => {
  const HOUR = 60 * 60 * 1000;
  // One address, added several times on purpose: what is tested is the capture each source takes.
  const input = { title: "Ferry statement", publisher: null, author: null, url: "https://port.example.org/ferry", kind: "official-statement" as const, publishedAt: null, archivedUrl: null, description: null, capturedText: "The ferry carried 2 million passengers.", sameAddress: true };

  /** A capture made `hours` ago: on a new-source form, or by a source's "Capture again" when given one. */
  async function captureMadeAgo(hours: number, sourceId: string | null = null): Promise<string> {
    const { id } = await recordPendingCapture(reviewer, page(input.capturedText));
    await db.sourceCapture.update({ where: { id }, data: { sourceId, fetchedAt: new Date(Date.now() - hours * HOUR) } });
    return id;
  }

  async function kept(ids: string[]): Promise<string[]> {
    const rows = await db.sourceCapture.findMany({ where: { id: { in: ids } }, select: { id: true } });
    return ids.filter((id) => rows.some((row) => row.id === id));
  }

  it(`are deleted by the next capture once ${PENDING_CAPTURE_HOURS} hours old; a source's captures, and younger ones, stay`, async () => {
    const { sourceId } = await sourceWithQuotes();
    const stale = await captureMadeAgo(PENDING_CAPTURE_HOURS + 1);
    const recent = await captureMadeAgo(PENDING_CAPTURE_HOURS - 1);
    const oldOfSource = await captureMadeAgo(PENDING_CAPTURE_HOURS * 30, sourceId);

    const { id: fresh } = await recordPendingCapture(other, page(input.capturedText));
    expect(await kept([stale, recent, oldOfSource, fresh])).toEqual([recent, oldOfSource, fresh]);
  });

  it("are deleted by a source's capture again as well", async () => {
    const { sourceId } = await sourceWithQuotes();
    const stale = await captureMadeAgo(PENDING_CAPTURE_HOURS * 2);
    const recent = await captureMadeAgo(1);
    const { captureId } = await recaptureSource(other, sourceId, page(NEW_TEXT));
    expect(await kept([stale, recent, captureId])).toEqual([recent, captureId]);
  });

  it("leave their form refused with a message, writing no source; sent again without the capture, it saves its text", async () => {
    const stale = await captureMadeAgo(PENDING_CAPTURE_HOURS + 1);
    await recordPendingCapture(other, page(input.capturedText)); // sweeps it
    const title = `Ferry statement ${stale}`;
    const sources = () => db.source.count({ where: { title } });

    const refused = await createSource(reviewer, { ...input, title, captureId: stale }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(CaptureGoneError);
    expect((refused as Error).message).toMatch(/^This form's capture was made more than 24 hours ago and is no longer kept, so the source was not added\. Press Capture/);
    expect(await sources()).toBe(0);

    const { id } = await createSource(reviewer, { ...input, title, captureId: null });
    expect(await db.source.findUniqueOrThrow({ where: { id }, select: { capturedText: true } })).toEqual({ capturedText: input.capturedText });
    expect(await db.sourceCapture.count({ where: { sourceId: id } })).toBe(0);
  });
});
