import type { Metadata } from "next";
import Link from "next/link";
import { DeskListSearch } from "@/components/desk/list-search";
import { listDeskSources } from "@/lib/data/desk";
import { SOURCE_KIND_LABEL, isSourceKind } from "@/lib/domain/source-kind";
import { requirePageUser } from "@/lib/session";
import { toSearchParams } from "@/lib/validation/claim-query";

export const metadata: Metadata = { title: "Sources" };

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/** The desk's home for sources: every one, newest first, searchable, each with its edit page. */
export default async function DeskSourcesPage({ searchParams }: PageProps<"/desk/sources">) {
  await requirePageUser("desk:view", "/desk/sources");
  // As the search reads it: spaces around the words are no part of them.
  const q = (toSearchParams(await searchParams).get("q") ?? "").slice(0, 200).trim();
  const { rows, total } = await listDeskSources(q);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Sources</h1>
        <Link href="/desk/sources/new" className="text-blue-800 underline">
          New source
        </Link>
      </div>
      <DeskListSearch action="/desk/sources" name="Search sources" label="Title or publisher" fieldId="q" q={q} button="Search" />
      <p className="mb-3 text-sm text-stone-800">
        {total === 0
          ? q
            ? `No source's title or publisher holds “${q}”.`
            : "No source yet."
          : `${total.toLocaleString("en")} ${total === 1 ? "source" : "sources"}${q ? ` ${total === 1 ? "matches" : "match"} “${q}”` : ""}${total > rows.length ? `; the newest ${rows.length} are shown: search to find older ones` : ""}.`}
      </p>
      {rows.length > 0 ? (
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">Sources, newest first</caption>
          <thead>
            <tr>
              <th scope="col" className="border-b border-stone-400 p-2 text-left">Source</th>
              <th scope="col" className="border-b border-stone-400 p-2 text-left">Kind</th>
              <th scope="col" className="border-b border-stone-400 p-2 text-left">Added</th>
              <th scope="col" className="border-b border-stone-400 p-2 text-right">Claims citing it</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((source) => (
              <tr key={source.id}>
                <td className="border-b border-stone-200 p-2">
                  <Link href={`/desk/sources/${source.id}/edit`} className="text-blue-800 underline">
                    Edit <span className="sr-only">source </span>“{source.title}”
                  </Link>
                  {source.publisher ? <span className="block text-stone-700">{source.publisher}</span> : null}
                  {source.hasCapturedText ? null : <span className="block text-stone-700">No captured text: quotes cannot be checked.</span>}
                </td>
                <td className="border-b border-stone-200 p-2">{isSourceKind(source.kind) ? SOURCE_KIND_LABEL[source.kind] : source.kind}</td>
                <td className="border-b border-stone-200 p-2">
                  <time dateTime={source.createdAt.toISOString()}>{dateFormat.format(source.createdAt)}</time>
                </td>
                <td className="border-b border-stone-200 p-2 text-right">{source.claimCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
