import type { Metadata } from "next";
import Link from "next/link";
import { ClaimForm, type ClaimFormProps } from "@/components/desk/claim-form";
import { SeenBefore } from "@/components/desk/seen-before";
import { findSimilarClaims } from "@/lib/data/similar-claims";
import { getSourceForFinder, guessStoryForSource, listAllClaimants, listAllStories } from "@/lib/data/desk";
import { isoPartialDate } from "@/lib/domain/partial-date";
import { describeSentence, suggestSummary, type Candidate } from "@/lib/finder";
import { locateSentence } from "@/lib/finder/stamp";
import { requirePageUser } from "@/lib/session";
import { SUMMARY_MAX } from "@/lib/validation/claim";
import { toSearchParams } from "@/lib/validation/claim-query";
import { isRecordId } from "@/lib/validation/record-id";

export const metadata: Metadata = { title: "New claim" };

function offset(value: string | null): number | null {
  return value !== null && /^\d{1,9}$/.test(value) ? Number(value) : null;
}

/**
 * The sentence the finder linked to, found in the source as it is now (where it has moved to, if
 * the text before it changed) and described again; null when it is not there.
 */
async function fromFinder(query: URLSearchParams, claimants: { id: string; name: string }[]) {
  const sourceId = query.get("source");
  const start = offset(query.get("start"));
  const end = offset(query.get("end"));
  if (!sourceId || !isRecordId(sourceId) || start === null || end === null) return null;
  const [source, storyId] = await Promise.all([getSourceForFinder(sourceId), guessStoryForSource(sourceId)]);
  const text = source?.capturedText ?? "";
  const at = source ? locateSentence(text, start, end, query.get("s")) : null;
  if (!source || !at) return null;
  const candidate: Candidate = describeSentence(text, at.start, at.end, { claimants, sourceDate: isoPartialDate(source.publishedAt, source.publishedAtPrecision) });
  return { source, candidate, storyId };
}

export default async function NewClaimPage({ searchParams }: PageProps<"/desk/claims/new">) {
  await requirePageUser("claim:create", "/desk/claims/new");
  const query = toSearchParams(await searchParams);
  const [claimants, stories] = await Promise.all([listAllClaimants(), listAllStories()]);
  const found = query.has("source") ? await fromFinder(query, claimants) : null;
  const { candidate } = found ?? {};
  const fromSource: ClaimFormProps["fromSource"] =
    found && candidate
      ? {
          sourceId: found.source.id,
          start: candidate.start,
          end: candidate.end,
          quote: candidate.sentence,
          text: candidate.sentence,
          summary: suggestSummary(candidate.sentence, SUMMARY_MAX),
          // A speaker the desk does not know yet is offered as a new claimant, named.
          claimantId: candidate.claimant ? (candidate.claimant.id ?? "new") : "",
          newClaimantName: candidate.claimant && !candidate.claimant.id ? candidate.claimant.name : "",
          storyId: found.storyId ?? "",
          claimDate: candidate.date?.iso ?? "",
        }
      : undefined;
  // Pre-filled from the finder: the panel is filled on the server, so it works without JavaScript.
  const similar = fromSource ? await findSimilarClaims(`${fromSource.summary} ${fromSource.text}`) : [];
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Record a claim</h1>
      {query.has("source") && !found ? (
        <p role="status" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-red-900">
          That sentence is no longer in the source&apos;s captured text: it was changed since the finder listed it.{" "}
          {isRecordId(query.get("source") ?? "") ? (
            <Link href={`/desk/sources/${query.get("source")}/finder`} className="text-red-950 underline">
              Open the finder again
            </Link>
          ) : (
            "Open the finder again"
          )}{" "}
          to record a claim from the text as it is now.
        </p>
      ) : null}
      {found && candidate ? (
        <div className="mb-4 rounded border border-stone-300 bg-stone-50 p-3 text-sm">
          <p>
            From the finder: saving links the claim to “{found.source.title}” with this sentence as its exact quote.
          </p>
          {candidate.claimant && !candidate.claimant.id ? <p className="mt-1">Guessed claimant “{candidate.claimant.name}” is not a claimant yet: it is filled in below as a new claimant; choose its kind.</p> : null}
          {found.storyId ? <p className="mt-1">The story is the one this source&apos;s latest claim is filed under.</p> : null}
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <ClaimForm id="new-claim-form" claimants={claimants} stories={stories} fromSource={fromSource} />
        <SeenBefore initial={similar} formId="new-claim-form" hasAsked={fromSource !== undefined} />
      </div>
    </>
  );
}
