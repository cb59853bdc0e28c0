-- A claim can be marked as a duplicate of an earlier one (docs/decisions/030-seen-before-duplicates-related.md).
-- PostgreSQL twin of prisma/migrations/20261204211000_claim_duplicates.
-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "duplicateOfId" TEXT;

-- CreateIndex
CREATE INDEX "Claim_duplicateOfId_idx" ON "Claim"("duplicateOfId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Claim"("id") ON DELETE SET NULL ON UPDATE CASCADE;
