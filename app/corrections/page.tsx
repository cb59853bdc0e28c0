import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { keysetCursorParam } from "@/lib/cursor";
import { correctionSentence } from "@/lib/domain/status";
import { listCorrections } from "@/lib/data/corrections";

// Rendered for each request, with its CSP nonce (docs/decisions/009-content-security-policy.md).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Corrections" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default async function CorrectionsPage({ searchParams }: PageProps<"/corrections">) {
  const { cursor: rawCursor } = await searchParams;
  // A link cut short or edited names no place in the log: say so, rather than show the newest
  // corrections as if they were the page it asked for.
  const place = keysetCursorParam(rawCursor);
  const cursor = place.ok ? place.after : null;
  const page = place.ok ? await listCorrections({ cursor }) : null;

  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Corrections</h1>
      <p className="mb-6 max-w-prose text-stone-800">
        When we change the rating of a claim we have published, we say so here and on the claim’s page, with the date and
        what changed. Newest first. Follow them in a feed reader:{" "}
        <a href="/feed.atom" className="text-blue-800 underline">
          Atom feed
        </a>
        .
      </p>
      {page === null ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">This link asks for a page of the corrections we cannot find.</p>
          <p className="mt-2">
            <Link href="/corrections" className="text-blue-800 underline">
              Start from the newest corrections
            </Link>
          </p>
        </div>
      ) : page.items.length === 0 ? (
        <p className="text-stone-700">{cursor ? "No older corrections." : "No corrections have been published."}</p>
      ) : (
        <ol className="space-y-4" aria-label="Corrections, newest first">
          {page.items.map((correction) => (
            <li key={correction.id} className="rounded border border-stone-300 bg-white p-4">
              <p className="text-sm text-stone-700">
                <time dateTime={correction.createdAt.toISOString()}>{dateFormat.format(correction.createdAt)}</time> ·{" "}
                {correction.claim.story.title}
              </p>
              <h2 className="mt-1 text-lg font-semibold">
                <Link href={`/claims/${correction.claim.id}#corrections`} className="text-blue-800 underline">
                  {correction.claim.summary}
                </Link>
              </h2>
              <p className="mt-2 text-sm font-semibold">
                {correctionSentence(correction.previousStatus, correction.newStatus)} <StatusBadge status={correction.newStatus} />
              </p>
              <p className="mt-2 whitespace-pre-line">{correction.note}</p>
            </li>
          ))}
        </ol>
      )}
      {page?.nextCursor ? (
        <p className="mt-6">
          <Link href={`/corrections?cursor=${page.nextCursor}`} className="text-blue-800 underline">
            Older corrections
          </Link>
        </p>
      ) : null}
    </>
  );
}
