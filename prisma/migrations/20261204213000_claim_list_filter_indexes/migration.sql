-- CreateIndex
CREATE INDEX "Claim_storyId_status_publishedAt_id_idx" ON "Claim"("storyId", "status", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Claim_claimantId_status_publishedAt_id_idx" ON "Claim"("claimantId", "status", "publishedAt", "id");
