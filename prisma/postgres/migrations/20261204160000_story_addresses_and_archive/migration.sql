-- Stories can be renamed and archived (docs/decisions/024-story-addresses-and-archive.md):
-- "Story" gains "archivedAt" and a "version" for safe concurrent edits, and "StoryOldSlug" keeps
-- each address a story left, so /stories/<old address> redirects to its current one.
-- PostgreSQL twin of prisma/migrations/20261204160000_story_addresses_and_archive.
-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "StoryOldSlug" (
    "slug" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryOldSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "StoryOldSlug_storyId_idx" ON "StoryOldSlug"("storyId");

-- AddForeignKey
ALTER TABLE "StoryOldSlug" ADD CONSTRAINT "StoryOldSlug_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;
