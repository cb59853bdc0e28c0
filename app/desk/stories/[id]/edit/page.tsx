import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StoryEditForm } from "@/components/desk/story-form";
import { getStoryForEdit } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";
import { isRecordId } from "@/lib/validation/record-id";

export const metadata: Metadata = { title: "Edit story" };

export default async function EditStoryPage({ params }: PageProps<"/desk/stories/[id]/edit">) {
  const { id } = await params;
  await requirePageUser("story:manage", `/desk/stories/${id}/edit`);
  const story = isRecordId(id) ? await getStoryForEdit(id) : null;
  if (!story) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/desk/stories" className="text-blue-800 underline">
          All stories
        </Link>
      </p>
      <h1 className="mb-4 font-serif text-3xl font-bold">Edit story</h1>
      {story.archivedAt ? <p className="mb-4">This story is archived; unarchive it from the list of stories.</p> : null}
      <StoryEditForm story={story} />
      {story.oldSlugs.length > 0 ? (
        <section aria-labelledby="old-addresses-heading" className="mt-6">
          <h2 id="old-addresses-heading" className="mb-2 text-lg font-semibold">
            Old addresses that lead here
          </h2>
          <ul className="list-inside list-disc">
            {story.oldSlugs.map((old) => (
              <li key={old.slug}>/stories/{old.slug}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
