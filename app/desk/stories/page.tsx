import type { Metadata } from "next";
import Link from "next/link";
import { StoryArchiveForm, StoryForm } from "@/components/desk/story-form";
import { listDeskStories } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "Stories" };

type DeskStory = Awaited<ReturnType<typeof listDeskStories>>["current"][number];

function StoryRow({ story }: { story: DeskStory }) {
  const isArchived = story.archivedAt !== null;
  return (
    <li className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded border border-stone-300 bg-white p-3">
      <span>
        <Link href={`/stories/${story.slug}`} className="font-semibold text-blue-800 underline">
          {story.title}
        </Link>{" "}
        <span className="text-sm text-stone-700">
          /stories/{story.slug} · {story._count.claims} claim(s), published ones visible to readers
          {story.archivedAt ? ` · archived ${story.archivedAt.toISOString().slice(0, 10)}` : null}
        </span>
      </span>
      <span className="ml-auto flex items-center gap-3">
        <Link href={`/desk/stories/${story.id}/edit`} className="text-blue-800 underline" aria-label={`Edit story “${story.title}”`}>
          Edit
        </Link>
        <StoryArchiveForm story={{ id: story.id, title: story.title, isArchived }} />
      </span>
    </li>
  );
}

// An action's notice (`?done=`) is shown by the desk's layout (components/desk/action-notice.tsx).
export default async function StoriesPage() {
  await requirePageUser("story:manage", "/desk/stories");
  const { current, archived } = await listDeskStories();
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Stories</h1>
      {current.length === 0 ? <p className="mb-8">No current story.</p> : null}
      <ul className="mb-8 space-y-2" aria-label="Current stories">
        {current.map((story) => (
          <StoryRow key={story.id} story={story} />
        ))}
      </ul>
      <StoryForm />
      <section aria-labelledby="archived-heading" className="mt-8">
        <h2 id="archived-heading" className="mb-2 text-xl font-semibold">
          Archived stories
        </h2>
        <p className="mb-3 text-sm text-stone-700">Readers can still open an archived story’s page and its published claims; it is left out of lists and menus.</p>
        {archived.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="space-y-2" aria-label="Archived stories">
            {archived.map((story) => (
              <StoryRow key={story.id} story={story} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
