import Link from "next/link";
import { notFound } from "next/navigation";
import { CandidateList } from "@/components/finder/candidate-list";
import { claimantsStamp, getSourceFinderStamp, getSourceForFinder, listAllClaimants, listSourceQuotes } from "@/lib/data/desk";
import { isoPartialDate } from "@/lib/domain/partial-date";
import { findCandidatesKept } from "@/lib/finder/kept";
import { CANDIDATES_PER_PAGE, candidatePage } from "@/lib/finder/pages";
import { recordedIn } from "@/lib/finder/recorded";
import { isRecordId } from "@/lib/validation/record-id";

/**
 * A source's check-worthy sentences, best first: computed for each new text (linear in it; no
 * writes), then kept in memory while the source and the claimants stand (lib/finder/kept.ts).
 * The desk's finder page draws it for each request, and its copy (ADR 041) once per state.
 */
export async function FinderView({ sourceId, asked }: { sourceId: string; asked: string | string[] | undefined }) {
  const [source, stamp] = await Promise.all([isRecordId(sourceId) ? getSourceFinderStamp(sourceId) : null, claimantsStamp()]);
  if (!source) notFound();
  const [{ hasText, candidates }, quotes] = await Promise.all([
    findCandidatesKept(source, stamp, async () => {
      const [read, claimants] = await Promise.all([getSourceForFinder(source.id), listAllClaimants()]);
      // Gone between the two reads: an empty text, found nothing; the next visit says not found.
      return { text: read?.capturedText ?? "", claimants, sourceDate: read ? isoPartialDate(read.publishedAt, read.publishedAtPrecision) : null };
    }),
    listSourceQuotes(source.id),
  ]);
  const shown = candidatePage(candidates.length, asked);
  const onPage = candidates.slice(shown.start, shown.end);
  // Claims already quoting each sentence: a reviewer coming back records none of them twice.
  const recorded = recordedIn(onPage.map((c) => c.sentence), quotes);
  const pageHref = (page: number) => `/desk/sources/${source.id}/finder${page > 1 ? `?page=${page}` : ""}`;
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Claim finder</h1>
      <p className="mb-4 text-sm">
        Sentences worth checking in{" "}
        <Link href={`/desk/sources/${source.id}/edit`} className="text-blue-800 underline">
          {source.title}
        </Link>
        , best first: figures, money, percentages, dates, changes and comparisons, attributed statements, quotes and denials.
      </p>
      <p className="mb-4 text-sm text-stone-800" aria-live="polite">
        {!hasText
          ? "This source has no captured text: capture its web address or paste its text into the source's form to find claims in it."
          : candidates.length === 0
            ? "No sentence in the captured text has a figure, a date, a change, an attribution or a denial."
            : `${candidates.length.toLocaleString("en")} ${candidates.length === 1 ? "candidate" : "candidates"}${shown.pages > 1 ? `; ${shown.start + 1}–${shown.end} shown` : ""}.`}
      </p>
      <CandidateList sourceId={source.id} candidates={onPage} recorded={recorded} first={shown.start + 1} />
      {shown.pages > 1 ? (
        <nav aria-label="Candidate pages" className="mt-6 flex gap-6 text-sm">
          {shown.page > 1 ? (
            <Link href={pageHref(shown.page - 1)} className="text-blue-800 underline" rel="prev">
              ← Candidates {shown.start - CANDIDATES_PER_PAGE + 1}–{shown.start}
            </Link>
          ) : null}
          {shown.page < shown.pages ? (
            <Link href={pageHref(shown.page + 1)} className="text-blue-800 underline" rel="next">
              Candidates {shown.end + 1}–{Math.min(shown.end + CANDIDATES_PER_PAGE, candidates.length)} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
