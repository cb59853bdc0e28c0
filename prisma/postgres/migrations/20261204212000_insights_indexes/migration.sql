-- Insights (docs/decisions/031-insights.md): open work per colleague and claims by status for
-- each story are counted from indexes alone. The wider assignee index replaces the narrower one.

-- DropIndex
DROP INDEX "Claim_assigneeId_status_idx";

-- CreateIndex
CREATE INDEX "Claim_assigneeId_status_publishedAt_idx" ON "Claim"("assigneeId", "status", "publishedAt");

-- CreateIndex
CREATE INDEX "Claim_storyId_status_idx" ON "Claim"("storyId", "status");
