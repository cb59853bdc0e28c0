-- A claim can be marked as a duplicate of an earlier one (docs/decisions/030-seen-before-duplicates-related.md).
-- Added in place rather than by Prisma's table redefinition: redefining "Claim" would renumber its
-- rowids, which the search index (ClaimSearch, keyed by rowid, newest first) relies on, and would
-- need the search triggers dropped and rebuilt. SQLite allows a nullable column with a
-- REFERENCES clause to be added so.
-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "duplicateOfId" TEXT REFERENCES "Claim" ("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Claim_duplicateOfId_idx" ON "Claim"("duplicateOfId");
