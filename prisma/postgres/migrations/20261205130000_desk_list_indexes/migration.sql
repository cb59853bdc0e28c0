-- DropIndex
DROP INDEX "Claim_status_createdAt_idx";

-- CreateIndex
CREATE INDEX "Claim_status_createdAt_id_idx" ON "Claim"("status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Claim_assigneeId_status_createdAt_id_idx" ON "Claim"("assigneeId", "status", "createdAt", "id");
