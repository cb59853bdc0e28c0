-- Hand-written (Prisma does not model triggers): claim history and corrections are append-only,
-- as in the SQLite migrations (20261129194928_init, 20261129221707_corrections). RAISE EXCEPTION
-- reaches Prisma as SQLSTATE P0001. A later migration that drops and re-creates either table
-- must create these again; lib/db/postgres.test.ts checks they exist after every migration.
CREATE FUNCTION "ClaimEvent_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'claim history is append-only';
END;
$$;

CREATE TRIGGER "ClaimEvent_no_update" BEFORE UPDATE ON "ClaimEvent"
    FOR EACH ROW EXECUTE FUNCTION "ClaimEvent_append_only"();
CREATE TRIGGER "ClaimEvent_no_delete" BEFORE DELETE ON "ClaimEvent"
    FOR EACH ROW EXECUTE FUNCTION "ClaimEvent_append_only"();

CREATE FUNCTION "Correction_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'corrections are append-only';
END;
$$;

CREATE TRIGGER "Correction_no_update" BEFORE UPDATE ON "Correction"
    FOR EACH ROW EXECUTE FUNCTION "Correction_append_only"();
CREATE TRIGGER "Correction_no_delete" BEFORE DELETE ON "Correction"
    FOR EACH ROW EXECUTE FUNCTION "Correction_append_only"();
