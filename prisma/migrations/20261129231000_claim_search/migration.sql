-- Full-text search over claims (docs/decisions/013-full-text-search.md). Prisma models neither
-- virtual tables nor triggers: this file is hand-written, prisma.config.ts lists the index's
-- tables as external so Migrate leaves them alone, and lib/search.ts is the only reader.
--
-- One document per claim, rowid = the claim's rowid: its summary, its claimant's name, its
-- text and the quotes on its links, as four columns so a search can tell where a word matched.
-- Contentless (content=''): the words are in the Claim, Claimant and ClaimSource rows already,
-- and a search needs only the claim's rowid back; contentless_delete=1 lets the triggers remove
-- a document by rowid alone. unicode61 with remove_diacritics 2 folds case and accents in every
-- script ("CAFÉ" finds "café"; LIKE folded ASCII letters only).
CREATE VIRTUAL TABLE "ClaimSearch" USING fts5(
    summary,
    claimant,
    text,
    quotes,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- The index is kept in step by triggers, so it changes inside the transaction that changes the
-- claim: a rolled-back write leaves no trace in it, and no write path can forget it. Each
-- trigger rebuilds the whole document of the claims it touches (delete by rowid, then insert
-- from the tables), so a document is made the same way everywhere. Every claim is indexed,
-- drafts too: publishing changes nothing here, and lib/search.ts finds published claims only.
--
-- A migration that redefines Claim, Claimant or ClaimSource (Prisma's CREATE "new_...", copy,
-- DROP, RENAME) fails while these triggers exist: SQLite refuses the RENAME because a trigger
-- names the table just dropped ("error in trigger ClaimSearch_...: no such table"). DROP TABLE
-- would also take the table's own triggers with it, and the copy renumbers Claim's rowids. So
-- such a migration must start with DROP TRIGGER for the seven triggers below and end with a copy
-- of this whole block, which creates them again and rebuilds the index.
-- search index: begin
CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim"
BEGIN
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes)
    SELECT new.rowid, new."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = new."claimantId"),
        new."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = new."id");
END;

CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE OF "id", "summary", "text", "claimantId" ON "Claim"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = old.rowid;
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes)
    SELECT new.rowid, new."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = new."claimantId"),
        new."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = new."id");
END;

CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = old.rowid;
END;

CREATE TRIGGER "ClaimSearch_claimant_update" AFTER UPDATE OF "name" ON "Claimant"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT rowid FROM "Claim" WHERE "claimantId" = new."id");
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes)
    SELECT c.rowid, c."summary", new."name", c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id")
    FROM "Claim" c WHERE c."claimantId" = new."id";
END;

CREATE TRIGGER "ClaimSearch_source_insert" AFTER INSERT ON "ClaimSource"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT rowid FROM "Claim" WHERE "id" = new."claimId");
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes)
    SELECT c.rowid, c."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = c."claimantId"),
        c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id")
    FROM "Claim" c WHERE c."id" = new."claimId";
END;

-- A link can move to another claim (claimId changes): both claims' documents are rebuilt.
CREATE TRIGGER "ClaimSearch_source_update" AFTER UPDATE OF "quote", "claimId" ON "ClaimSource"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid IN (SELECT rowid FROM "Claim" WHERE "id" IN (old."claimId", new."claimId"));
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes)
    SELECT c.rowid, c."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = c."claimantId"),
        c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id")
    FROM "Claim" c WHERE c."id" IN (old."claimId", new."claimId");
END;

-- Also fired by the cascade when a claim is deleted: whichever of this and the claim's own
-- delete trigger runs last, no document is left for the deleted claim.
CREATE TRIGGER "ClaimSearch_source_delete" AFTER DELETE ON "ClaimSource"
BEGIN
    DELETE FROM "ClaimSearch" WHERE rowid = (SELECT rowid FROM "Claim" WHERE "id" = old."claimId");
    INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes)
    SELECT c.rowid, c."summary",
        (SELECT "name" FROM "Claimant" WHERE "id" = c."claimantId"),
        c."text",
        (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id")
    FROM "Claim" c WHERE c."id" = old."claimId";
END;

-- The claims that exist already (or, in a migration that redefines a table, all of them again).
INSERT INTO "ClaimSearch" ("ClaimSearch") VALUES ('delete-all');
INSERT INTO "ClaimSearch" (rowid, summary, claimant, text, quotes)
SELECT c.rowid, c."summary", cl."name", c."text",
    (SELECT group_concat("quote", char(10)) FROM "ClaimSource" WHERE "claimId" = c."id")
FROM "Claim" c JOIN "Claimant" cl ON cl."id" = c."claimantId";
-- search index: end
