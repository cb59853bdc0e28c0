import type { Candidate } from "@/lib/finder";
import type { RecordedClaim } from "@/lib/finder/recorded";
import { sentenceStamp } from "@/lib/finder/stamp";

/**
 * The finder's candidates, best first, each with why it ranks where it does and "Record as claim".
 * `first` is the rank of the first one shown (a later page starts at 26).
 */
export function CandidateList({ sourceId, candidates, recorded = [], first = 1 }: { sourceId: string; candidates: Candidate[]; recorded?: RecordedClaim[][]; first?: number }) {
  return (
    <ol className="space-y-4" start={first}>
      {candidates.map((candidate, i) => {
        const index = first - 1 + i;
        return (
          <li key={candidate.start} className="rounded border border-stone-300 bg-white p-4">
            <p className="text-sm font-medium text-stone-700">Candidate {index + 1}</p>
            <blockquote className="mt-1 border-l-4 border-stone-400 pl-3 text-stone-950">{candidate.sentence}</blockquote>
            <p className="mt-2 text-sm text-stone-800">
              <span className="font-medium">Why: </span>
              {candidate.reasons.join("; ")}.
            </p>
            <p className="mt-1 text-sm text-stone-800">
              <span className="font-medium">Guessed claimant: </span>
              {candidate.claimant ? `${candidate.claimant.name}${candidate.claimant.id ? "" : " (not yet a claimant)"}${candidate.claimant.basis === "named" ? " (the sentence names no speaker: check who said it)" : ""}` : "none"}
              {" · "}
              <span className="font-medium">Date: </span>
              {candidate.date ? `${candidate.date.iso} (${candidate.date.basis === "sentence" ? "in the sentence" : "the source's date"})` : "none"}
            </p>
            {recorded[i]?.length ? (
              <p className="mt-2 rounded border border-amber-500 bg-amber-50 p-2 text-sm text-stone-900">
                <span className="font-medium">Already recorded: </span>
                {recorded[i]!.map((claim, n) => (
                  <span key={claim.id}>
                    {n > 0 ? "; " : null}
                    <a href={`/desk/claims/${claim.id}`} className="text-blue-800 underline">
                      {claim.summary}
                    </a>
                  </span>
                ))}
                . {recorded[i]!.length === 1 ? "Its quote is" : "Their quotes are"} in this sentence.
              </p>
            ) : null}
            <p className="mt-2">
              {/* A plain link: 25 of Next's <Link> would each be a client component to render and
                  hydrate, and prefetch the claim form as it scrolls into view. */}
              <a
                href={`/desk/claims/new?source=${encodeURIComponent(sourceId)}&start=${candidate.start}&end=${candidate.end}&s=${sentenceStamp(candidate.sentence)}`}
                className="inline-block rounded bg-blue-800 px-3 py-1.5 text-sm font-medium text-white"
              >
                Record as claim<span className="sr-only"> (candidate {index + 1})</span>
              </a>
            </p>
          </li>
        );
      })}
    </ol>
  );
}
