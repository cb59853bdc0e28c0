import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { ClaimHistory } from "@/components/claims/claim-history";
import { LinkedSource } from "@/components/claims/linked-source";
import { sourceCountLabel } from "@/components/claims/claim-card";
import { SourceAddress } from "@/components/sources/source-address";
import { sourceMetaLine } from "@/components/sources/source-meta";
import { Markdown } from "@/components/ui/markdown";
import { StatusBadge } from "@/components/ui/status-badge";
import { dependOn } from "@/lib/cache/depend";
import { tag } from "@/lib/cache/tags";
import { buildClaimReview, claimReviewDocument, serializeJsonLd } from "@/lib/claimreview";
import { getClaim, getDuplicateTarget } from "@/lib/data/claims";
import { listRelatedClaims } from "@/lib/data/similar-claims";
import { toExportClaim } from "@/lib/data/exports";
import { appOrigin, organisation } from "@/lib/env";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { STATUS_INFO, correctionSentence, isVerdict, toClaimStatus, updateSentence } from "@/lib/domain/status";
import { isRecordId } from "@/lib/validation/record-id";
import { EditOnDesk, mayEditOnDesk } from "@/components/desk/edit-on-desk";
import { NOT_FOUND_METADATA } from "@/lib/not-found-metadata";
import { quoted } from "@/lib/text";

// Rendered for each request, with its CSP nonce (ADR 009): this is the page signed-in people get.
// Readers get its cached copy, app/cached/[edition]/… (ADR 014).
export const dynamic = "force-dynamic";

// generateMetadata and the page share one read per request.
const loadClaim = cache(async (id: string) => (isRecordId(id) ? getClaim(id) : null));

export async function generateMetadata({ params }: PageProps<"/claims/[id]">): Promise<Metadata> {
  const claim = await loadClaim((await params).id);
  return claim ? { title: claim.summary, description: `${STATUS_INFO[claim.status].label}: ${claim.summary}` } : NOT_FOUND_METADATA;
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default async function ClaimPage({ params }: PageProps<"/claims/[id]">) {
  const { id } = await params;
  await dependOn([tag.claim(id)]);
  const claim = await loadClaim(id);
  // A duplicate sends its readers to its original, for good (308), once that one is published
  // (ADR 030); until then its own page (or "not found", for a draft) stays, and waits on the
  // original's tag, which its publication expires.
  if (!claim || claim.isDuplicate) {
    const target = isRecordId(id) ? await getDuplicateTarget(id) : null;
    if (target) {
      await dependOn([tag.claim(target.originalId)]);
      if (target.redirectTo) permanentRedirect(`/claims/${target.redirectTo}`);
    }
  }
  if (!claim) notFound();
  // Published look-alikes; a write to any of them (an edit, a verdict, unpublishing) expires
  // this page through its tag.
  const related = await listRelatedClaims(claim);
  await dependOn(related.map((other) => tag.relatedClaim(other.id)));
  const mayEdit = await mayEditOnDesk("claim:edit");
  await dependOn([tag.claimant(claim.claimant.id), tag.story(claim.story.id), ...claim.sources.map((link) => tag.source(link.source.id))]);
  const status = STATUS_INFO[claim.status];
  const org = organisation();
  // A first rating given after publication: an update, not a correction (lib/public-record.ts).
  const updates = claim.events.filter((event) => event.kind === "updated");
  const claimDate = formatPartialDate(claim.claimDate, claim.claimDatePrecision);
  // Only a verdict has a ClaimReview (buildClaimReview says so too); skip the work otherwise.
  const review = isVerdict(claim.status) ? buildClaimReview(toExportClaim(claim, appOrigin()), org, claim.verdictShownAt) : null;

  return (
    <article>
      <EditOnDesk href={`/desk/claims/${claim.id}`} show={mayEdit}>
        Edit this claim on the desk
      </EditOnDesk>
      {review ? (
        // JSON-LD for search engines and fact-check databases. serializeJsonLd escapes "<", so
        // no stored text can close this tag; it is data, not script, so the CSP does not apply.
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(claimReviewDocument(review)) }} />
      ) : null}
      <p className="mb-2 text-sm">
        <Link href={`/stories/${claim.story.slug}`} className="text-blue-800 underline">
          {claim.story.title}
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold leading-tight">{claim.summary}</h1>

      <section aria-labelledby="said-heading" className="mt-6">
        <h2 id="said-heading" className="sr-only">
          What was said
        </h2>
        <blockquote className="border-l-4 border-blue-800 bg-white p-4 font-serif text-lg">
          <p>{quoted(claim.text)}</p>
        </blockquote>
        <p className="mt-2 text-sm text-stone-800">
          Said by{" "}
          <Link href={`/claimants/${claim.claimant.id}`} className="text-blue-800 underline">
            {claim.claimant.name}
          </Link>
          {claimDate ? <>, {claimDate}</> : <>; our sources do not say when</>}.
        </p>
      </section>

      <section aria-labelledby="status-heading" className="mt-6 rounded border border-stone-300 bg-white p-4">
        <h2 id="status-heading" className="text-lg font-semibold">
          Our rating: <StatusBadge status={claim.status} />
        </h2>
        <p className="mt-2 text-sm text-stone-700">
          <Link href="/methodology" className="text-blue-800 underline">
            {status.label}
          </Link>{" "}
          means: {status.definition}
        </p>
        <h3 className="mt-4 font-semibold">Why</h3>
        <p className="mt-1 whitespace-pre-line">{claim.statusReason || "No reason has been recorded yet."}</p>
        <p className="mt-3 text-sm text-stone-700">
          Published {dateFormat.format(claim.publishedAt)}; last updated {dateFormat.format(claim.updatedAt)}.
        </p>
        {updates.length > 0 ? (
          <ul className="mt-3 space-y-1 text-sm" aria-label="Updates">
            {updates.map((update) => (
              <li key={update.id}>
                <span className="font-semibold">
                  Update, <time dateTime={update.createdAt.toISOString()}>{dateFormat.format(update.createdAt)}</time>:
                </span>{" "}
                {updateSentence(toClaimStatus(String(update.before?.status ?? "")), toClaimStatus(String(update.after?.status ?? "")))}{" "}
                <Link href="/methodology#corrections-and-updates" className="text-blue-800 underline">
                  What is an update?
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {claim.corrections.length > 0 ? (
        <section id="corrections" aria-labelledby="corrections-heading" className="mt-6 rounded border border-amber-500 bg-amber-50 p-4">
          <h2 id="corrections-heading" className="text-lg font-semibold">
            {claim.corrections.length === 1 ? "Correction" : "Corrections"}
          </h2>
          <ol className="mt-2 space-y-3">
            {claim.corrections.map((correction) => (
              <li key={correction.id}>
                <p className="text-sm font-semibold">
                  <time dateTime={correction.createdAt.toISOString()}>{dateFormat.format(correction.createdAt)}</time>:{" "}
                  {correctionSentence(toClaimStatus(correction.previousStatus), toClaimStatus(correction.newStatus))}
                </p>
                <p className="mt-1 whitespace-pre-line">{correction.note}</p>
              </li>
            ))}
          </ol>
          <p className="mt-3 text-sm">
            <Link href="/corrections" className="text-blue-800 underline">
              All corrections
            </Link>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="sources-heading" className="mt-8">
        <h2 id="sources-heading" className="text-xl font-semibold">
          Sources <span className="text-base font-normal text-stone-700">({sourceCountLabel(claim.sourceCount)})</span>
        </h2>
        {claim.sources.length === 0 ? (
          <p className="mt-2 text-stone-700">No source is linked to this claim yet.</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {claim.sources.map((link) => (
              <LinkedSource key={link.id} link={link} quoteCheck={link.quoteCheck} meta={sourceMetaLine(link.source)}>
                <p className="mt-2 text-sm">
                  <SourceAddress url={link.source.url} archivedUrl={link.source.archivedUrl} />
                </p>
              </LinkedSource>
            ))}
          </ul>
        )}
      </section>

      {claim.annotations.length > 0 ? (
        <section aria-labelledby="annotations-heading" className="mt-8">
          <h2 id="annotations-heading" className="text-xl font-semibold">
            Notes from the fact-checkers
          </h2>
          <ul className="mt-3 space-y-3">
            {claim.annotations.map((note) => (
              <li key={note.id} className="rounded border border-stone-300 bg-white p-4">
                <Markdown text={note.body} />
                <p className="mt-2 text-sm text-stone-700">
                  {note.author?.name ?? org.name},{" "}
                  <time dateTime={note.createdAt.toISOString()}>{dateFormat.format(note.createdAt)}</time>
                  {note.updatedAt.getTime() - note.createdAt.getTime() > 60_000 ? (
                    <>
                      {" "}
                      (edited <time dateTime={note.updatedAt.toISOString()}>{dateFormat.format(note.updatedAt)}</time>)
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="history-heading" className="mt-8">
        <h2 id="history-heading" className="mb-3 text-xl font-semibold">
          History
        </h2>
        <ClaimHistory events={claim.events} />
      </section>

      {related.length > 0 ? (
        <section aria-labelledby="related-heading" className="mt-8">
          <h2 id="related-heading" className="text-xl font-semibold">
            Related claims
          </h2>
          <ul className="mt-3 space-y-2">
            {related.map((other) => (
              <li key={other.id}>
                <Link href={`/claims/${other.id}`} className="text-blue-800 underline">
                  {other.summary}
                </Link>{" "}
                <StatusBadge status={other.status} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <p className="no-print mt-8 text-sm">
        <a href={`/api/claims/${claim.id}`} className="text-blue-800 underline">
          This claim as JSON
        </a>
      </p>
    </article>
  );
}
