import "server-only";
import { db, positionIgnoringCase, sqlDialect } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

// The desk's own search (issue 14): the captured text of sources and the notes reviewers wrote,
// internal ones included. Readers' search (lib/search) covers neither and is not changed. The
// words are found as typed, in any case (ASCII letters on SQLite, those the database's locale
// folds on PostgreSQL: lib/db positionIgnoringCase),
// anywhere in the text: a reviewer looking for a phrase in a leaked memo wants that phrase. It
// reads every source's text and every note: a desk's thousands, not readers' millions.

export const DESK_SEARCH_LIMIT = 20;
const SNIPPET_BEFORE = 80;
const SNIPPET_LENGTH = 240;

/** A piece of the text around the first match, cut at word boundaries where it can be. */
export interface Snippet {
  before: string;
  match: string;
  after: string;
  /** Whether text was cut off before or after the piece. */
  cutBefore: boolean;
  cutAfter: boolean;
}

export interface DeskSearchResults {
  sources: { id: string; title: string; publisher: string | null; snippet: Snippet | null }[];
  sourceTotal: number;
  notes: { id: string; claimId: string; claimSummary: string; authorName: string; isPublic: boolean; createdAt: Date; snippet: Snippet | null }[];
  noteTotal: number;
}

/** The snippet of `text` (which starts at `offset` in the whole) around `words`, or null if they are not in it. */
export function snippetAround(text: string, words: string, offset = 0, wholeLength = text.length): Snippet | null {
  const at = text.toLowerCase().indexOf(words.toLowerCase());
  if (at < 0) return null;
  let start = Math.max(0, at - SNIPPET_BEFORE);
  let end = Math.min(text.length, at + words.length + (SNIPPET_LENGTH - SNIPPET_BEFORE));
  // Whole words at the edges, unless that would eat the match.
  if (start > 0 || offset > 0) {
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < at) start = space + 1;
  }
  if (end < text.length || offset + text.length < wholeLength) {
    const space = text.lastIndexOf(" ", end);
    if (space > at + words.length) end = space;
  }
  return {
    before: text.slice(start, at),
    match: text.slice(at, at + words.length),
    after: text.slice(at + words.length, end),
    cutBefore: offset + start > 0,
    cutAfter: offset + end < wholeLength,
  };
}


/**
 * Sources whose captured text holds `q`, and notes (public or internal, not deleted) whose
 * words do, newest first, the first DESK_SEARCH_LIMIT of each with how many there are in all.
 */
export async function searchDesk(q: string): Promise<DeskSearchResults> {
  const words = q.trim();
  if (words === "") return { sources: [], sourceTotal: 0, notes: [], noteTotal: 0 };
  const needle = words;
  const inText = Prisma.sql`"capturedText" IS NOT NULL AND ${positionIgnoringCase(Prisma.sql`"capturedText"`, needle)} > 0`;
  const inNote = Prisma.sql`a."deletedAt" IS NULL AND ${positionIgnoringCase(Prisma.sql`a.body`, needle)} > 0`;
  const [sources, [sourceCount], notes, [noteCount]] = await Promise.all([
    db.$queryRaw<{ id: string; title: string; publisher: string | null }[]>`
      SELECT id, title, publisher FROM "Source" WHERE ${inText} ORDER BY "createdAt" DESC, id DESC LIMIT ${DESK_SEARCH_LIMIT}`,
    db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM "Source" WHERE ${inText}`,
    db.$queryRaw<{ id: string; claimId: string; body: string; isPublic: boolean | number; createdAt: Date | string; authorName: string; claimSummary: string }[]>`
      SELECT a.id, a."claimId", a.body, a."isPublic", a."createdAt", u.name AS "authorName", c.summary AS "claimSummary"
      FROM "Annotation" a JOIN "User" u ON u.id = a."authorId" JOIN "Claim" c ON c.id = a."claimId"
      WHERE ${inNote} ORDER BY a."createdAt" DESC, a.id DESC LIMIT ${DESK_SEARCH_LIMIT}`,
    db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM "Annotation" a WHERE ${inNote}`,
  ]);
  const pieces = await capturedTextAround(
    sources.map((s) => s.id),
    needle,
  );
  return {
    sources: sources.map((source) => {
      const piece = pieces.get(source.id);
      return { ...source, snippet: piece ? snippetAround(piece.text, words, piece.offset, piece.length) : null };
    }),
    sourceTotal: Number(sourceCount?.total ?? 0),
    notes: notes.map((note) => ({
      id: note.id,
      claimId: note.claimId,
      claimSummary: note.claimSummary,
      authorName: note.authorName,
      isPublic: Boolean(note.isPublic),
      createdAt: new Date(note.createdAt),
      snippet: snippetAround(note.body, words),
    })),
    noteTotal: Number(noteCount?.total ?? 0),
  };
}

/**
 * The part of each source's captured text around the first match, cut by the database: a
 * captured text may be 500,000 characters, and only a few hundred are shown. "Position of" and
 * "larger of" are spelled per engine in lib/db (sqlDialect).
 */
async function capturedTextAround(ids: string[], needle: string): Promise<Map<string, { text: string; offset: number; length: number }>> {
  if (ids.length === 0) return new Map();
  const at = positionIgnoringCase(Prisma.sql`"capturedText"`, needle);
  const lead = SNIPPET_BEFORE + 40;
  const from = sqlDialect.larger(Prisma.sql`${at} - ${lead}`, 1);
  const length = SNIPPET_LENGTH + needle.length + 80;
  const rows = await db.$queryRaw<{ id: string; piece: string; start: number | bigint; length: number | bigint }[]>`
    SELECT id, substr("capturedText", ${from}, ${length}) AS piece, ${from} AS start, length("capturedText") AS length
    FROM "Source" WHERE id IN (${Prisma.join(ids)})`;
  return new Map(rows.map((row) => [row.id, { text: row.piece, offset: Number(row.start) - 1, length: Number(row.length) }]));
}
