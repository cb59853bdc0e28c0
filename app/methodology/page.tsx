import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { RELATIONS, RELATION_INFO } from "@/lib/domain/relation";
import { SOURCE_KINDS, SOURCE_KIND_LABEL } from "@/lib/domain/source-kind";
import { CLAIM_STATUSES, STATUS_INFO, isVerdict, verdictStatuses } from "@/lib/domain/status";

// Rendered for each request, with its CSP nonce (ADR 009): this is the page signed-in people get.
// Readers get its cached copy, app/cached/[edition]/… (ADR 014).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Methodology",
  description: "How Factline rates claims: every status and what it means.",
};

const RELATION_DEFINITION: Record<(typeof RELATIONS)[number], string> = {
  "appears-in": "The claim is made or reported in this source; the quote shows where.",
  supports: "The source holds evidence for the claim.",
  disputes: "The source holds evidence against the claim.",
  context: "The source helps to understand the claim without settling it.",
};

export default function MethodologyPage() {
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">How we rate claims</h1>
      <p className="mb-6 text-lg">
        Every claim we track is recorded in the words it was said, linked to the sources where it appears and to the
        evidence that bears on it, and given one of the statuses below, with the reason for it. Every change is kept
        in the claim’s history.
      </p>

      <h2 className="mb-3 text-xl font-semibold">Statuses</h2>
      <dl className="space-y-4">
        {CLAIM_STATUSES.map((status) => (
          <div key={status} id={`status-${status}`} className="rounded border border-stone-300 bg-white p-4">
            <dt>
              <StatusBadge status={status} />
            </dt>
            <dd className="mt-2">{STATUS_INFO[status].definition}</dd>
            <dd className="mt-1 text-sm text-stone-700">
              {isVerdict(status) ? "A verdict." : "Not a verdict."}{" "}
              <Link href={`/claims?status=${status}`} className="text-blue-800 underline">
                Claims rated {STATUS_INFO[status].label.toLowerCase()}
              </Link>
            </dd>
          </div>
        ))}
      </dl>

      <h2 className="mb-3 mt-8 text-xl font-semibold">The verdict scale</h2>
      <p className="mb-2">From the weakest to the strongest support for a claim:</p>
      <ol className="list-decimal space-y-1 pl-6">
        {verdictStatuses().map((status) => (
          <li key={status}>{STATUS_INFO[status].label}</li>
        ))}
      </ol>

      <h2 className="mb-3 mt-8 text-xl font-semibold">How a source relates to a claim</h2>
      <dl className="space-y-2">
        {RELATIONS.map((relation) => (
          <div key={relation}>
            <dt className="font-semibold">{RELATION_INFO[relation].label}</dt>
            <dd>
              {RELATION_DEFINITION[relation]}
              {RELATION_INFO[relation].needsQuote ? " We record the exact quote." : null}
            </dd>
          </div>
        ))}
      </dl>

      <h2 className="mb-3 mt-8 text-xl font-semibold">Kinds of source</h2>
      <ul className="list-disc space-y-1 pl-6">
        {SOURCE_KINDS.map((kind) => (
          <li key={kind}>{SOURCE_KIND_LABEL[kind]}</li>
        ))}
      </ul>
      <p className="mt-4">
        When a source has no public address, for example a statement given to a news agency, we say so; we never
        invent one.
      </p>

      <h2 id="corrections-and-updates" className="mb-3 mt-8 text-xl font-semibold">
        Corrections and updates
      </h2>
      <p className="mb-2">
        We publish some claims before we have rated them, shown as {STATUS_INFO.unverified.label.toLowerCase()} or{" "}
        {STATUS_INFO["in-review"].label.toLowerCase()}, so readers know we are checking them.
      </p>
      <dl className="space-y-2">
        <div>
          <dt className="font-semibold">An update</dt>
          <dd>
            is the first rating we give a claim you could already read while it was still unverified or in review. It is
            dated on the claim’s page, with the reason for the rating, and announced in our feed. Nothing we told you
            changed, so it is not a correction.
          </dd>
        </div>
        <div>
          <dt className="font-semibold">A correction</dt>
          <dd>
            is any change to a rating you have seen (a verdict, or “not checkable”), including taking one back. It always
            comes with a note saying what changed and why, shown on the claim’s page, in{" "}
            <Link href="/corrections" className="text-blue-800 underline">
              the corrections log
            </Link>{" "}
            and in the feed.
          </dd>
        </div>
      </dl>

      <h2 className="mb-3 mt-8 text-xl font-semibold">What a claim’s history shows</h2>
      <p className="mb-2">
        Each claim’s page keeps the record of what readers could see: when it was published, each rating with its reason,
        updates and corrections, and every later change to its words, its sources and their quotes. What happened before
        publication, and our fact-checkers’ working notes, stay in the newsroom; a note is shown on a claim’s page only when
        its author wrote it for readers.
      </p>
    </>
  );
}
