import type { Metadata } from "next";
import Link from "next/link";
import { StoryForm } from "@/components/desk/story-form";
import { listDeskStories } from "@/lib/data/desk";
import { requirePageUser } from "@/lib/session";

export const metadata: Metadata = { title: "Stories" };

export default async function StoriesPage() {
  await requirePageUser("story:manage", "/desk/stories");
  const stories = await listDeskStories();
  return (
    <>
      <h1 className="mb-4 font-serif text-3xl font-bold">Stories</h1>
      <ul className="mb-8 space-y-2">
        {stories.map((story) => (
          <li key={story.id} className="rounded border border-stone-300 bg-white p-3">
            <Link href={`/stories/${story.slug}`} className="font-semibold text-blue-800 underline">
              {story.title}
            </Link>{" "}
            <span className="text-sm text-stone-700">
              /stories/{story.slug} · {story._count.claims} claim(s), published ones visible to readers
            </span>
          </li>
        ))}
      </ul>
      <StoryForm />
    </>
  );
}
