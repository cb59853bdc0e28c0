-- Stories can be renamed and archived (docs/decisions/024-story-addresses-and-archive.md):
-- "Story" gains "archivedAt" and a "version" for safe concurrent edits, and "StoryOldSlug" keeps
-- each address a story left, so /stories/<old address> redirects to its current one.
-- CreateTable
CREATE TABLE "StoryOldSlug" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "storyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StoryOldSlug_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Story" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_Story" ("createdAt", "id", "slug", "summary", "title", "updatedAt") SELECT "createdAt", "id", "slug", "summary", "title", "updatedAt" FROM "Story";
DROP TABLE "Story";
ALTER TABLE "new_Story" RENAME TO "Story";
CREATE UNIQUE INDEX "Story_slug_key" ON "Story"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "StoryOldSlug_storyId_idx" ON "StoryOldSlug"("storyId");
