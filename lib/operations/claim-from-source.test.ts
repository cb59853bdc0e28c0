// A claim recorded from the claim finder: the claim and its "appears in" link with the exact
// quote, prefix and suffix are written together, checked against the source's captured text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimInput } from "@/lib/testing/fixtures/claim-input";
import { createTestDatabase } from "@/lib/testing/test-database";

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;

const { db } = await import("@/lib/db");
const { seedDatabase } = await import("@/prisma/seed");
const { createClaim } = await import("./claims");
const { QUOTE_MOVED_MESSAGE } = await import("./links");
const { findCandidates } = await import("@/lib/finder");
const { checkQuote, quoteContext } = await import("@/lib/quote-check");

const ARTICLE = "microsoft-ice-article";
let reviewer: { id: string; name: string; email: string; role: "reviewer" };
let text: string;

beforeAll(async () => {
  await seedDatabase(db);
  const r = await db.user.create({ data: { name: "Fran", email: "fran@example.org", role: "reviewer" } });
  reviewer = { id: r.id, name: r.name, email: r.email, role: "reviewer" };
  text = (await db.source.findUniqueOrThrow({ where: { id: ARTICLE }, select: { capturedText: true } })).capturedText ?? "";
});

afterAll(async () => {
  await db.$disconnect();
  database.cleanup();
});

function candidate(rank: number) {
  const found = findCandidates(text)[rank];
  if (!found) throw new Error("The seed article has fewer candidates than the test expects.");
  return found;
}

async function counts() {
  return { claims: await db.claim.count(), links: await db.claimSource.count(), events: await db.claimEvent.count() };
}

describe("recording a claim from the finder", () => {
  it("links the claim to the source with the exact quote, its prefix and suffix, found in the captured text", async () => {
    const c = candidate(1);
    const { id } = await createClaim(reviewer, claimInput({ text: c.sentence }), { quoteSourceId: ARTICLE, quoteStart: c.start, quoteEnd: c.end, quote: c.sentence });
    const link = await db.claimSource.findFirstOrThrow({ where: { claimId: id }, select: { sourceId: true, relation: true, quote: true, quotePrefix: true, quoteSuffix: true } });
    const { prefix, suffix } = quoteContext(text, c.start, c.end);
    expect(link).toEqual({ sourceId: ARTICLE, relation: "appears-in", quote: c.sentence, quotePrefix: prefix, quoteSuffix: suffix });
    expect(prefix?.length).toBeGreaterThan(0);
    expect(text.slice(c.start - (prefix ?? "").length, c.end + (suffix ?? "").length)).toBe(`${prefix}${c.sentence}${suffix}`);
    expect(checkQuote(link.quote, text)).toEqual({ status: "found", start: c.start, end: c.end });
    const kinds = await db.claimEvent.findMany({ where: { claimId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true } });
    expect(kinds.map((e) => e.kind)).toEqual(["created", "linked"]);
  });

  it("refuses offsets that do not hold the quote, and saves no claim", async () => {
    const c = candidate(2);
    const before = await counts();
    const shifted = createClaim(reviewer, claimInput({ text: c.sentence }), { quoteSourceId: ARTICLE, quoteStart: c.start + 1, quoteEnd: c.end + 1, quote: c.sentence });
    await expect(shifted).rejects.toMatchObject({ code: "bad_request", message: QUOTE_MOVED_MESSAGE });
    const reworded = createClaim(reviewer, claimInput({ text: c.sentence }), { quoteSourceId: ARTICLE, quoteStart: c.start, quoteEnd: c.end, quote: `${c.sentence.slice(0, -1)}!` });
    await expect(reworded).rejects.toMatchObject({ code: "bad_request", message: QUOTE_MOVED_MESSAGE });
    const past = createClaim(reviewer, claimInput({ text: c.sentence }), { quoteSourceId: ARTICLE, quoteStart: text.length, quoteEnd: text.length + 5, quote: "words" });
    await expect(past).rejects.toMatchObject({ code: "bad_request" });
    expect(await counts()).toEqual(before);
  });

  it("refuses a source without that text, and saves no claim", async () => {
    const c = candidate(0);
    const before = await counts();
    const elsewhere = createClaim(reviewer, claimInput({ text: c.sentence }), { quoteSourceId: "reuters-microsoft-ice", quoteStart: c.start, quoteEnd: c.end, quote: c.sentence });
    await expect(elsewhere).rejects.toMatchObject({ code: "bad_request", message: QUOTE_MOVED_MESSAGE });
    expect(await counts()).toEqual(before);
  });
});
