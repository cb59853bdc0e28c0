import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { QuoteInContext } from "@/components/claims/quote";
import { QuoteCheckLabel } from "@/components/claims/quote-check-label";
import { SourceAddress } from "@/components/sources/source-address";
import { sourceMetaLine } from "@/components/sources/source-meta";
import { StatusBadge } from "@/components/ui/status-badge";
import { dependOn } from "@/lib/cache/depend";
import { tag } from "@/lib/cache/tags";
import { getSource } from "@/lib/data/sources";
import { relationInfo } from "@/lib/domain/relation";
import { isRecordId } from "@/lib/validation/record-id";
import { EditOnDesk, mayEditOnDesk } from "@/components/desk/edit-on-desk";
import { NOT_FOUND_METADATA } from "@/lib/not-found-metadata";

// Rendered for each request, with its CSP nonce (ADR 009): this is the page signed-in people get.
// Readers get its cached copy, app/cached/[edition]/… (ADR 014).
export const dynamic = "force-dynamic";

const loadSource = cache(async (id: string) => (isRecordId(id) ? getSource(id) : null));

export async function generateMetadata({ params }: PageProps<"/sources/[id]">): Promise<Metadata> {
  const source = await loadSource((await params).id);
  return source ? { title: source.title } : NOT_FOUND_METADATA;
}

export default async function SourcePage({ params }: PageProps<"/sources/[id]">) {
  const { id } = await params;
  await dependOn([tag.source(id), tag.sourceClaims(id)]);
  const source = await loadSource(id);
  if (!source) notFound();
  const mayEdit = await mayEditOnDesk("source:edit");
  await dependOn(source.claims.map((link) => tag.claimant(link.claim.claimant.id)));

  return (
    <article>
      <EditOnDesk href={`/desk/sources/${source.id}/edit`} show={mayEdit}>
        Edit this source on the desk
      </EditOnDesk>
      <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-700">Source</p>
      <h1 className="font-serif text-3xl font-bold leading-tight">{source.title}</h1>
      <p className="mt-2 text-stone-800">{sourceMetaLine(source)}</p>
      {source.description ? <p className="mt-4 whitespace-pre-line">{source.description}</p> : null}
      <dl className="mt-4 grid gap-x-4 gap-y-2 rounded border border-stone-300 bg-white p-4 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="font-semibold">Address</dt>
        <dd>
          <SourceAddress url={source.url} archivedUrl={source.archivedUrl} />
        </dd>
        <dt className="font-semibold">Publisher</dt>
        <dd>{source.publisher ?? "Not stated"}</dd>
        <dt className="font-semibold">Text on file</dt>
        <dd>{source.hasCapturedText ? "Yes: quotes can be checked against our copy." : "No copy of its text is on file."}</dd>
      </dl>

      <section aria-labelledby="backlinks-heading" className="mt-8">
        <h2 id="backlinks-heading" className="text-xl font-semibold">
          Claims citing this source{" "}
          <span className="text-base font-normal text-stone-700">({source.claimCount.toLocaleString("en")})</span>
        </h2>
        {source.claims.length === 0 ? (
          <p className="mt-2 text-stone-700">No published claim cites this source yet.</p>
        ) : (
          <ul className="mt-3 space-y-4">
            {source.claims.map((link) => (
              <li key={link.id} className="rounded border border-stone-300 bg-white p-4">
                <div className="flex flex-wrap items-center gap-3">
                  <StatusBadge status={link.claim.status} />
                  <span className="text-sm font-semibold uppercase tracking-wide text-stone-700">
                    {relationInfo(link.relation).backlinkLabel}
                  </span>
                </div>
                <h3 className="mt-2 text-lg font-semibold">
                  <Link href={`/claims/${link.claim.id}`} className="text-blue-800 underline">
                    {link.claim.summary}
                  </Link>
                </h3>
                <p className="text-sm text-stone-700">Claimed by {link.claim.claimant.name}</p>
                <QuoteInContext quote={link.quote} prefix={link.quotePrefix} suffix={link.quoteSuffix} />
                <QuoteCheckLabel check={link.quoteCheck} />
                {link.note ? <p className="mt-2 text-sm text-stone-800">Note: {link.note}</p> : null}
              </li>
            ))}
          </ul>
        )}
        {source.claims.length > 0 ? (
          <p className="no-print mt-4 text-sm">
            {/* A claim may cite the source more than once (two quotes, or support and dispute): each citation is listed, the claims counted once. */}
            {source.backlinkCount > source.claims.length ? <>Showing the first {source.claims.length} of {source.backlinkCount.toLocaleString("en")} citations. </> : null}
            <Link href={`/claims?source=${source.id}`} className="text-blue-800 underline">
              {source.backlinkCount > source.claims.length ? `See all ${source.claimCount.toLocaleString("en")} claims in the claims list` : "Filter the claims list by this source"}
            </Link>
          </p>
        ) : null}
      </section>
    </article>
  );
}
