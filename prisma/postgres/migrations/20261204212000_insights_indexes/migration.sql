-- Insights (docs/decisions/031-insights.md): open work per colleague is counted from an index
-- alone. The wider assignee index replaces the narrower one. (Claims by status for each story
-- read Claim(storyId, status, publishedAt, id), from 20261204213000_claim_list_filter_indexes.)

-- DropIndex
DROP INDEX "Claim_assigneeId_status_idx";

-- CreateIndex
CREATE INDEX "Claim_assigneeId_status_publishedAt_idx" ON "Claim"("assigneeId", "status", "publishedAt");
