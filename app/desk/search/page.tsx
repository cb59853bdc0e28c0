import type { Metadata } from "next";
import Link from "next/link";
import { searchDesk, type Snippet } from "@/lib/data/desk-search";
import { requirePageUser } from "@/lib/session";
import { toSearchParams } from "@/lib/validation/claim-query";

export const metadata: Metadata = { title: "Search the desk" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

function ShownSnippet({ snippet }: { snippet: Snippet | null }) {
  if (!snippet) return null;
  return (
    <p className="mt-1 text-stone-800">
      {snippet.cutBefore ? "…" : null}
      {snippet.before}
      <mark className="bg-yellow-100 text-stone-950">{snippet.match}</mark>
      {snippet.after}
      {snippet.cutAfter ? "…" : null}
    </p>
  );
}

function countLine(total: number, shown: number, one: string, many: string): string {
  const noun = total === 1 ? one : many;
  return `${total.toLocaleString("en")} ${noun}${total > shown ? `; the newest ${shown} are shown` : ""}.`;
}

/**
 * The desk's search: words in the captured text of sources and in reviewers' notes, internal
 * ones included (lib/data/desk-search.ts). Readers' search does not look there.
 */
export default async function DeskSearchPage({ searchParams }: PageProps<"/desk/search">) {
  await requirePageUser("desk:view", "/desk/search");
  const q = (toSearchParams(await searchParams).get("q") ?? "").trim().slice(0, 200);
  const results = q ? await searchDesk(q) : null;
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Search the desk</h1>
      <p className="mb-4 text-stone-800">
        Finds words, as typed and in any case, in the text captured from sources and in every note, internal ones included. Readers’ search
        does not look in either.
      </p>
      <form role="search" aria-label="Search the desk" method="get" action="/desk/search" className="mb-6 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="desk-q" className="block font-medium">
            Words
          </label>
          <input id="desk-q" name="q" type="search" defaultValue={q} maxLength={200} className="mt-1 w-72 rounded border border-stone-500 bg-white px-2 py-1.5" />
        </div>
        <button type="submit" className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white">
          Search
        </button>
      </form>
      {results ? (
        <>
          <section aria-labelledby="found-sources">
            <h2 id="found-sources" className="text-xl font-semibold">
              In sources’ captured text
            </h2>
            <p className="mt-1 text-sm text-stone-800">{results.sourceTotal === 0 ? `No source’s captured text holds “${q}”.` : countLine(results.sourceTotal, results.sources.length, "source", "sources")}</p>
            <ul className="mt-3 space-y-3">
              {results.sources.map((source) => (
                <li key={source.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
                  <Link href={`/desk/sources/${source.id}/edit`} className="font-medium text-blue-800 underline">
                    {source.title}
                  </Link>
                  {source.publisher ? <span className="text-stone-700"> · {source.publisher}</span> : null}
                  <ShownSnippet snippet={source.snippet} />
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="found-notes" className="mt-8">
            <h2 id="found-notes" className="text-xl font-semibold">
              In notes
            </h2>
            <p className="mt-1 text-sm text-stone-800">{results.noteTotal === 0 ? `No note holds “${q}”.` : countLine(results.noteTotal, results.notes.length, "note", "notes")}</p>
            <ul className="mt-3 space-y-3">
              {results.notes.map((note) => (
                <li key={note.id} className="rounded border border-stone-300 bg-white p-3 text-sm">
                  <Link href={`/desk/claims/${note.claimId}`} className="font-medium text-blue-800 underline">
                    {note.claimSummary}
                  </Link>
                  <span className="block text-stone-700">
                    {note.isPublic ? "Public" : "Internal"} note by {note.authorName}, <time dateTime={note.createdAt.toISOString()}>{dateFormat.format(note.createdAt)}</time>
                  </span>
                  <ShownSnippet snippet={note.snippet} />
                </li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}
