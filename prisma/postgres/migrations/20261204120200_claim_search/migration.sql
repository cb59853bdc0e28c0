-- Full-text search over claims on PostgreSQL: the same index as SQLite's FTS5 table
-- (prisma/migrations/20261129231000_claim_search, docs/decisions/013-full-text-search.md and
-- 018-postgresql.md). Hand-written; prisma.config.ts lists "ClaimSearch" as an external table,
-- so Migrate leaves it alone, and lib/search/postgres.ts is its only reader.
--
-- One row per claim: a tsvector of its summary, its claimant's name, its text and the quotes on
-- its links, weighted A, B, C, D (lib/search's column weights 8, 4, 2, 1), so a query can tell
-- where a word matched (`word:*A`). The 'simple' configuration does no stemming, like FTS5's
-- unicode61; unaccent and lower() fold accents and case; punctuation becomes a space first, so
-- "six-month" and "$139.3m" are split into words as unicode61 splits them.
-- A table of its own rather than a column of "Claim": Prisma would plan to drop a column the
-- schema lacks, and a GENERATED column cannot read other tables (the claimant, the quotes).
CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE "ClaimSearch" (
    "claimId" TEXT NOT NULL PRIMARY KEY,
    "document" tsvector NOT NULL
);
CREATE INDEX "ClaimSearch_document_idx" ON "ClaimSearch" USING GIN ("document");

CREATE FUNCTION "ClaimSearch_words"(value text) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT regexp_replace(lower(unaccent(coalesce(value, ''))), '[[:punct:][:space:]‘’‚‛“”„«»‹›–—…·•]+', ' ', 'g')
$$;

-- Rebuilds the documents of the given claims (and removes those of claims that no longer exist).
CREATE FUNCTION "ClaimSearch_refresh"(claim_ids text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "ClaimSearch" WHERE "claimId" = ANY (claim_ids);
    INSERT INTO "ClaimSearch" ("claimId", "document")
    SELECT c."id",
        setweight(to_tsvector('simple', "ClaimSearch_words"(c."summary")), 'A')
        || setweight(to_tsvector('simple', "ClaimSearch_words"(cl."name")), 'B')
        || setweight(to_tsvector('simple', "ClaimSearch_words"(c."text")), 'C')
        || setweight(to_tsvector('simple', "ClaimSearch_words"(
            (SELECT string_agg(s."quote", E'\n' ORDER BY s."id") FROM "ClaimSource" s WHERE s."claimId" = c."id"))), 'D')
    FROM "Claim" c JOIN "Claimant" cl ON cl."id" = c."claimantId"
    WHERE c."id" = ANY (claim_ids);
END;
$$;

-- Triggers keep it in step inside the writing transaction, as on SQLite: a rolled-back write
-- leaves no trace in it, and no write path can forget it. Drafts are indexed too.
CREATE FUNCTION "ClaimSearch_claim_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "ClaimSearch_refresh"(ARRAY[NEW."id"]);
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM "ClaimSearch_refresh"(ARRAY[OLD."id", NEW."id"]);
    ELSE
        PERFORM "ClaimSearch_refresh"(ARRAY[OLD."id"]);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimSearch_claim_insert" AFTER INSERT ON "Claim"
    FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_claim_changed"();
CREATE TRIGGER "ClaimSearch_claim_update" AFTER UPDATE OF "id", "summary", "text", "claimantId" ON "Claim"
    FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_claim_changed"();
CREATE TRIGGER "ClaimSearch_claim_delete" AFTER DELETE ON "Claim"
    FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_claim_changed"();

CREATE FUNCTION "ClaimSearch_claimant_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "ClaimSearch_refresh"(ARRAY(SELECT "id" FROM "Claim" WHERE "claimantId" = NEW."id"));
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimSearch_claimant_update" AFTER UPDATE OF "name" ON "Claimant"
    FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_claimant_changed"();

-- A link can move to another claim (claimId changes): both claims' documents are rebuilt.
CREATE FUNCTION "ClaimSearch_source_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "ClaimSearch_refresh"(ARRAY[NEW."claimId"]);
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM "ClaimSearch_refresh"(ARRAY[OLD."claimId", NEW."claimId"]);
    ELSE
        PERFORM "ClaimSearch_refresh"(ARRAY[OLD."claimId"]);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ClaimSearch_source_insert" AFTER INSERT ON "ClaimSource"
    FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_source_changed"();
CREATE TRIGGER "ClaimSearch_source_update" AFTER UPDATE OF "quote", "claimId" ON "ClaimSource"
    FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_source_changed"();
CREATE TRIGGER "ClaimSearch_source_delete" AFTER DELETE ON "ClaimSource"
    FOR EACH ROW EXECUTE FUNCTION "ClaimSearch_source_changed"();

-- The claims that exist already.
SELECT "ClaimSearch_refresh"(ARRAY(SELECT "id" FROM "Claim"));
