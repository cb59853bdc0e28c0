// The same tests as operations.test.ts, on a throwaway PostgreSQL (the write paths, each with its
// history event in the same transaction, version checks, corrections), and then what is
// PostgreSQL's own: its append-only triggers and its search index, kept in step by triggers.
import { beforeAll, describe, expect, it } from "vitest";
import { claimInput } from "@/lib/testing/fixtures/claim-input";
import { testOnEngine } from "@/lib/testing/test-database";

testOnEngine("postgresql");
await import("./operations.test");

const { db } = await import("@/lib/db");
const { createClaim, updateClaim } = await import("./claims");
const { linkSource } = await import("./links");

type Actor = { id: string; name: string; email: string; role: "reviewer" | "editor" | "admin" };
let reviewer: Actor;

beforeAll(async () => {
  const r = await db.user.create({ data: { name: "Petra", email: "petra@example.org", role: "reviewer" } });
  reviewer = { id: r.id, name: r.name, email: r.email, role: "reviewer" };
});

const input = claimInput();

async function events(claimId: string) {
  return db.claimEvent.findMany({ where: { claimId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { kind: true, actorId: true } });
}

describe("PostgreSQL's own SQL", () => {
  it("runs on PostgreSQL, the engine DATABASE_URL names", async () => {
    const [row] = await db.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
    expect(row?.version).toMatch(/^PostgreSQL 1[5-9]/);
  });

  it("refuse to rewrite or delete history and corrections (append-only triggers)", async () => {
    const { id } = await createClaim(reviewer, input);
    await expect(db.claimEvent.updateMany({ where: { claimId: id }, data: { reason: "rewritten" } })).rejects.toThrow(/claim history is append-only/);
    await expect(db.claimEvent.deleteMany({ where: { claimId: id } })).rejects.toThrow(/claim history is append-only/);
    const correction = await db.correction.create({ data: { claimId: id, previousStatus: "accurate", newStatus: "false", note: "We were wrong." } });
    await expect(db.correction.update({ where: { id: correction.id }, data: { note: "rewritten" } })).rejects.toThrow(/corrections are append-only/);
    await expect(db.correction.delete({ where: { id: correction.id } })).rejects.toThrow(/corrections are append-only/);
    expect((await events(id)).map((e) => e.kind)).toEqual(["created"]);
    expect((await db.correction.findUniqueOrThrow({ where: { id: correction.id } })).note).toBe("We were wrong.");
  });

  it("link a source with a quote into the history and the search index, and refuse a duplicate by Prisma's error code", async () => {
    const { id } = await createClaim(reviewer, input);
    const source = await db.source.findFirstOrThrow({ select: { id: true } });
    const link = { sourceId: source.id, relation: "supports" as const, quote: "a quixotic quote", quotePrefix: null, quoteSuffix: null, note: null };
    await linkSource(reviewer, id, link);
    // P2002 on PostgreSQL too: the operation maps it to a conflict without reading the message.
    await expect(linkSource(reviewer, id, link)).rejects.toMatchObject({ code: "conflict" });
    expect((await events(id)).map((e) => e.kind)).toEqual(["created", "linked"]);
    const quoted = await db.$queryRaw<{ claimId: string }[]>`SELECT "claimId" FROM "ClaimSearch" WHERE "document" @@ to_tsquery('simple', 'quixot:*D')`;
    expect(quoted.map((r) => r.claimId)).toEqual([id]);
  });

  it("keep the search index in step with each write, in the same transaction", async () => {
    const { id } = await createClaim(reviewer, { ...input, summary: "Zanzibar tariffs" });
    const matches = async (query: string) =>
      (await db.$queryRaw<{ claimId: string }[]>`SELECT "claimId" FROM "ClaimSearch" WHERE "document" @@ to_tsquery('simple', ${query})`).map((r) => r.claimId);
    expect(await matches("zanzib:*A")).toEqual([id]);
    await updateClaim(reviewer, id, { ...input, summary: "Éclair tariffs", version: 1 });
    expect(await matches("zanzib:*")).toEqual([]);
    // Accents and case folded: "ECLAIR" finds "Éclair".
    expect(await matches("eclair:*A")).toEqual([id]);
  });
});
