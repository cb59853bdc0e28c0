import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { StoryClaims } from "@/components/claims/story-claims";
import { VerdictBreakdown } from "@/components/claims/verdict-breakdown";
import { dependOn } from "@/lib/cache/depend";
import { tag } from "@/lib/cache/tags";
import { countStoryStatuses, findStoryAddress, getStoryBySlug } from "@/lib/data/stories";
import { isRecordId } from "@/lib/validation/record-id";
import { NOT_FOUND_METADATA } from "@/lib/not-found-metadata";

// Rendered for each request, with its CSP nonce (ADR 009): this is the page signed-in people get.
// Readers get its cached copy, app/cached/[edition]/… (ADR 014).
export const dynamic = "force-dynamic";

const loadStory = cache(async (slug: string) => (isRecordId(slug) ? getStoryBySlug(slug, 100) : null));

export async function generateMetadata({ params }: PageProps<"/stories/[slug]">): Promise<Metadata> {
  const story = await loadStory((await params).slug);
  return story ? { title: story.title, description: story.summary } : NOT_FOUND_METADATA;
}

export default async function StoryPage({ params }: PageProps<"/stories/[slug]">) {
  const { slug } = await params;
  await dependOn([tag.storySlug(slug)]);
  const story = await loadStory(slug);
  // A story without a published claim is not found; its first claim's publication expires
  // `published` (its id is not known here to wait on its own set).
  if (!story) {
    await dependOn([tag.published()]);
    // An address a story left leads to the one it has now, for good (308). A rename expires the
    // story's old addresses' tags, so a chain of renames leads straight to the latest.
    const moved = isRecordId(slug) ? await findStoryAddress(slug) : null;
    if (moved) permanentRedirect(`/stories/${moved}`);
    notFound();
  }
  await dependOn([tag.story(story.id), tag.storyClaims(story.id), ...story.claims.map((claim) => tag.claimant(claim.claimant.id))]);
  // Published claims only, counted by the database (a story may have more than the list shows);
  // any write that changes them expires story-claims, which this page waits on.
  const statuses = await countStoryStatuses(story.id);
  return (
    <>
      <p className="mb-2 text-sm font-semibold uppercase tracking-wide text-stone-700">{story.isArchived ? "Archived story" : "Story"}</p>
      <h1 className="font-serif text-3xl font-bold leading-tight">{story.title}</h1>
      {story.isArchived ? (
        <p className="mt-3 rounded border border-stone-400 bg-stone-100 p-3 text-stone-900">
          This story is archived: it is no longer followed, and it is not listed with current stories. Its claims stay on the record as published.
        </p>
      ) : null}
      {story.summary ? <p className="mt-3 text-lg text-stone-800">{story.summary}</p> : null}
      <VerdictBreakdown counts={statuses} />
      <div className="mt-6">
        <StoryClaims story={story} headingLevel="h2" />
      </div>
      <p className="no-print mt-6 text-sm">
        <Link href={`/claims?story=${story.id}`} className="text-blue-800 underline">
          Filter and search this story’s claims
        </Link>
      </p>
    </>
  );
}
