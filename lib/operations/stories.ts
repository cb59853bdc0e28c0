import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/operations/prisma-errors";
import type { CurrentUser } from "@/lib/session";
import type { StoryFormInput } from "@/lib/validation/story";

/** A new story; its slug is its public address (/stories/<slug>) and must be free. */
export async function createStory(_actor: CurrentUser, input: StoryFormInput): Promise<{ slug: string }> {
  try {
    return await db.story.create({ data: input, select: { slug: true } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("conflict", `Another story already uses the address “${input.slug}”.`);
    throw error;
  }
}
