import type { Metadata } from "next";
import Link from "next/link";
import { sourceMetaLine } from "@/components/sources/source-meta";
import { dependOn } from "@/lib/cache/depend";
import { tag } from "@/lib/cache/tags";
import { listSources } from "@/lib/data/sources";

// Rendered for each request, with its CSP nonce (ADR 009): this is the page signed-in people get.
// Readers get its cached copy, app/cached/[edition]/… (ADR 014).
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Sources" };

export default async function SourcesPage() {
  // Titles and counts across all published claims: expired by any write readers can see.
  await dependOn([tag.published()]);
  const sources = await listSources();
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-bold">Sources</h1>
      {sources.length === 0 ? (
        <p>No source has been recorded yet.</p>
      ) : (
        <ul className="space-y-3">
          {sources.map((source) => (
            <li key={source.id} className="rounded border border-stone-300 bg-white p-4">
              <h2 className="text-lg font-semibold">
                <Link href={`/sources/${source.id}`} className="text-blue-800 underline">
                  {source.title}
                </Link>
              </h2>
              <p className="text-sm text-stone-700">
                {sourceMetaLine(source)} · cited by {source.claimCount === 1 ? "1 claim" : `${source.claimCount} claims`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
