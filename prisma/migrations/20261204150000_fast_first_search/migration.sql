-- Search that is fast the first time (docs/decisions/023-fast-first-search.md). The index of
-- 20261129231000_claim_search gains a fifth column, "facets": what the claims list's filters
-- ask of a claim, as words: 'published' for a published claim, then its status, story, claimant
-- and the sources it links to, each as a letter followed by the value in hex, so that any id is
-- one word ('y' || hex("storyId") for the story). A search asks for them in the same MATCH as
-- its words, so FTS5 walks only the claims a reader may see and the filters allow, newest first
-- (rowid order), and a page or a capped count reads only the rows it needs, never joining Claim
-- (the join is what made a common word slow, and a filtered one slower). The readers' words
-- are always matched in the four text columns by name, so no reader can match "facets".
--
-- FTS5 cannot add a column: the table and its seven triggers are made again. The claim trigger
-- also fires when "publishedAt", "status" or "storyId" change, the link trigger when
-- "sourceId" does.
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
    facets,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- search index: begin
CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim"
BEGIN
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, facets)
    SELECT new.rowid, new."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = new."claimantId"),
        new."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = new."id"),
        CASE WHEN new."publishedAt" IS NOT NULL THEN 'published ' ELSE '' END
        || 's' || hex(new."status") || ' y' || hex(new."storyId") || ' c' || hex(new."claimantId")
        || coalesce((SELECT ' ' || group_concat('f' || hex("sourceId"), ' ') FROM "ClaimSource" WHERE "claimId" = new."id"), '');
END;

CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE OF "id", "summary", "text", "claimantId", "publishedAt", "status", "storyId" ON "Claim"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = old.rowid;
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, facets)
    SELECT new.rowid, new."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = new."claimantId"),
        new."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = new."id"),
        CASE WHEN new."publishedAt" IS NOT NULL THEN 'published ' ELSE '' END
        || 's' || hex(new."status") || ' y' || hex(new."storyId") || ' c' || hex(new."claimantId")
        || coalesce((SELECT ' ' || group_concat('f' || hex("sourceId"), ' ') FROM "ClaimSource" WHERE "claimId" = new."id"), '');
END;

CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = old.rowid;
END;

CREATE TRIGGER "ClaimSearch_claimant_update" AFTER UPDATE OF "name" ON "Claimant"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT rowid FROM "Claim" WHERE "claimantId" = new."id");
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, facets)
    SELECT c.rowid, c."summary", new."name", c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
        CASE WHEN c."publishedAt" IS NOT NULL THEN 'published ' ELSE '' END
        || 's' || hex(c."status") || ' y' || hex(c."storyId") || ' c' || hex(c."claimantId")
        || coalesce((SELECT ' ' || group_concat('f' || hex("sourceId"), ' ') FROM "ClaimSource" WHERE "claimId" = c."id"), '')
    FROM "Claim" c WHERE c."claimantId" = new."id";
END;

CREATE TRIGGER "ClaimSearch_source_insert" AFTER INSERT ON "ClaimSource"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT rowid FROM "Claim" WHERE "id" = new."claimId");
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, facets)
    SELECT c.rowid, c."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = c."claimantId"),
        c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
        CASE WHEN c."publishedAt" IS NOT NULL THEN 'published ' ELSE '' END
        || 's' || hex(c."status") || ' y' || hex(c."storyId") || ' c' || hex(c."claimantId")
        || coalesce((SELECT ' ' || group_concat('f' || hex("sourceId"), ' ') FROM "ClaimSource" WHERE "claimId" = c."id"), '')
    FROM "Claim" c WHERE c."id" = new."claimId";
END;

-- A link can move to another claim (claimId changes): both claims' documents are rebuilt; a
-- link to another source changes the claim's facets.
CREATE TRIGGER "ClaimSearch_source_update" AFTER UPDATE OF "quote", "claimId", "sourceId" ON "ClaimSource"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT rowid FROM "Claim" WHERE "id" IN (old."claimId", new."claimId"));
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, facets)
    SELECT c.rowid, c."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = c."claimantId"),
        c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
        CASE WHEN c."publishedAt" IS NOT NULL THEN 'published ' ELSE '' END
        || 's' || hex(c."status") || ' y' || hex(c."storyId") || ' c' || hex(c."claimantId")
        || coalesce((SELECT ' ' || group_concat('f' || hex("sourceId"), ' ') FROM "ClaimSource" WHERE "claimId" = c."id"), '')
    FROM "Claim" c WHERE c."id" IN (old."claimId", new."claimId");
END;

-- Also fired by the cascade when a claim is deleted: whichever of this and the claim's own
-- delete trigger runs last, no document is left for the deleted claim.
CREATE TRIGGER "ClaimSearch_source_delete" AFTER DELETE ON "ClaimSource"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT rowid FROM "Claim" WHERE "id" = old."claimId");
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, facets)
    SELECT c.rowid, c."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = c."claimantId"),
        c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
        CASE WHEN c."publishedAt" IS NOT NULL THEN 'published ' ELSE '' END
        || 's' || hex(c."status") || ' y' || hex(c."storyId") || ' c' || hex(c."claimantId")
        || coalesce((SELECT ' ' || group_concat('f' || hex("sourceId"), ' ') FROM "ClaimSource" WHERE "claimId" = c."id"), '')
    FROM "Claim" c WHERE c."id" = old."claimId";
END;

-- The claims that exist already (or, in a migration that redefines a table, all of them again).
INSERT INTO "ClaimSearch" ("ClaimSearch") VALUES ('delete-all');
INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes, facets)
SELECT c.rowid, c."summary", cl."name", c."text",
    (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id"),
    CASE WHEN c."publishedAt" IS NOT NULL THEN 'published ' ELSE '' END
    || 's' || hex(c."status") || ' y' || hex(c."storyId") || ' c' || hex(c."claimantId")
    || coalesce((SELECT ' ' || group_concat('f' || hex("sourceId"), ' ') FROM "ClaimSource" WHERE "claimId" = c."id"), '')
FROM "Claim" c JOIN "Claimant" cl ON cl."id" = c."claimantId";
-- search index: end
