-- A published listing's files are part of what its page shows, and a guest's page is kept in the
-- catalog's cache by the catalog's generation: adding or removing a file of a published listing moves
-- the generation (a draft's files do not, so an author's uploads to a draft leave the cache alone).
CREATE FUNCTION listing_files_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
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
CREATE TRIGGER listing_files_search_gen AFTER INSERT OR DELETE ON listing_files
  FOR EACH ROW EXECUTE FUNCTION listing_files_bump();
