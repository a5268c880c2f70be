-- The listings catalog shows published listings only: a write to a draft, to a listing on moderation
-- or to a published listing's pending change leaves its cached answers and index valid. Its generation
-- is now bumped only by a row that is or was published and whose shown content changed, so an author
-- editing a draft in a loop cannot empty the catalog's cache for everyone.
DROP TRIGGER IF EXISTS listings_search_gen ON listings;
--> statement-breakpoint
CREATE TRIGGER listings_search_gen_ins AFTER INSERT ON listings
  FOR EACH ROW WHEN (NEW.state = 'published') EXECUTE FUNCTION search_bump('listings');
--> statement-breakpoint
CREATE TRIGGER listings_search_gen_upd AFTER UPDATE ON listings
  FOR EACH ROW WHEN ((OLD.state = 'published' OR NEW.state = 'published')
    AND (OLD.state, OLD.kind, OLD.organization_id, OLD.title_ru, OLD.title_en, OLD.description_ru,
         OLD.description_en, OLD.values, OLD.search_text, OLD.published_at)
      IS DISTINCT FROM
        (NEW.state, NEW.kind, NEW.organization_id, NEW.title_ru, NEW.title_en, NEW.description_ru,
         NEW.description_en, NEW.values, NEW.search_text, NEW.published_at))
  EXECUTE FUNCTION search_bump('listings');
--> statement-breakpoint
CREATE TRIGGER listings_search_gen_del AFTER DELETE ON listings
  FOR EACH ROW WHEN (OLD.state = 'published') EXECUTE FUNCTION search_bump('listings');
--> statement-breakpoint
CREATE TRIGGER listings_search_gen_truncate AFTER TRUNCATE ON listings
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('listings');
--> statement-breakpoint
-- The lexicon (the words typos are corrected to) takes the titles of published listings only: a draft's
-- words are nobody's to find, and junk drafts must not crowd real words out of the corrections.
DROP TRIGGER IF EXISTS listings_lexicon_ins ON listings;
--> statement-breakpoint
DROP TRIGGER IF EXISTS listings_lexicon_upd ON listings;
--> statement-breakpoint
CREATE TRIGGER listings_lexicon_ins AFTER INSERT ON listings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('listings', 'case when state = ''published'' then title_ru || '' '' || coalesce(title_en, '''') else '''' end');
--> statement-breakpoint
CREATE TRIGGER listings_lexicon_upd AFTER UPDATE ON listings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('listings', 'case when state = ''published'' then title_ru || '' '' || coalesce(title_en, '''') else '''' end');
--> statement-breakpoint
-- Words that only drafts and listings never published brought in are taken out again.
DELETE FROM search_lexicon l WHERE l.catalog = 'listings' AND NOT EXISTS (
  SELECT 1 FROM listings s, search_words(s.title_ru || ' ' || coalesce(s.title_en, '')) w
  WHERE s.state = 'published' AND w = l.word);
