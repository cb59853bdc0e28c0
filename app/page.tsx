import Link from "next/link";
import { StoryClaims } from "@/components/claims/story-claims";
import { dependOn } from "@/lib/cache/depend";
import { tag } from "@/lib/cache/tags";
import { listStoriesWithClaims } from "@/lib/data/stories";

// Rendered for each request, with its CSP nonce (ADR 009): this is the page signed-in people get.
// Readers get its cached copy, app/cached/[edition]/… (ADR 014).
export const dynamic = "force-dynamic";

export default async function HomePage() {
  // Reads across every story and claim: expired by any write readers can see.
  await dependOn([tag.published()]);
  const stories = await listStoriesWithClaims({ stories: 10, claimsPerStory: 20 });
  return (
    <>
      <h1 className="sr-only">Factline: claims in the news, checked</h1>
      {stories.length === 0 ? (
        <p>No story has been published yet.</p>
      ) : (
        stories.map((story) => (
          <section key={story.id} aria-labelledby={`story-${story.id}`} className="mb-12">
            <p className="text-sm font-semibold uppercase tracking-wide text-stone-700">Story</p>
            <h2 id={`story-${story.id}`} className="font-serif text-3xl font-bold leading-tight">
              <Link href={`/stories/${story.slug}`} className="text-stone-900 underline decoration-stone-400 hover:decoration-stone-900">
                {story.title}
              </Link>
            </h2>
            {story.summary ? <p className="mt-3 text-lg text-stone-800">{story.summary}</p> : null}
            <div className="mt-6">
              <StoryClaims story={story} headingLevel="h3" />
            </div>
          </section>
        ))
      )}
    </>
  );
}
