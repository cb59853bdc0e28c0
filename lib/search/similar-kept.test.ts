// What the kept reads keep, and under which token (docs/decisions/042-similar-claims-kept-reads.md),
// on an engine of plain functions: the reads themselves run on both databases in
// lib/data/similar-claims.test.ts.
import { describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { KEPT_TERMS, KEPT_WORDS, keptReads as keptReadsOf } from "./similar-kept";
import type { SimilarEngine, SimilarRow, TermQuery } from "./similar";

function engine() {
  const state = { token: "t1", termReads: [] as string[][], rowReads: [] as number[][], wordsPerRow: 3 };
  const io: SimilarEngine = {
    isNewestFirstFree: true,
    async matchesEach(_db, queries) {
      state.termReads.push(queries.map((q) => q.phrases.flat().join(" ")));
      return queries.map((q) => [q.phrases[0]![0]!.length, 100 + q.phrases[0]![0]!.length]);
    },
    async candidatesOf(_db, keys) {
      state.rowReads.push(keys);
      // Key 404 has no claim: deleted since the index was read.
      return keys
        .filter((key) => key !== 404)
        .map((key) => ({ key, id: `claim-${key}`, summary: `${key} (${state.token})`, text: Array.from({ length: state.wordsPerRow }, (_, i) => `w${key}-${i}`).join(" ") }) as unknown as SimilarRow);
    },
    async writeToken() {
      return state.token;
    },
  };
  return { state, io, db: {} as PrismaClient };
}

const wordsOf = (row: SimilarRow) => new Set(row.text.split(" "));
const keptReads = (db: PrismaClient, io: SimilarEngine) => keptReadsOf(db, io, wordsOf);

const query = (word: string): TermQuery => ({ phrases: [[word]], isPublishedOnly: false, isNewestFirst: true, limit: 201 });

describe("keptReads", () => {
  it("reads a term and a row once while the token stands, and again under a new one", async () => {
    const { state, io, db } = engine();
    const first = await keptReads(db, io);
    expect(await first.matchesEach([query("data"), query("cloud")])).toEqual([[4, 104], [5, 105]]);
    expect((await first.candidatesOf([4, 5])).map((k) => k.row.summary)).toEqual(["4 (t1)", "5 (t1)"]);

    const second = await keptReads(db, io);
    expect(await second.matchesEach([query("cloud"), query("tax")])).toEqual([[5, 105], [3, 103]]);
    expect((await second.candidatesOf([5, 3])).map((k) => k.row.summary)).toEqual(["5 (t1)", "3 (t1)"]);
    expect(state.termReads).toEqual([["data", "cloud"], ["tax"]]);
    expect(state.rowReads).toEqual([[4, 5], [3]]);

    state.token = "t2";
    const third = await keptReads(db, io);
    await third.matchesEach([query("data")]);
    expect((await third.candidatesOf([4])).map((k) => k.row.summary)).toEqual(["4 (t2)"]);
    expect(state.termReads.at(-1)).toEqual(["data"]);
    expect(state.rowReads.at(-1)).toEqual([4]);
  });

  it("keeps nothing a request read after another moved the store on to a newer token", async () => {
    const { state, io, db } = engine();
    const older = await keptReads(db, io); // read "t1"
    state.token = "t2";
    const newer = await keptReads(db, io); // read "t2": the store is t2's now
    await older.matchesEach([query("stale")]);
    await older.candidatesOf([7]);
    const reads = { terms: state.termReads.length, rows: state.rowReads.length };
    await newer.matchesEach([query("stale")]);
    await newer.candidatesOf([7]);
    expect(state.termReads.length).toBe(reads.terms + 1);
    expect(state.rowReads.length).toBe(reads.rows + 1);
  });

  it("keeps each client's reads apart: a token means something only to the client it came from", async () => {
    const { state, io } = engine();
    const [a, b] = [{} as PrismaClient, {} as PrismaClient];
    await (await keptReads(a, io)).matchesEach([query("data")]);
    await (await keptReads(b, io)).matchesEach([query("data")]);
    expect(state.termReads).toEqual([["data"], ["data"]]);
  });

  it("leaves out a key with no claim, and keeps a row's words, not its text", async () => {
    const { io, db } = engine();
    const reads = await keptReads(db, io);
    const [row] = await reads.candidatesOf([404, 8]);
    expect(row!.row.key).toBe(8);
    expect(row!.row).not.toHaveProperty("text");
    expect([...row!.words]).toEqual(["w8-0", "w8-1", "w8-2"]);
  });

  it("keeps at most KEPT_TERMS term reads, the least recently used going first", async () => {
    const { state, io, db } = engine();
    const reads = await keptReads(db, io);
    const words = Array.from({ length: KEPT_TERMS }, (_, i) => `w${i}`);
    await reads.matchesEach(words.map(query));
    await reads.matchesEach([query(words[0]!)]); // used again: now the most recent
    await reads.matchesEach([query("one more")]); // w1 goes, not w0
    const before = state.termReads.length;
    await reads.matchesEach([query(words[0]!), query(words.at(-1)!)]);
    expect(state.termReads.length).toBe(before);
    await reads.matchesEach([query(words[1]!)]);
    expect(state.termReads.at(-1)).toEqual([words[1]]);
  });

  it("keeps at most KEPT_WORDS words of rows in all, however long the claims", async () => {
    const { state, io, db } = engine();
    state.wordsPerRow = KEPT_WORDS / 4;
    const reads = await keptReads(db, io);
    await reads.candidatesOf([1, 2, 3, 4]);
    await reads.candidatesOf([1]); // used again: now the most recent
    await reads.candidatesOf([5]); // over the budget: 2 goes, the least recently used
    const before = state.rowReads.length;
    await reads.candidatesOf([1, 3, 4, 5]);
    expect(state.rowReads.length).toBe(before);
    await reads.candidatesOf([2]);
    expect(state.rowReads.at(-1)).toEqual([2]);
  });
});
