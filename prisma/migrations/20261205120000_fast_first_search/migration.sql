-- Search that is fast the first time (docs/decisions/023-fast-first-search.md). The index of
-- 20261129231000_claim_search gains a fifth column, "published": the word 'published' for a
-- published claim, empty for a draft. A search asks for it in the same MATCH as its words, so
-- FTS5 walks only published documents in rowid order and a page or a capped count never joins
-- Claim (the join is what made a common word slow). The readers' words are always matched in the
-- four text columns by name, so no reader can match the "published" column.
--
-- FTS5 cannot add a column: the table and its seven triggers are made again, and the claim
-- trigger also fires when "publishedAt" changes, so publishing and unpublishing re-index.
--
-- This file now holds the block a migration that redefines Claim, Claimant or ClaimSource must
-- end with (see 20261129231000_claim_search): drop the seven ClaimSearch_* triggers at its start
-- and copy the block between "search index: begin" and "search index: end" below.
DROP TRIGGER "ClaimSearch_claim_insert";
DROP TRIGGER "ClaimSearch_claim_update";
DROP TRIGGER "ClaimSearch_claim_delete";
DROP TRIGGER "ClaimSearch_claimant_update";
DROP TRIGGER "ClaimSearch_source_insert";
DROP TRIGGER "ClaimSearch_source_update";
DROP TRIGGER "ClaimSearch_source_delete";
DROP TABLE "ClaimSearch";

CREATE VIRTUAL TABLE "ClaimSearch" USING fts5(
    summary,
    claimant,
    text,
    quotes,
    published,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- search index: begin
CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim"
BEGIN
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, published)
    SELECT new.rowid, new."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = new."claimantId"),
        new."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = new."id"),
        CASE WHEN new."publishedAt" IS NOT NULL THEN 'published' ELSE '' END;
END;

CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE OF "id", "summary", "text", "claimantId", "publishedAt" ON "Claim"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = old.rowid;
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, published)
    SELECT new.rowid, new."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = new."claimantId"),
        new."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = new."id"),
        CASE WHEN new."publishedAt" IS NOT NULL THEN 'published' ELSE '' END;
END;

CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = old.rowid;
END;

CREATE TRIGGER "ClaimSearch_claimant_update" AFTER UPDATE OF "name" ON "Claimant"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT rowid FROM "Claim" WHERE "claimantId" = new."id");
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, published)
    SELECT c.rowid, c."summary", new."name", c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
        CASE WHEN c."publishedAt" IS NOT NULL THEN 'published' ELSE '' END
    FROM "Claim" c WHERE c."claimantId" = new."id";
END;

CREATE TRIGGER "ClaimSearch_source_insert" AFTER INSERT ON "ClaimSource"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT rowid FROM "Claim" WHERE "id" = new."claimId");
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, published)
    SELECT c.rowid, c."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = c."claimantId"),
        c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
        CASE WHEN c."publishedAt" IS NOT NULL THEN 'published' ELSE '' END
    FROM "Claim" c WHERE c."id" = new."claimId";
END;

-- A link can move to another claim (claimId changes): both claims' documents are rebuilt.
CREATE TRIGGER "ClaimSearch_source_update" AFTER UPDATE OF "quote", "claimId" ON "ClaimSource"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT rowid FROM "Claim" WHERE "id" IN (old."claimId", new."claimId"));
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, published)
    SELECT c.rowid, c."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = c."claimantId"),
        c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
        CASE WHEN c."publishedAt" IS NOT NULL THEN 'published' ELSE '' END
    FROM "Claim" c WHERE c."id" IN (old."claimId", new."claimId");
END;

-- Also fired by the cascade when a claim is deleted: whichever of this and the claim's own
-- delete trigger runs last, no document is left for the deleted claim.
CREATE TRIGGER "ClaimSearch_source_delete" AFTER DELETE ON "ClaimSource"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT rowid FROM "Claim" WHERE "id" = old."claimId");
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, published)
    SELECT c.rowid, c."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = c."claimantId"),
        c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
        CASE WHEN c."publishedAt" IS NOT NULL THEN 'published' ELSE '' END
    FROM "Claim" c WHERE c."id" = old."claimId";
END;

-- The claims that exist already (or, in a migration that redefines a table, all of them again).
INSERT INTO "ClaimSearch" ("ClaimSearch") VALUES ('delete-all');
INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, published)
SELECT c.rowid, c."summary", cl."name", c."text",
    (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
    CASE WHEN c."publishedAt" IS NOT NULL THEN 'published' ELSE '' END
FROM "Claim" c JOIN "Claimant" cl ON cl."id" = c."claimantId";
-- search index: end
