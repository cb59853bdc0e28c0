import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/ui/status-badge";
import { decodeCursor } from "@/lib/cursor";
import { correctionSentence } from "@/lib/domain/status";
import { listCorrections } from "@/lib/data/corrections";

// Rendered for each request, with its CSP nonce (docs/decisions/009-content-security-policy.md).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Corrections" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

export default async function CorrectionsPage({ searchParams }: PageProps<"/corrections">) {
  const { cursor: rawCursor } = await searchParams;
  const cursor = typeof rawCursor === "string" ? decodeCursor(rawCursor) : null;
  const page = await listCorrections({ cursor });

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
      {page.items.length === 0 ? (
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
      {page.nextCursor ? (
        <p className="mt-6">
          <Link href={`/corrections?cursor=${page.nextCursor}`} className="text-blue-800 underline">
            Older corrections
          </Link>
        </p>
      ) : null}
    </>
  );
}
