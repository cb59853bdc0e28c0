import type { Metadata } from "next";
import Link from "next/link";
import { DeskListSearch } from "@/components/desk/list-search";
import { StoryArchiveForm, StoryForm } from "@/components/desk/story-form";
import { editStoryLinkId } from "@/lib/domain/desk-notice";
import { DESK_STORIES_LIMIT, listDeskStories, type DeskStoryList, type DeskStoryRow } from "@/lib/data/desk";
import { storyClaimsNote } from "@/lib/domain/story-claims-note";
import { requirePageUser } from "@/lib/session";
import { toSearchParams } from "@/lib/validation/claim-query";

export const metadata: Metadata = { title: "Stories" };

function StoryRow({ story }: { story: DeskStoryRow }) {
  const isArchived = story.archivedAt !== null;
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded border border-stone-300 bg-white p-3">
      <span>
        {/* Readers have a page for a story only once one of its claims is published: until then
            its address is "not found", so the title is no link there. */}
        {story.publishedCount > 0 ? (
          <Link href={`/stories/${story.slug}`} className="font-semibold text-blue-800 underline">
            {story.title}
          </Link>
        ) : (
          <span className="font-semibold">{story.title}</span>
        )}{" "}
        <span className="text-sm text-stone-700">
          /stories/{story.slug} · {storyClaimsNote(story)}
          {story.archivedAt ? ` · archived ${story.archivedAt.toISOString().slice(0, 10)}` : null}
        </span>
      </span>
      <span className="ml-auto flex items-center gap-3">
        <Link id={editStoryLinkId(story.id)} href={`/desk/stories/${story.id}/edit`} className="text-blue-800 underline" aria-label={`Edit story “${story.title}”`}>
          Edit
        </Link>
        <StoryArchiveForm story={{ id: story.id, title: story.title, isArchived }} />
      </span>
    </li>
  );
}

/** How many stories a list holds, and which of them it shows, in words. */
function countNote(list: DeskStoryList, kind: "current" | "archived", q: string): string {
  const noun = `${kind} ${list.total === 1 ? "story" : "stories"}`;
  if (list.total === 0) return q ? `No ${kind} story’s title or address holds “${q}”.` : `No ${kind} story.`;
  const shown = list.total > list.rows.length ? `; the ${kind === "current" ? "newest" : "most recently archived"} ${list.rows.length} are shown: find a story by its title or address to reach the others` : "";
  return `${list.total.toLocaleString("en")} ${noun}${q ? ` ${list.total === 1 ? "matches" : "match"} “${q}”` : ""}${shown}.`;
}

// An action's notice (`?done=`) is shown by the desk's layout (components/desk/action-notice.tsx).
export default async function StoriesPage({ searchParams }: PageProps<"/desk/stories">) {
  await requirePageUser("story:manage", "/desk/stories");
  // As the search reads it: spaces around the words are no part of them.
  const q = (toSearchParams(await searchParams).get("q") ?? "").slice(0, 200).trim();
  const { current, archived } = await listDeskStories(q);
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Stories</h1>
      <DeskListSearch
        action="/desk/stories"
        name="Find a story"
        label="Find a story"
        fieldId="story-q"
        q={q}
        button="Find"
        hint={`Words of its title, or of its address. At most ${DESK_STORIES_LIMIT} current and ${DESK_STORIES_LIMIT} archived stories are listed.`}
      />
      <p className="mb-3 text-sm text-stone-800">
        {countNote(current, "current", q)}
      </p>
      {current.rows.length > 0 ? (
        <ul className="mb-8 space-y-2" aria-label="Current stories">
          {current.rows.map((story) => (
            <StoryRow key={story.id} story={story} />
          ))}
        </ul>
      ) : null}
      <StoryForm />
      <section aria-labelledby="archived-heading" className="mt-8">
        <h2 id="archived-heading" className="mb-2 text-xl font-semibold">
          Archived stories
        </h2>
        <p className="mb-3 text-sm text-stone-700">Readers can still open an archived story’s page and its published claims; it is left out of lists and menus.</p>
        <p className="mb-3 text-sm text-stone-800">{countNote(archived, "archived", q)}</p>
        {archived.rows.length > 0 ? (
          <ul className="space-y-2" aria-label="Archived stories">
            {archived.rows.map((story) => (
              <StoryRow key={story.id} story={story} />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}
