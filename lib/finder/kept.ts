import { findCandidates, type Candidate, type Claimant } from "@/lib/finder";

/**
 * The finder's answers for the last few sources, kept in this process. A reviewer goes back and
 * forth between a source's finder and the claim form, and each visit would otherwise read a long
 * text again (a 20,000-word article costs 100-250 ms to read, and fetching it and the desk's
 * claimants is most of a kept visit's time). findCandidates is pure, so an answer stands while
 * everything it reads stands: the source's text and date, which change only with its version and
 * its updatedAt (every edit and capture sets both; a source deleted and made again under its id
 * has a new updatedAt), and the desk's claimants, named by a stamp that any claimant added,
 * renamed or removed changes (lib/data/desk.ts claimantsStamp). So a kept visit reads neither
 * the text nor the claimants. Callers must not change what they get back: the next visit gets
 * the same arrays.
 */
const KEPT_SOURCES = 16;

export interface FinderSourceStamp {
  id: string;
  version: number;
  updatedAt: Date;
}

export interface FinderInput {
  text: string;
  claimants: readonly Claimant[];
  sourceDate: string | null;
}

export interface FinderAnswer {
  /** Whether the source has text to read (the page says how to give it some when it has none). */
  hasText: boolean;
  candidates: readonly Candidate[];
}

const kept = new Map<string, FinderAnswer>();

function keyFor(source: FinderSourceStamp, claimantsStamp: string): string {
  return JSON.stringify([source.id, source.version, source.updatedAt.getTime(), claimantsStamp]);
}

/** The source's candidates, from the kept answer when nothing it read has changed; `read` fetches what findCandidates reads. */
export async function findCandidatesKept(source: FinderSourceStamp, claimantsStamp: string, read: () => Promise<FinderInput>): Promise<FinderAnswer> {
  const key = keyFor(source, claimantsStamp);
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last: the first key is the one to drop.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const { text, claimants, sourceDate } = await read();
  const answer: FinderAnswer = { hasText: text.trim() !== "", candidates: findCandidates(text, { claimants, sourceDate }) };
  kept.set(key, answer);
  if (kept.size > KEPT_SOURCES) kept.delete(kept.keys().next().value!);
  return answer;
}

/** Forgets every kept answer (tests). */
export function forgetKeptCandidates(): void {
  kept.clear();
}
