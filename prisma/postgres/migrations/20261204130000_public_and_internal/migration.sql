-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "isPublic" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "ClaimEvent_kind_createdAt_idx" ON "ClaimEvent"("kind", "createdAt");
