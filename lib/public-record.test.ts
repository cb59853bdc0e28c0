import { describe, expect, it } from "vitest";
import { firstVerdictShownAt, linkedSourceIds, publicHistory, readersSawRating, type RecordedEvent } from "@/lib/public-record";

let n = 0;
/** A stored event, a minute after the one before. */
function ev(kind: string, before: Record<string, unknown> | null = null, after: Record<string, unknown> | null = null, reason: string | null = null): RecordedEvent {
  n += 1;
  return {
    id: `e${String(n).padStart(3, "0")}`,
    kind,
    before: before ? JSON.stringify(before) : null,
    after: after ? JSON.stringify(after) : null,
    reason,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, n)),
    actor: { name: "Rita Reviewer" },
  };
}

const link = (quote: string, extra: Record<string, unknown> = {}) => ({ sourceId: "src-1", relation: "supports", quote, quotePrefix: null, quoteSuffix: null, note: null, ...extra });

const hidden = { showNames: false };

describe("publicHistory", () => {
  it("shows nothing of what happened before the first publication", () => {
    const events = [
      ev("created", null, { text: "DRAFT WORDING", summary: "draft" }),
      ev("edited", { text: "DRAFT WORDING" }, { text: "Published wording" }),
      ev("linked", null, link("LEAKED MEMO QUOTE", { note: "LEAK NOTE" })),
      ev("unlinked", link("LEAKED MEMO QUOTE", { note: "LEAK NOTE" })),
      ev("annotated", null, { annotationId: "a1", body: "INTERNAL NOTE" }),
      ev("annotation-edited", { annotationId: "a1", body: "INTERNAL NOTE" }, { annotationId: "a1", body: "SECOND VERSION" }),
      ev("annotation-deleted", { annotationId: "a1", body: "SECOND VERSION" }),
      ev("assigned", { assignee: null }, { assignee: "ASSIGNEE NAME" }),
      ev("status-changed", { status: "unverified", statusReason: "" }, { status: "false", statusReason: "DRAFT REASON" }, "DRAFT REASON"),
      ev("status-changed", { status: "false", statusReason: "DRAFT REASON" }, { status: "accurate", statusReason: "The filing says so." }, "The filing says so."),
      ev("published", { publishedAt: null }, { publishedAt: "2026-01-01T00:10:00Z" }),
    ];
    const history = publicHistory(events, hidden);
    expect(history.map((e) => e.kind)).toEqual(["published"]);
    const text = JSON.stringify(history);
    for (const secret of ["DRAFT", "LEAK", "INTERNAL", "SECOND VERSION", "ASSIGNEE", "src-1", "Rita"]) expect(text).not.toContain(secret);
  });

  it("shows each change made while public, with only the fields readers can see", () => {
    const events = [
      ev("created", null, { text: "a" }),
      ev("published"),
      ev("edited", { text: "Old words", claimantId: "c1", claimant: "Microsoft" }, { text: "New words", claimantId: "c2", claimant: "Reuters" }),
      ev("linked", null, link("a new quote")),
      ev("link-edited", { sourceId: "src-1", relation: "supports", quote: "a new quote" }, { sourceId: "src-1", relation: "supports", quote: "a better quote" }),
      ev("source-edited", { source: "The report", url: "https://a.example/1", capturedText: "SECRET CAPTURE 12 characters" }, { source: "The report", url: "https://a.example/2", capturedText: "99 characters" }),
      ev("source-edited", { source: "The report", capturedText: "1 characters" }, { source: "The report", capturedText: "2 characters" }),
      ev("status-changed", { status: "accurate", statusReason: "Old reason." }, { status: "accurate", statusReason: "New reason." }, "New reason."),
      ev("corrected", { status: "accurate", statusReason: "New reason." }, { status: "false", statusReason: "Wrong.", correction: "We erred." }, "Wrong."),
      ev("annotated", null, { annotationId: "a1", body: "INTERNAL NOTE", isPublic: false }),
      ev("assigned", { assignee: null }, { assignee: "ASSIGNEE NAME" }),
      ev("unlinked", link("a better quote")),
    ];
    const history = publicHistory(events, { showNames: false, sourceTitles: new Map([["src-1", "The report"]]) });
    expect(history.map((e) => e.kind)).toEqual(["published", "edited", "linked", "link-edited", "source-edited", "status-changed", "corrected", "unlinked"]);
    expect(history[1]).toMatchObject({ before: { text: "Old words", claimant: "Microsoft" }, after: { text: "New words", claimant: "Reuters" }, actor: null });
    expect(history[1]!.after).not.toHaveProperty("claimantId");
    expect(history[2]!.after).toMatchObject({ source: "The report", quote: "a new quote" });
    expect(history[2]!.after).not.toHaveProperty("sourceId");
    expect(history[4]!.after).toEqual({ source: "The report", url: "https://a.example/2" });
    expect(history[6]!.after).toMatchObject({ status: "false", correction: "We erred." });
    expect(history[7]!.before).toMatchObject({ source: "The report", quote: "a better quote" });
    const text = JSON.stringify(history);
    for (const secret of ["INTERNAL", "ASSIGNEE", "SECRET CAPTURE", "src-1"]) expect(text).not.toContain(secret);
  });

  it("names the people who made each change only when the organisation chooses to", () => {
    const events = [ev("created"), ev("published"), ev("edited", { text: "a" }, { text: "b" })];
    expect(publicHistory(events, hidden).every((e) => e.actor === null)).toBe(true);
    expect(publicHistory(events, { showNames: true }).map((e) => e.actor?.name)).toEqual(["Rita Reviewer", "Rita Reviewer"]);
  });

  it("shows what changed while a claim was withdrawn as its net effect, at the republication", () => {
    const events = [
      ev("created"),
      ev("linked", null, link("kept quote")),
      ev("linked", null, link("dropped quote", { sourceId: "src-2" })),
      ev("published"),
      ev("unpublished"),
      ev("edited", { text: "Public words" }, { text: "IN-BETWEEN WORDS" }),
      ev("edited", { text: "IN-BETWEEN WORDS" }, { text: "Final words" }),
      ev("status-changed", { status: "false", statusReason: "Public reason." }, { status: "false", statusReason: "IN-BETWEEN REASON" }, "IN-BETWEEN REASON"),
      ev("status-changed", { status: "false", statusReason: "IN-BETWEEN REASON" }, { status: "false", statusReason: "Final reason." }, "Final reason."),
      ev("linked", null, link("NEVER-SEEN QUOTE", { sourceId: "src-3" })),
      ev("unlinked", link("NEVER-SEEN QUOTE", { sourceId: "src-3" })),
      ev("link-edited", { sourceId: "src-1", relation: "supports", quote: "kept quote" }, { sourceId: "src-1", relation: "supports", quote: "IN-BETWEEN QUOTE" }),
      ev("link-edited", { sourceId: "src-1", relation: "supports", quote: "IN-BETWEEN QUOTE" }, { sourceId: "src-1", relation: "supports", quote: "final quote" }),
      ev("unlinked", link("dropped quote", { sourceId: "src-2" })),
      ev("linked", null, link("added quote", { sourceId: "src-4" })),
      ev("published"),
    ];
    const history = publicHistory(events, hidden);
    expect(history.map((e) => e.kind)).toEqual(["published", "unpublished", "edited", "status-changed", "link-edited", "unlinked", "linked", "republished"]);
    expect(history[2]).toMatchObject({ before: { text: "Public words" }, after: { text: "Final words" } });
    expect(history[3]).toMatchObject({ before: { statusReason: "Public reason." }, after: { statusReason: "Final reason." } });
    expect(history[4]).toMatchObject({ before: { quote: "kept quote" }, after: { quote: "final quote" } });
    expect(history[5]).toMatchObject({ before: { quote: "dropped quote" } });
    expect(history[6]).toMatchObject({ after: { quote: "added quote" } });
    expect(JSON.stringify(history)).not.toMatch(/IN-BETWEEN|NEVER-SEEN/);
  });

  it("shows a correction made while withdrawn from what readers last saw", () => {
    const events = [
      ev("created"),
      ev("published"),
      ev("unpublished"),
      ev("status-changed", { status: "accurate", statusReason: "Seen reason." }, { status: "accurate", statusReason: "UNSEEN REASON" }, "UNSEEN REASON"),
      ev("corrected", { status: "accurate", statusReason: "UNSEEN REASON" }, { status: "false", statusReason: "Final.", correction: "We erred." }, "Final."),
      ev("published"),
    ];
    const history = publicHistory(events, hidden);
    expect(history.map((e) => e.kind)).toEqual(["published", "unpublished", "corrected", "republished"]);
    expect(history[2]).toMatchObject({ before: { status: "accurate", statusReason: "Seen reason." }, after: { status: "false", correction: "We erred." } });
    expect(JSON.stringify(history)).not.toContain("UNSEEN");
  });

  it("drops kinds it does not know", () => {
    expect(publicHistory([ev("published"), ev("something-new", null, { secret: "x" })], hidden).map((e) => e.kind)).toEqual(["published"]);
  });

  it("lists the source ids link events name", () => {
    expect(linkedSourceIds([ev("linked", null, link("q")), ev("edited", { sourceId: "no" }), ev("unlinked", link("q", { sourceId: "src-9" }))]).sort()).toEqual(["src-1", "src-9"]);
  });
});

describe("readersSawRating", () => {
  const status = (to: string) => ev("status-changed", null, { status: to });

  it("is false for a claim readers saw only pending, and for a draft's ratings", () => {
    expect(readersSawRating([ev("created"), status("accurate"), status("in-review"), ev("published")])).toBe(false);
    expect(readersSawRating([ev("created"), ev("published"), status("in-review")])).toBe(false);
  });

  it("is true once readers saw a rating, even if it was later taken back or the claim withdrawn", () => {
    expect(readersSawRating([ev("created"), status("accurate"), ev("published")])).toBe(true);
    expect(readersSawRating([ev("created"), ev("published"), ev("updated", null, { status: "false" }), ev("corrected", null, { status: "in-review" })])).toBe(true);
    expect(readersSawRating([ev("created"), status("not-checkable"), ev("published"), ev("unpublished"), status("unverified")])).toBe(true);
  });

  it("reads a rating set with the claim (the seed's) from its created event", () => {
    expect(readersSawRating([ev("created", null, { status: "misleading" }), ev("published")])).toBe(true);
    expect(readersSawRating([ev("created", null, { status: "unverified" }), ev("published")])).toBe(false);
  });

  it("does not count a rating given while the claim was withdrawn until it is public again", () => {
    const events = [ev("created"), ev("published"), ev("unpublished"), status("accurate")];
    expect(readersSawRating(events)).toBe(false);
    expect(readersSawRating([...events, ev("published")])).toBe(true);
  });
});

describe("firstVerdictShownAt", () => {
  const status = (to: string) => ev("status-changed", null, { status: to });

  it("is the publication of a claim published with its verdict, as the publication recorded it", () => {
    const created = ev("created", null, { status: "misleading" });
    const published = ev("published", { publishedAt: null }, { publishedAt: "2025-11-04T10:00:00.000Z" });
    expect(firstVerdictShownAt([created, published])).toEqual(new Date("2025-11-04T10:00:00.000Z"));
    const rated = status("false");
    const plain = ev("published");
    expect(firstVerdictShownAt([ev("created"), rated, plain])).toEqual(plain.createdAt);
  });

  it("is the rating of a claim readers first saw pending, not its publication", () => {
    const update = ev("updated", null, { status: "false" });
    expect(firstVerdictShownAt([ev("created"), ev("published"), status("in-review"), update, status("accurate")])).toEqual(update.createdAt);
  });

  it("counts neither a draft's rating, nor \"not checkable\", nor a rating given while withdrawn", () => {
    expect(firstVerdictShownAt([ev("created"), status("false"), status("in-review"), ev("published")])).toBeNull();
    expect(firstVerdictShownAt([ev("created"), status("not-checkable"), ev("published")])).toBeNull();
    const first = ev("published", { publishedAt: null }, { publishedAt: "2025-01-01T00:00:00.000Z" });
    const events = [ev("created"), first, ev("unpublished"), status("accurate")];
    expect(firstVerdictShownAt(events)).toBeNull();
    // Shown again: the republication's own time, not the first publication's date it carries.
    const again = ev("published", { publishedAt: null }, { publishedAt: "2025-01-01T00:00:00.000Z" });
    expect(firstVerdictShownAt([...events, again])).toEqual(again.createdAt);
  });

  it("keeps the first verdict's time through corrections", () => {
    const published = ev("published");
    expect(firstVerdictShownAt([ev("created", null, { status: "false" }), published, ev("corrected", null, { status: "mostly-accurate" })])).toEqual(published.createdAt);
  });
});
