import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimInput } from "@/lib/testing/fixtures/claim-input";
import { createTestDatabase } from "@/lib/testing/test-database";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
process.env.BETTER_AUTH_URL = "https://factline.example";

const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { createClaim, updateClaim, changeStatus, setPublished, assignClaim, markDuplicate } = await import("./claims");
const { linkSource, updateLink, unlinkSource } = await import("./links");
const { addAnnotation, deleteAnnotation, editAnnotation } = await import("./annotations");
const { createSource, sameAddresses, updateSource } = await import("./sources");
const { updateClaimant } = await import("./claimants");
const { AppError, ConflictError, FieldRuleError } = await import("@/lib/errors");
const { firstVerdictDates } = await import("@/lib/data/exports");
const { exportResponse } = await import("@/lib/api/exports");
const { getClaim } = await import("@/lib/data/claims");
const { listFeedItems } = await import("@/lib/data/corrections");
const { explainEmptyClaimReview } = await import("@/lib/data/exports");
const { parseExportQuery } = await import("@/lib/validation/export-query");

type Actor = { id: string; name: string; email: string; role: "reviewer" | "editor" | "admin" };
let reviewer: Actor;
let editor: Actor;

beforeAll(async () => {
  await seedDatabase(db);
  const r = await db.user.create({ data: { name: "Rita", email: "rita@example.org", role: "reviewer" } });
  const e = await db.user.create({ data: { name: "Eddie", email: "eddie@example.org", role: "editor" } });
  reviewer = { id: r.id, name: r.name, email: r.email, role: "reviewer" };
  editor = { id: e.id, name: e.name, email: e.email, role: "editor" };
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

const input = claimInput();

async function events(claimId: string) {
  return db.claimEvent.findMany({ where: { claimId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, before: true, after: true, reason: true, actorId: true } });
}

describe("claim operations", () => {
  it("create a draft with its 'created' event, by its author", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    const claim = await db.claim.findUniqueOrThrow({ where: { id } });
    expect(claim.publishedAt).toBeNull();
    expect(claim.version).toBe(1);
    expect((await events(id)).map((e) => [e.kind, e.actorId])).toEqual([["created", reviewer.id]]);
  });

  it("refuse a save from an older version with the current values, changing nothing", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await updateClaim(reviewer, id, { ...input, claimantId: claimant.id, text: "First save.", version: 1 });
    const stale = updateClaim(editor, id, { ...input, claimantId: claimant.id, text: "Stale save.", version: 1 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ current: { Words: "First save." }, version: 2 });
    // What the person is shown is the newsroom's words, not the version counter.
    await expect(stale).rejects.not.toHaveProperty("current.Version");
    const claim = await db.claim.findUniqueOrThrow({ where: { id } });
    expect(claim.text).toBe("First save.");
    expect(claim.version).toBe(2);
    const log = await events(id);
    expect(log.map((e) => e.kind)).toEqual(["created", "edited"]);
    expect(JSON.parse(log[1]!.before!)).toEqual({ text: "Words as said." });
    expect(JSON.parse(log[1]!.after!)).toEqual({ text: "First save." });
  });

  it("refuse a stale publish with everything saved now: the status and its reason the editor has not seen", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true, name: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await changeStatus(reviewer, id, { status: "in-review", reason: "Gathering evidence.", version: 1 });
    await assignClaim(reviewer, id, reviewer.id, 2);
    // The editor's page was opened at version 3; the reviewer rates the claim after that.
    await changeStatus(reviewer, id, { status: "false", reason: "Contradicted by the award records.", version: 3 });
    const stale = setPublished(editor, id, true, 3);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const story = await db.story.findFirstOrThrow({ where: { claims: { some: { id } } }, select: { title: true } });
    await expect(stale).rejects.toMatchObject({
      version: 4,
      current: {
        Words: input.text,
        Claimant: claimant.name,
        Story: story.title,
        Status: "False",
        "Reason for the status": "Contradicted by the award records.",
        "Shown to readers": "No: a draft",
        "Assigned to": "Rita",
        "Duplicate of": "Nothing: it stands alone",
      },
    });
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).publishedAt).toBeNull();
  });

  it("let a reviewer set a draft's status but not a published claim's; an editor may", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await changeStatus(reviewer, id, { status: "misleading", reason: "Leaves out the context.", version: 1 });
    await setPublished(editor, id, true, 2);
    await expect(changeStatus(reviewer, id, { status: "false", reason: "Changed my mind.", version: 3 })).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).status).toBe("misleading");
    await changeStatus(editor, id, { status: "false", reason: "New records contradict it.", correction: "We rated this misleading until the award records came out.", version: 3 });
    const log = await events(id);
    expect(log.map((e) => e.kind)).toEqual(["created", "status-changed", "published", "corrected"]);
    expect(log[3]!.reason).toBe("New records contradict it.");
    expect(JSON.parse(log[3]!.before!)).toMatchObject({ status: "misleading" });
  });

  it("require a correction note to change a published verdict, and record it with the change", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await changeStatus(editor, id, { status: "accurate", reason: "The filing says so.", version: 1 });
    await setPublished(editor, id, true, 2);

    const silent = changeStatus(editor, id, { status: "false", reason: "A later filing contradicts it.", correction: "  ", version: 3 });
    await expect(silent).rejects.toMatchObject({ code: "bad_request", field: "correction" });
    expect(await db.correction.count({ where: { claimId: id } })).toBe(0);
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).status).toBe("accurate");

    await changeStatus(editor, id, { status: "false", reason: "A later filing contradicts it.", correction: "We first rated this accurate; the 2026 filing shows otherwise.", version: 3 });
    const corrections = await db.correction.findMany({ where: { claimId: id } });
    expect(corrections).toMatchObject([{ previousStatus: "accurate", newStatus: "false", note: "We first rated this accurate; the 2026 filing shows otherwise.", authorId: editor.id }]);
    const last = (await events(id)).at(-1)!;
    expect(last.kind).toBe("corrected");
    expect(JSON.parse(last.after!)).toMatchObject({ status: "false", correction: "We first rated this accurate; the 2026 filing shows otherwise." });

    // A reason-only change on a published claim needs no correction, and records none.
    await changeStatus(editor, id, { status: "false", reason: "A later filing, page 4, contradicts it.", version: 4 });
    expect(await db.correction.count({ where: { claimId: id } })).toBe(1);
    expect((await events(id)).at(-1)!.kind).toBe("status-changed");
  });

  it("need the correction even after unpublishing, and keep the first publication date on republishing", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await changeStatus(editor, id, { status: "accurate", reason: "The filing says so.", version: 1 });
    await setPublished(editor, id, true, 2);
    const first = (await db.claim.findUniqueOrThrow({ where: { id } })).publishedAt!;
    await setPublished(editor, id, false, 3);

    // Withdrawn, but readers saw "accurate": a reviewer may not change it, an editor must say why.
    await expect(changeStatus(reviewer, id, { status: "false", reason: "Wrong.", version: 4 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeStatus(editor, id, { status: "false", reason: "Wrong.", version: 4 })).rejects.toMatchObject({ field: "correction" });
    await changeStatus(editor, id, { status: "false", reason: "Wrong.", correction: "We rated this accurate before the second filing.", version: 4 });
    expect(await db.correction.count({ where: { claimId: id } })).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await setPublished(editor, id, true, 5);
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).publishedAt).toEqual(first);
  });

  it("leave a claim's last-changed time alone when only its assignee changes", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    const before = (await db.claim.findUniqueOrThrow({ where: { id } })).updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await assignClaim(editor, id, reviewer.id, 1);
    const after = await db.claim.findUniqueOrThrow({ where: { id } });
    expect(after.assigneeId).toBe(reviewer.id);
    expect(after.version).toBe(2);
    expect(after.updatedAt).toEqual(before);
  });

  it("refuse a correction note on a draft, which readers never saw", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await expect(changeStatus(editor, id, { status: "false", reason: "Wrong.", correction: "Nothing to correct.", version: 1 })).rejects.toMatchObject({ field: "correction" });
    expect(await db.correction.count({ where: { claimId: id } })).toBe(0);
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).version).toBe(1);
  });

  it("refuse to publish a claim whose status has no reason", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await expect(setPublished(editor, id, true, 1)).rejects.toBeInstanceOf(AppError);
    expect((await db.claim.findUniqueOrThrow({ where: { id } })).publishedAt).toBeNull();
  });

  it("record assignments by name, and refuse a disabled assignee", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await assignClaim(editor, id, reviewer.id, 1);
    const banned = await db.user.create({ data: { name: "Gone", email: "gone@example.org", banned: true } });
    await expect(assignClaim(editor, id, banned.id, 2)).rejects.toMatchObject({ code: "bad_request" });
    const log = await events(id);
    expect(JSON.parse(log.at(-1)!.after!)).toEqual({ assignee: "Rita" });
  });

  it("write nothing when the history event cannot be written", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    // An actor that does not exist breaks the event's foreign key: the edit must roll back with it.
    const ghost = { ...reviewer, id: "no-such-user" };
    await expect(updateClaim(ghost, id, { ...input, claimantId: claimant.id, text: "Ghost edit.", version: 1 })).rejects.toThrow();
    const claim = await db.claim.findUniqueOrThrow({ where: { id } });
    expect(claim.text).toBe("Words as said.");
    expect(claim.version).toBe(1);
  });
});

describe("claimants of one name", () => {
  it("ask before a second claimant of a name is added, in any letter case, and add it when meant", async () => {
    const named = { ...input, claimantId: "new", newClaimantName: " MICROSOFT ", newClaimantKind: "organization" as const };
    const before = { claims: await db.claim.count(), claimants: await db.claimant.count() };
    const refused = await createClaim(editor, named).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(FieldRuleError);
    expect(refused).toMatchObject({ field: "sameClaimantName", message: expect.stringContaining("A claimant named “Microsoft” is on the desk already") });
    expect({ claims: await db.claim.count(), claimants: await db.claimant.count() }).toEqual(before);
    // The same on an edit that names a new claimant.
    const { id } = await createClaim(editor, input);
    await expect(updateClaim(editor, id, { ...named, version: 1 })).rejects.toBeInstanceOf(FieldRuleError);
    // Meant: someone else of that name.
    await createClaim(editor, { ...named, sameClaimantName: true });
    expect(await db.claimant.count()).toBe(before.claimants + 1);
  });

  it("ask before a claimant is renamed to another's name, and not for a change of its own letter case", async () => {
    const harbour = await db.claimant.create({ data: { name: "Harbour Board", kind: "organization" }, select: { id: true } });
    const edit = { name: "the guardian", kind: "organization" as const, description: "", url: null, version: 1 };
    await expect(updateClaimant(editor, harbour.id, edit)).rejects.toMatchObject({ field: "sameName", message: expect.stringContaining("“The Guardian”") });
    expect((await db.claimant.findUniqueOrThrow({ where: { id: harbour.id } })).name).toBe("Harbour Board");
    await updateClaimant(editor, harbour.id, { ...edit, name: "HARBOUR BOARD" });
    await updateClaimant(editor, harbour.id, { ...edit, sameName: true, version: 2 });
    expect((await db.claimant.findUniqueOrThrow({ where: { id: harbour.id } })).name).toBe("the guardian");
  });
});

describe("sources", () => {
  it("refuse a second source for an address another has, naming it, unless the second is meant", async () => {
    const first = { title: "Harbour report", publisher: null, author: null, url: "https://news.example.org/harbour-report", kind: "news-report" as const, publishedAt: null, archivedUrl: null, description: null, capturedText: null };
    await createSource(editor, first);
    const existing = { url: first.url, title: first.title };
    const input = { ...first, title: "The same page again" };
    const before = await db.source.count();
    const refused = await createSource(editor, input).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(FieldRuleError);
    expect(refused).toMatchObject({ field: "sameAddress", message: expect.stringContaining(`“${existing.title}”`) });
    expect(await db.source.count()).toBe(before);
    const { id } = await createSource(editor, { ...input, sameAddress: true });
    expect((await db.source.findUniqueOrThrow({ where: { id } })).url).toBe(existing.url);
    // Written another way (captured at https://www., or with a closing slash): the same page.
    for (const url of ["http://news.example.org/harbour-report/", "https://www.news.example.org/harbour-report"]) {
      await expect(createSource(editor, { ...input, url })).rejects.toBeInstanceOf(FieldRuleError);
    }
    expect(sameAddresses("https://news.example.org/a?b=1")).toEqual(expect.arrayContaining(["http://www.news.example.org/a?b=1"]));
    // No address, no question: a statement given to an agency has none.
    await createSource(editor, { ...input, url: null });
    await createSource(editor, { ...input, url: null });
  });

  it("ask before an edit moves a source to an address another source has, and not when the address stays", async () => {
    const base = { publisher: null, author: null, kind: "news-report" as const, publishedAt: null, archivedUrl: null, description: null, capturedText: null };
    const first = await createSource(editor, { ...base, title: "Quay report", url: "https://news.example.org/quay-report" });
    const second = await createSource(editor, { ...base, title: "Quay figures", url: "https://news.example.org/quay-figures" });
    const moved = { ...base, title: "Quay figures", url: "https://www.news.example.org/quay-report/", version: 1 };
    const refused = await updateSource(editor, second.id, moved).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(FieldRuleError);
    expect(refused).toMatchObject({ field: "sameAddress", message: expect.stringContaining("“Quay report”") });
    expect(await db.source.findUniqueOrThrow({ where: { id: second.id }, select: { url: true, version: true } })).toEqual({ url: "https://news.example.org/quay-figures", version: 1 });
    // Meant: saved. Then edited again at that address, or the first one edited: nothing to ask.
    await updateSource(editor, second.id, { ...moved, sameAddress: true });
    await updateSource(editor, second.id, { ...moved, title: "Quay figures, 2025", version: 2 });
    await updateSource(editor, first.id, { ...base, title: "Quay report, 2025", url: "https://news.example.org/quay-report", version: 1 });
    expect(await db.source.findUniqueOrThrow({ where: { id: second.id }, select: { title: true, url: true } })).toEqual({ title: "Quay figures, 2025", url: moved.url });
  });

  it("record an edit in the history of every claim citing the source, captured text by length", async () => {
    const source = await db.source.findFirstOrThrow({ where: { capturedText: { not: null } }, include: { claims: { select: { claimId: true } } } });
    const claimIds = [...new Set(source.claims.map((c) => c.claimId))];
    expect(claimIds.length).toBeGreaterThan(1);
    await updateSource(editor, source.id, {
      title: source.title,
      publisher: "Named at last",
      author: source.author,
      url: null,
      kind: "news-report",
      publishedAt: null,
      archivedUrl: null,
      description: source.description,
      capturedText: "Short text.",
      version: source.version,
    });
    for (const claimId of claimIds) {
      const last = (await events(claimId)).at(-1)!;
      expect(last.kind).toBe("source-edited");
      expect(JSON.parse(last.after!)).toEqual({ source: source.title, publisher: "Named at last", capturedText: "11 characters" });
    }
    await expect(updateSource(editor, source.id, { title: "Stale", publisher: null, author: null, url: null, kind: "other", publishedAt: null, archivedUrl: null, description: null, capturedText: null, version: source.version })).rejects.toBeInstanceOf(ConflictError);
  });

  it("refuse a stale source save with everything saved now, the captured text by whether it is the form's", async () => {
    const text = "The ferry carried 2,000 passengers a day.\nThe port said so.";
    const source = await db.source.create({ data: { title: "Ferry report", kind: "news-report", capturedText: text } });
    const form = { title: "Ferry report", publisher: null, author: null, url: null, kind: "news-report" as const, publishedAt: null, archivedUrl: null, description: null, capturedText: text, version: 1 };
    // A colleague names the author; the stale form sends the same text with a browser's CRLF.
    await updateSource(editor, source.id, { ...form, author: "Lena Okafor", description: "The port's own figures." });
    const stale = updateSource(reviewer, source.id, { ...form, capturedText: text.replace("\n", "\r\n") });
    await expect(stale).rejects.toMatchObject({
      version: 2,
      current: { Title: "Ferry report", Author: "Lena Okafor", Kind: "News report", Description: "The port's own figures.", "Captured text": "The same as in your form." },
    });
    // A capture since: the text differs from the form's, and the panel says a second save replaces it.
    await db.source.update({ where: { id: source.id }, data: { capturedText: "A newer capture of the ferry report.", version: { increment: 1 } } });
    await expect(updateSource(reviewer, source.id, form)).rejects.toMatchObject({
      version: 3,
      current: { "Captured text": "Not the text you sent: 36 characters, beginning “A newer capture of the ferry report.”. If you had not changed the captured text, the form now holds this one; if you had, it holds yours, and saving replaces this one with it." },
    });
    expect(await db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ author: "Lena Okafor", capturedText: "A newer capture of the ferry report." });
  });

  it("record an edit of the captured text that keeps its length", async () => {
    const text = "The council approved a budget of $48.2 million.";
    const source = await db.source.create({ data: { title: "Council minutes", kind: "primary-document", capturedText: text } });
    const { id: claimId } = await db.claim.findFirstOrThrow({ select: { id: true } });
    await db.claimSource.create({ data: { claimId, sourceId: source.id, relation: "appears-in", quote: "approved a budget" } });
    const fields = { title: source.title, publisher: null, author: null, url: null, kind: "primary-document" as const, publishedAt: null, archivedUrl: null, description: null };

    // One figure changed: as long as before, and not the same text.
    await updateSource(editor, source.id, { ...fields, capturedText: text.replace("$48.2", "$42.8"), version: source.version });
    const last = (await events(claimId)).at(-1)!;
    expect(last.kind).toBe("source-edited");
    expect(JSON.parse(last.before!)).toEqual({ source: "Council minutes", capturedText: "47 characters" });
    expect(JSON.parse(last.after!)).toEqual({ source: "Council minutes", capturedText: "47 characters (text changed)" });

    // Saved again as it is: no change, no event.
    const count = (await events(claimId)).length;
    await updateSource(editor, source.id, { ...fields, capturedText: text.replace("$48.2", "$42.8"), version: source.version + 1 });
    expect(await events(claimId)).toHaveLength(count);
  });
});

describe("when a verdict was first published", () => {
  /** The claim's review in the open-data ClaimReview file, as partners download it. */
  async function claimReviewOf(id: string, storyId: string = input.storyId): Promise<Record<string, unknown> | undefined> {
    const parsed = parseExportQuery(new URLSearchParams(`story=${storyId}`), "open-json");
    if (!parsed.ok) throw new Error(parsed.message);
    const response = await exportResponse("claimreview", parsed.query, "open-data");
    const graph = (JSON.parse(await response.text()) as { "@graph": Record<string, unknown>[] })["@graph"];
    return graph.find((review) => typeof review.url === "string" && review.url.endsWith(`/claims/${id}`));
  }

  it("dates the ClaimReview of a claim published pending and rated later by its rating, on its page and in exports", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await changeStatus(reviewer, id, { status: "in-review", reason: "Checking the award records.", version: 1 });
    await setPublished(editor, id, true, 2);
    expect(await claimReviewOf(id)).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 10));
    await changeStatus(editor, id, { status: "false", reason: "The award records contradict it.", version: 3 });

    const { publishedAt } = await db.claim.findUniqueOrThrow({ where: { id }, select: { publishedAt: true } });
    const rated = await db.claimEvent.findFirstOrThrow({ where: { claimId: id, kind: "updated" }, select: { createdAt: true } });
    expect(rated.createdAt.getTime()).toBeGreaterThan(publishedAt!.getTime());
    expect((await firstVerdictDates([id])).get(id)).toEqual(rated.createdAt);
    expect((await getClaim(id))?.verdictShownAt).toEqual(rated.createdAt);
    expect(await claimReviewOf(id)).toMatchObject({ datePublished: rated.createdAt.toISOString(), reviewRating: { alternateName: "False" } });

    // A later correction changes dateModified, not when the review was first published.
    await changeStatus(editor, id, { status: "misleading", reason: "Partly so.", correction: "The records cover two of three contracts.", version: 4 });
    expect(await claimReviewOf(id)).toMatchObject({ datePublished: rated.createdAt.toISOString(), reviewRating: { alternateName: "Misleading" } });
  });

  it("dates a verdict reached by correcting \"not checkable\" by that correction, in ClaimReview and the feed, never modified before it", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await changeStatus(reviewer, id, { status: "not-checkable", reason: "No record either way.", version: 1 });
    await setPublished(editor, id, true, 2);
    await new Promise((resolve) => setTimeout(resolve, 10));
    await changeStatus(editor, id, { status: "false", reason: "The records came out.", correction: "We could not check this; the records now show it false.", version: 3 });
    const corrected = await db.claimEvent.findFirstOrThrow({ where: { claimId: id, kind: "corrected" }, select: { createdAt: true } });
    const review = await claimReviewOf(id);
    expect(review).toMatchObject({ datePublished: corrected.createdAt.toISOString(), dateModified: corrected.createdAt.toISOString() });
    // That correction began the review; it is not a correction of it (lib/claimreview.ts).
    expect(review).not.toHaveProperty("correction");
    await new Promise((resolve) => setTimeout(resolve, 10));
    await changeStatus(editor, id, { status: "misleading", reason: "Part of the records say otherwise.", correction: "Misleading, not false: part of the records agree.", version: 4 });
    expect((await claimReviewOf(id))!.correction).toEqual([expect.objectContaining({ text: "Misleading, not false: part of the records agree." })]);
    const entry = (await listFeedItems()).find((item) => item.kind === "verdict" && item.claim.id === id);
    expect(entry?.date).toEqual(corrected.createdAt);
  });

  it("leaves a duplicate whose readers are sent to its original out of ClaimReview and the feed's verdicts", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id: storyId } = await db.story.create({ data: { slug: "duplicates-and-reviews", title: "Duplicates and reviews" }, select: { id: true } });
    const original = await createClaim(reviewer, { ...input, storyId, claimantId: claimant.id, summary: "The original, rated" });
    await changeStatus(reviewer, original.id, { status: "misleading", reason: "Leaves out two contracts.", version: 1 });
    await setPublished(editor, original.id, true, 2);
    const copy = await createClaim(reviewer, { ...input, storyId, claimantId: claimant.id, summary: "The same claim again" });
    await changeStatus(reviewer, copy.id, { status: "false", reason: "Rated before we saw the original.", version: 1 });
    await setPublished(editor, copy.id, true, 2);
    expect(await claimReviewOf(copy.id, storyId)).toMatchObject({ reviewRating: { alternateName: "False" } });
    expect((await listFeedItems()).map((item) => item.claim.id)).toContain(copy.id);
    await markDuplicate(editor, copy.id, { originalId: original.id, reason: "The same words, the same day.", version: 3 });

    expect(await claimReviewOf(copy.id, storyId)).toBeUndefined();
    expect(await claimReviewOf(original.id, storyId)).toMatchObject({ reviewRating: { alternateName: "Misleading" } });
    const feed = await listFeedItems();
    expect(feed.map((item) => item.claim.id)).not.toContain(copy.id);
    expect(feed.map((item) => item.claim.id)).toContain(original.id);
    // An export of the copy alone says why it holds no review.
    const alone = parseExportQuery(new URLSearchParams(`story=${storyId}&status=false`), "editor");
    if (!alone.ok) throw new Error(alone.message);
    expect(await explainEmptyClaimReview(alone.query.filters)).toEqual({
      matched: 1,
      claims: [{ id: copy.id, summary: "The same claim again", reason: expect.stringMatching(/^a duplicate of a published claim/) }],
    });
  });

  it("dates a claim published with its verdict by that publication", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await changeStatus(reviewer, id, { status: "accurate", reason: "The filing says so.", version: 1 });
    await setPublished(editor, id, true, 2);
    const { publishedAt } = await db.claim.findUniqueOrThrow({ where: { id }, select: { publishedAt: true } });
    expect((await firstVerdictDates([id])).get(id)).toEqual(publishedAt);
    expect(await claimReviewOf(id)).toMatchObject({ datePublished: publishedAt!.toISOString() });
  });
});

describe("links and notes", () => {
  it("link, refuse a duplicate, and unlink, each in the history", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    const source = await db.source.findFirstOrThrow({ select: { id: true } });
    const link = { sourceId: source.id, relation: "supports" as const, quote: "a quote", quotePrefix: null, quoteSuffix: null, note: null };
    await linkSource(reviewer, id, link);
    await expect(linkSource(reviewer, id, link)).rejects.toMatchObject({ code: "conflict" });
    const row = await db.claimSource.findFirstOrThrow({ where: { claimId: id } });
    await expect(unlinkSource(reviewer, row.id, row.version + 1)).rejects.toBeInstanceOf(ConflictError);
    await unlinkSource(reviewer, row.id, row.version);
    expect(await db.claimSource.count({ where: { claimId: id } })).toBe(0);
    expect((await events(id)).map((e) => e.kind)).toEqual(["created", "linked", "unlinked"]);
  });

  it("refuse a stale link edit before asking about its quote, showing every field as saved now in words", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    const source = await db.source.findFirstOrThrow({ where: { capturedText: { not: null } }, select: { id: true } });
    await linkSource(reviewer, id, { sourceId: source.id, relation: "context", quote: "", quotePrefix: null, quoteSuffix: null, note: null });
    const row = await db.claimSource.findFirstOrThrow({ where: { claimId: id } });
    await updateLink(editor, row.id, { relation: "context", quote: "", quotePrefix: "Before", quoteSuffix: "After", note: "Background.", version: row.version });
    // A stale form with a quote the source does not hold: the conflict comes first, not the question.
    const stale = updateLink(reviewer, row.id, { relation: "supports", quote: "words the source never had", quotePrefix: null, quoteSuffix: null, note: null, version: row.version });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({
      current: { Relation: "Context", Quote: "", "Text just before the quote": "Before", "Text just after the quote": "After", Note: "Background." },
      saved: { relation: "context", quotePrefix: "Before", quoteSuffix: "After", note: "Background." },
    });
  });

  it("ask before a quote the source does not hold goes public, and only then", async () => {
    const source = await db.source.create({ data: { title: "Captured report", kind: "news-report", capturedText: "ICE more than tripled the data it stores." }, select: { id: true } });
    const { id } = await createClaim(editor, input);
    const unfound = { sourceId: source.id, relation: "supports" as const, quote: "ICE quadrupled its data", quotePrefix: null, quoteSuffix: null, note: null };
    // A draft: nobody sees it yet, so no question.
    await linkSource(editor, id, { ...unfound, relation: "context" });
    await changeStatus(editor, id, { status: "accurate", reason: "Checked.", version: 1 });
    await setPublished(editor, id, true, 2);
    const before = await db.claimSource.count({ where: { claimId: id } });
    await expect(linkSource(editor, id, unfound)).rejects.toMatchObject({ field: "confirmUnfound" });
    expect(await db.claimSource.count({ where: { claimId: id } })).toBe(before);
    await linkSource(editor, id, { ...unfound, quote: "more  than tripled" });
    const found = await db.claimSource.findFirstOrThrow({ where: { claimId: id, relation: "supports" } });
    await expect(updateLink(editor, found.id, { ...unfound, version: found.version })).rejects.toMatchObject({ field: "confirmUnfound" });
    expect((await db.claimSource.findUniqueOrThrow({ where: { id: found.id } })).quote).toBe("more  than tripled");
    await updateLink(editor, found.id, { ...unfound, confirmUnfound: true, version: found.version });
    expect((await db.claimSource.findUniqueOrThrow({ where: { id: found.id } })).quote).toBe("ICE quadrupled its data");
    // Editing only the note of a link whose quote was confirmed asks nothing again.
    const edited = await db.claimSource.findUniqueOrThrow({ where: { id: found.id } });
    await updateLink(editor, found.id, { ...unfound, note: "Paraphrase, confirmed by phone.", version: edited.version });
  });

  it("let only the author edit or delete a note, and keep its words in the history", async () => {
    const claimant = await db.claimant.findFirstOrThrow({ select: { id: true } });
    const { id } = await createClaim(reviewer, { ...input, claimantId: claimant.id });
    await addAnnotation(reviewer, id, { body: "First thought.", isPublic: false });
    const note = await db.annotation.findFirstOrThrow({ where: { claimId: id } });
    await expect(editAnnotation(editor, note.id, { body: "Not mine.", isPublic: false, version: 1 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deleteAnnotation(editor, note.id)).rejects.toMatchObject({ code: "forbidden" });
    await editAnnotation(reviewer, note.id, { body: "Second thought.", isPublic: true, version: 1 });
    await deleteAnnotation(reviewer, note.id);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: note.id } })).deletedAt).not.toBeNull();
    const log = await events(id);
    expect(log.map((e) => e.kind)).toEqual(["created", "annotated", "annotation-edited", "annotation-deleted"]);
    expect(JSON.parse(log[1]!.after!)).toMatchObject({ body: "First thought.", isPublic: false });
    expect(JSON.parse(log[2]!.after!)).toMatchObject({ body: "Second thought.", isPublic: true });
    expect(JSON.parse(log[3]!.before!)).toMatchObject({ body: "Second thought.", isPublic: true });
  });
});
