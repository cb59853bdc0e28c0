-- Sources keep the history of their captures from a web address (docs/decisions/029-source-capture.md):
-- each "SourceCapture" row is one fetch (final address, status, SHA-256, text, who, when).
-- PostgreSQL twin of prisma/migrations/20261204210000_source_captures.
-- CreateTable
CREATE TABLE "SourceCapture" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT,
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "httpStatus" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "capturedById" TEXT,

    CONSTRAINT "SourceCapture_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SourceCapture_sourceId_fetchedAt_idx" ON "SourceCapture"("sourceId", "fetchedAt");

-- CreateIndex
CREATE INDEX "SourceCapture_capturedById_idx" ON "SourceCapture"("capturedById");

-- AddForeignKey
ALTER TABLE "SourceCapture" ADD CONSTRAINT "SourceCapture_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCapture" ADD CONSTRAINT "SourceCapture_capturedById_fkey" FOREIGN KEY ("capturedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


