import { createHash } from "node:crypto";
import { findCandidates, type Candidate, type Claimant } from "@/lib/finder";

/**
 * The finder's answers for the last few texts, kept in this process. A reviewer goes back and
 * forth between a source's finder and the claim form, and each visit would otherwise re-read a
 * long text (a 20,000-word article costs 100-250 ms here). findCandidates is pure, so the key is
 * everything it reads: the text, the source's date and the desk's claimants (a claimant added or
 * renamed changes the key, as does any edit or capture of the text). Callers must not change
 * the array they get back: the next visit gets the same one.
 */
const KEPT_TEXTS = 16;
const kept = new Map<string, readonly Candidate[]>();

function keyFor(text: string, claimants: readonly Claimant[], sourceDate: string | null): string {
  return createHash("sha256")
    .update(text)
    .update("\u0000")
    .update(sourceDate ?? "")
    .update("\u0000")
    .update(JSON.stringify(claimants.map((c) => [c.id, c.name])))
    .digest("base64");
}

export function findCandidatesKept(text: string, options: { claimants: readonly Claimant[]; sourceDate: string | null }): readonly Candidate[] {
  const key = keyFor(text, options.claimants, options.sourceDate);
  const hit = kept.get(key);
  if (hit) {
    // Most recently used last: the first key is the one to drop.
    kept.delete(key);
    kept.set(key, hit);
    return hit;
  }
  const found = findCandidates(text, options);
  kept.set(key, found);
  if (kept.size > KEPT_TEXTS) kept.delete(kept.keys().next().value!);
  return found;
}

/** Forgets every kept answer (tests). */
export function forgetKeptCandidates(): void {
  kept.clear();
}
