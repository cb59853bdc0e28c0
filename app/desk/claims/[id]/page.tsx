import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClaimHistory } from "@/components/claims/claim-history";
import { LinkedSource } from "@/components/claims/linked-source";
import { AnnotationForm, AssignForm, DeleteNoteButton, DuplicateForm, LinkSourceForm, NotDuplicateForm, PublishForm, StatusForm, UnlinkButton, type StatusAudience } from "@/components/desk/claim-forms";
import { SeenBefore } from "@/components/desk/seen-before";
import { findSimilarClaims } from "@/lib/data/similar-claims";
import { Markdown } from "@/components/ui/markdown";
import { StatusBadge } from "@/components/ui/status-badge";
import { getDeskClaim, LINK_MENU_SOURCES, listAssignableUsers, listSourcesToLink, type SourcesToLink } from "@/lib/data/desk";
import { formatPartialDate } from "@/lib/domain/partial-date";
import { isPendingStatus } from "@/lib/domain/status";
import { can } from "@/lib/permissions";
import { readersSawRating } from "@/lib/public-record";
import { checkQuote } from "@/lib/quote-check";
import { requirePageUser } from "@/lib/session";
import { isRecordId } from "@/lib/validation/record-id";
import { quoted } from "@/lib/text";

export const metadata: Metadata = { title: "Claim workspace" };

/** The longest search for a source to link; the field says so and the server keeps no more. */
const FIND_SOURCE_MAX = 200;

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export default async function ClaimWorkspacePage({ params, searchParams }: PageProps<"/desk/claims/[id]">) {
  const { id } = await params;
  const { source: chosenParam, findSource } = await searchParams;
  const chosenSource = typeof chosenParam === "string" ? chosenParam : null;
  const user = await requirePageUser("desk:view", `/desk/claims/${id}`);
  const claim = isRecordId(id) ? await getDeskClaim(id) : null;
  if (!claim) notFound();
  const isEditor = can(user.role, "claim:publish");
  const [sources, users, similar] = await Promise.all([
    listSourcesToLink(claim.storyId, typeof findSource === "string" ? findSource.slice(0, FIND_SOURCE_MAX) : "", chosenSource),
    isEditor ? listAssignableUsers() : Promise.resolve([]),
    // Itself and the claims already marked as its duplicates are not "seen before".
    findSimilarClaims(`${claim.summary} ${claim.text}`, [claim.id, ...claim.duplicates.map((d) => d.id)]),
  ]);
  // A published claim marked as a duplicate sends its readers elsewhere: an editor's decision.
  const canMarkDuplicate = can(user.role, "claim:mark-duplicate") && (!claim.publishedAt || can(user.role, "claim:unpublish"));
  // Once readers have seen a rating (published now or before), changing it is an editor's
  // correction: lib/operations/claims.ts enforces the same rule.
  const seenByReaders = Boolean(claim.publishedAt) || claim.events.some((e) => e.kind === "published");
  const canChangeStatus = !seenByReaders || can(user.role, "status:decide-published");
  const audience: StatusAudience = !seenByReaders
    ? "draft"
    : isPendingStatus(claim.status) && !readersSawRating(claim.events, claim.status)
      ? "update"
      : "correction";

  return (
    <article>
      <p className="mb-2 text-sm text-stone-700">
        {claim.story.title} · {claim.publishedAt ? "Published" : "Draft"} · version {claim.version}
        {claim.publishedAt ? (
          <>
            {" · "}
            <Link href={`/claims/${claim.id}`} className="text-blue-800 underline">
              Public page
            </Link>
          </>
        ) : null}
      </p>
      <h1 className="font-serif text-3xl font-bold leading-tight">{claim.summary}</h1>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <StatusBadge status={claim.status} />
        <span className="text-sm">Assigned to {claim.assignee?.name ?? "nobody"}</span>
        <Link href={`/desk/claims/${claim.id}/edit`} className="text-sm text-blue-800 underline">
          Edit claim
        </Link>
      </div>
      <blockquote className="mt-4 border-l-4 border-blue-800 bg-white p-4 font-serif text-lg">{quoted(claim.text)}</blockquote>
      <p className="mt-2 text-sm">
        Said by{" "}
        <Link href={`/desk/claimants/${claim.claimant.id}/edit`} className="text-blue-800 underline">
          {claim.claimant.name}
        </Link>
        {claim.claimDate ? `, ${formatPartialDate(claim.claimDate, claim.claimDatePrecision)}` : "; date not recorded"}.
      </p>
      <p className="mt-2 text-sm">
        <span className="font-semibold">Reason for the status:</span> {claim.statusReason || "none yet"}
      </p>

      <div className="mt-6 grid gap-4 md:grid-cols-2">
        {canChangeStatus ? (
          <StatusForm claimId={claim.id} version={claim.version} status={claim.status} reason={claim.statusReason} audience={audience} />
        ) : (
          <p className="rounded border border-stone-300 bg-white p-4 text-sm">
            {claim.publishedAt ? "This claim is published" : "Readers have seen this claim, which is withdrawn now"}: an editor decides changes to its status.
          </p>
        )}
        {isEditor ? (
          <div className="space-y-4">
            <PublishForm claimId={claim.id} version={claim.version} isPublished={Boolean(claim.publishedAt)} />
            <AssignForm claimId={claim.id} version={claim.version} assigneeId={claim.assignee?.id ?? null} users={users} />
          </div>
        ) : null}
      </div>

      <div id="seen-before" className="mt-6 space-y-4">
        {claim.duplicateOf ? (
          <div className="rounded border border-amber-500 bg-amber-50 p-4">
            {/* Where the keyboard lands after "Mark as duplicate" (components/forms/return-focus.ts). */}
            <h3 id="duplicate-heading" tabIndex={-1}>
              <span className="font-semibold">A duplicate of </span>
              <Link href={`/desk/claims/${claim.duplicateOf.id}`} className="text-blue-800 underline">
                {claim.duplicateOf.summary}
              </Link>{" "}
              <StatusBadge status={claim.duplicateOf.status} />
            </h3>
            <p className="mt-1 text-sm">
              {claim.duplicateOf.publishedAt ? "Readers of this claim are sent to that one." : "That claim is a draft: readers of this claim see its own page until it is published."}
            </p>
            {canMarkDuplicate ? <NotDuplicateForm claimId={claim.id} version={claim.version} /> : null}
          </div>
        ) : null}
        {claim.duplicates.length > 0 ? (
          <div className="rounded border border-stone-300 bg-white p-4">
            <h2 className="font-semibold">Marked as duplicates of this claim</h2>
            <ul className="mt-2 list-disc pl-5 text-sm">
              {claim.duplicates.map((duplicate) => (
                <li key={duplicate.id}>
                  <Link href={`/desk/claims/${duplicate.id}`} className="text-blue-800 underline">
                    {duplicate.summary}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <SeenBefore initial={similar} hasAsked />
        {canMarkDuplicate && !claim.duplicateOf && similar.length > 0 ? <DuplicateForm claimId={claim.id} version={claim.version} candidates={similar} /> : null}
      </div>

      <section aria-labelledby="sources-heading" id="sources" className="mt-8">
        <h2 id="sources-heading" className="mb-3 text-xl font-semibold">
          Sources
        </h2>
        {claim.sources.length === 0 ? <p className="mb-4">No source linked yet.</p> : null}
        <ul className="mb-4 space-y-3">
          {claim.sources.map((link) => (
            <LinkedSource key={link.id} link={link} quoteCheck={checkQuote(link.quote, link.source.capturedText)}>
              {/* A div, not a p: the unlink button is a form, and a form start tag closes an open p
                  in the browser's parser, so React met another page than it rendered (error 418)
                  and rendered the whole page again, dropping anything typed before it loaded. */}
              <div className="mt-2 flex gap-4 text-sm">
                <Link href={`/desk/links/${link.id}/edit`} className="text-blue-800 underline">
                  Edit link to {link.source.title}
                </Link>
                <Link href={`/desk/sources/${link.source.id}/edit`} className="text-blue-800 underline">
                  Edit source<span className="sr-only"> {link.source.title}</span>
                </Link>
                <UnlinkButton linkId={link.id} version={link.version} sourceTitle={link.source.title} />
              </div>
            </LinkedSource>
          ))}
        </ul>
        <form role="search" aria-label="Find a source to link" method="get" action={`/desk/claims/${claim.id}#link-source`} className="mb-3 flex flex-wrap items-end gap-2">
          {chosenSource ? <input type="hidden" name="source" value={chosenSource} /> : null}
          <div>
            <label htmlFor="findSource" className="block font-medium">
              Find a source to link, by title or publisher
            </label>
            <input id="findSource" name="findSource" type="search" maxLength={FIND_SOURCE_MAX} defaultValue={sources.query} className="mt-1 rounded border border-stone-500 bg-white px-2 py-1.5" />
          </div>
          <button type="submit" className="rounded bg-blue-800 px-3 py-1.5 font-medium text-white">
            Find
          </button>
          {sources.query ? (
            // A whole page load, as the search is: focus starts again at the top of the page.
            <a href={`/desk/claims/${claim.id}${chosenSource ? `?source=${encodeURIComponent(chosenSource)}` : ""}#link-source`} className="text-blue-800 underline">
              Show the usual sources
            </a>
          ) : null}
        </form>
        <LinkSourceForm claimId={claim.id} sources={sources.options} chosenSourceId={chosenSource ?? undefined} menuNote={linkMenuNote(sources)} />
      </section>

      <section aria-labelledby="notes-heading" id="notes" className="mt-8">
        <h2 id="notes-heading" className="mb-3 text-xl font-semibold">
          Notes
        </h2>
        <p className="mb-3 text-sm text-stone-700">Notes are the desk’s own unless marked public; readers see only public notes.</p>
        <ul className="mb-4 space-y-3">
          {claim.annotations.map((note) => (
            <li key={note.id} className="rounded border border-stone-300 bg-white p-4">
              <p className="mb-2 text-sm">
                {note.isPublic ? (
                  <span className="rounded bg-green-100 px-2 py-0.5 font-semibold text-green-900">Public: readers see this note</span>
                ) : (
                  <span className="rounded bg-stone-200 px-2 py-0.5 font-semibold text-stone-900">Internal: the desk only</span>
                )}
              </p>
              <Markdown text={note.body} />
              <p className="mt-2 text-sm text-stone-700">
                {note.author.name}, {dateFormat.format(note.createdAt)}
              </p>
              {note.author.id === user.id ? (
                <div className="mt-1 flex gap-4 text-sm">
                  <Link href={`/desk/annotations/${note.id}/edit`} className="text-blue-800 underline">
                    Edit note
                  </Link>
                  <DeleteNoteButton annotationId={note.id} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        <AnnotationForm claimId={claim.id} />
      </section>

      <section aria-labelledby="history-heading" className="mt-8">
        <h2 id="history-heading" className="mb-3 text-xl font-semibold">
          History
        </h2>
        <ClaimHistory events={claim.events} />
      </section>
    </article>
  );
}

/** What the "Link a source" menu holds, said beside it (and to screen readers with it). */
function linkMenuNote({ query, matched, total, options }: SourcesToLink): string {
  const all = `${total.toLocaleString("en")} ${total === 1 ? "source" : "sources"}`;
  if (matched === null || matched === 0) {
    const missed = matched === 0 ? `No source's title or publisher holds “${query}”. ` : "";
    return options.length < total ? `${missed}The menu holds the sources this story cites most recently and the ${LINK_MENU_SOURCES} newest of all ${all}; not there? Find it above.` : `${missed}The menu holds all ${all}.`;
  }
  const which = `${matched.toLocaleString("en")} ${matched === 1 ? "source matches" : "sources match"} “${query}”`;
  return matched > LINK_MENU_SOURCES ? `${which}; the menu holds the newest ${LINK_MENU_SOURCES}. Add words to narrow it.` : `${which}; the menu holds ${matched === 1 ? "it" : "them"}.`;
}
