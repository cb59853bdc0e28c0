-- DropIndex
DROP INDEX "ClaimSource_sourceId_idx";

-- CreateIndex
CREATE INDEX "ClaimSource_sourceId_claimId_idx" ON "ClaimSource"("sourceId", "claimId");

-- CreateIndex
CREATE INDEX "Source_createdAt_id_idx" ON "Source"("createdAt", "id");
