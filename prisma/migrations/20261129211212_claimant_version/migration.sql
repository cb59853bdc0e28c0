-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Claimant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "url" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1
);
INSERT INTO "new_Claimant" ("createdAt", "description", "id", "kind", "name", "updatedAt", "url") SELECT "createdAt", "description", "id", "kind", "name", "updatedAt", "url" FROM "Claimant";
DROP TABLE "Claimant";
ALTER TABLE "new_Claimant" RENAME TO "Claimant";
CREATE INDEX "Claimant_name_idx" ON "Claimant"("name");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
