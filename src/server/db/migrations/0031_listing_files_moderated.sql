-- A listing's files are moderated with it: a file waits (approved_at null) until the operator approves
-- the listing or the change its file was added with; until then only the listing's organization and
-- the operators see it. The files stored before were shown at once: they are approved.
ALTER TABLE "listing_files" ADD COLUMN "approved_at" timestamp with time zone;
--> statement-breakpoint
UPDATE "listing_files" SET "approved_at" = "created_at";
--> statement-breakpoint
-- A guest's cached page shows a published listing's approved files: the catalog's generation moves when
-- one comes or goes, or is approved — not when a file waiting for the operator is added or removed.
CREATE OR REPLACE FUNCTION listing_files_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP = 'INSERT' AND NEW.approved_at IS NULL)
    OR (TG_OP = 'DELETE' AND OLD.approved_at IS NULL)
    OR (TG_OP = 'UPDATE' AND OLD.approved_at IS NOT DISTINCT FROM NEW.approved_at) THEN
    RETURN NULL;
  END IF;
  IF EXISTS (
    SELECT 1 FROM listings
    WHERE id = COALESCE(NEW.listing_id, OLD.listing_id) AND state = 'published'
  ) THEN
    INSERT INTO search_generations (catalog, gen) VALUES ('listings', 1)
      ON CONFLICT (catalog) DO UPDATE SET gen = search_generations.gen + 1;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS listing_files_search_gen ON listing_files;
--> statement-breakpoint
CREATE TRIGGER listing_files_search_gen AFTER INSERT OR UPDATE OF approved_at OR DELETE ON listing_files
  FOR EACH ROW EXECUTE FUNCTION listing_files_bump();
