-- CreateIndex
CREATE INDEX "Claim_storyId_publishedAt_idx" ON "Claim"("storyId", "publishedAt");
