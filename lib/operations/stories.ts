import { db } from "@/lib/db";
import { AppError, ConflictError, FieldRuleError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/operations/prisma-errors";
import type { CurrentUser } from "@/lib/session";
import type { StoryEditInput, StoryFormInput } from "@/lib/validation/story";

// A story's address is /stories/<slug>. Each address it leaves is kept (StoryOldSlug) and
// redirects to the one it has now; see docs/decisions/024-story-addresses-and-archive.md.

const taken = (slug: string) => new FieldRuleError("slug", `Another story already uses the address “${slug}”.`);

/**
 * A new story; its slug must not be another story's address. It may be one a story left: the
 * newsroom reuses it on purpose, and the old redirect ends. `tookOverFrom` names that story.
 */
export async function createStory(_actor: CurrentUser, input: StoryFormInput): Promise<{ slug: string; tookOverFrom: string | null }> {
  try {
    return await db.$transaction(async (tx) => {
      const left = await tx.storyOldSlug.findUnique({ where: { slug: input.slug }, select: { story: { select: { title: true } } } });
      if (left) await tx.storyOldSlug.delete({ where: { slug: input.slug } });
      const story = await tx.story.create({ data: input, select: { slug: true } });
      return { slug: story.slug, tookOverFrom: left?.story.title ?? null };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(input.slug);
    throw error;
  }
}

/** Someone else saved the story since the form was opened: what is saved now, to review before saving again. */
function savedSince(now: { slug: string; title: string; summary: string; version: number }): ConflictError {
  return new ConflictError(
    "Someone else saved this story after you opened it, so your change was not saved. Here is what is saved now.",
    { Title: now.title, Summary: now.summary, Address: `/stories/${now.slug}` },
    now.version,
    { title: now.title, summary: now.summary, slug: now.slug },
  );
}

/**
 * A story's title, summary and address, if no one saved it since `version`. A new address must be
 * free: not another story's, nor one another story left (links to it still lead there). The
 * address left is kept as an old one; one of the story's own old addresses may be taken back.
 */
export async function updateStory(_actor: CurrentUser, id: string, input: StoryEditInput): Promise<void> {
  const { version, ...fields } = input;
  try {
    await db.$transaction(async (tx) => {
      const now = await tx.story.findUnique({ where: { id }, select: { slug: true, title: true, summary: true, version: true } });
      if (!now) throw new AppError("not_found", "That story no longer exists.");
      if (now.version !== version) throw savedSince(now);
      const isMoving = fields.slug !== now.slug;
      if (isMoving) {
        const holder = await tx.story.findUnique({ where: { slug: fields.slug }, select: { id: true } });
        if (holder) throw taken(fields.slug);
        const left = await tx.storyOldSlug.findUnique({ where: { slug: fields.slug }, select: { storyId: true, story: { select: { title: true } } } });
        if (left && left.storyId !== id) {
          throw new FieldRuleError("slug", `“${left.story.title}” had the address “${fields.slug}” before it was renamed, and links to it still lead there. Choose another address.`);
        }
      }
      // Compare-and-set: a save that raced ours between the read above and here changes nothing.
      const { count } = await tx.story.updateMany({ where: { id, version }, data: { ...fields, version: { increment: 1 } } });
      if (count !== 1) {
        const saved = await tx.story.findUnique({ where: { id }, select: { slug: true, title: true, summary: true, version: true } });
        if (!saved) throw new AppError("not_found", "That story no longer exists.");
        throw savedSince(saved);
      }
      if (isMoving) {
        await tx.storyOldSlug.deleteMany({ where: { slug: fields.slug, storyId: id } });
        await tx.storyOldSlug.upsert({ where: { slug: now.slug }, create: { slug: now.slug, storyId: id }, update: { storyId: id, createdAt: new Date() } });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw taken(fields.slug);
    throw error;
  }
}

/**
 * Archives a story, or brings it back. Archiving keeps the story's page and its published claims
 * (a newsroom does not take back what it verified); it leaves readers' lists and menus. Repeating
 * either is no change: an archived story keeps the date it was first archived.
 */
export async function setStoryArchived(_actor: CurrentUser, id: string, archived: boolean): Promise<void> {
  const story = await db.story.findUnique({ where: { id }, select: { archivedAt: true } });
  if (!story) throw new AppError("not_found", "That story no longer exists.");
  if (archived === (story.archivedAt !== null)) return;
  await db.story.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
}
