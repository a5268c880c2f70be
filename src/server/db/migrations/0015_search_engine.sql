CREATE TABLE "search_generations" (
	"catalog" text PRIMARY KEY NOT NULL,
	"gen" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "search_lexicon" (
	"catalog" text NOT NULL,
	"word" text NOT NULL,
	CONSTRAINT "search_lexicon_catalog_word_pk" PRIMARY KEY("catalog","word")
);
--> statement-breakpoint
-- The search engine (core/search.ts). PGlite ships fuzzystrmatch when it is passed to its constructor.
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;
--> statement-breakpoint
-- The words of a name or title as the lexicon keeps them (the builder splits a query the same way).
CREATE FUNCTION search_words(t text) RETURNS SETOF text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT w FROM regexp_split_to_table(lower(coalesce(t, '')), '[^0-9a-zа-яё]+') w WHERE length(w) >= 4
$$;
--> statement-breakpoint
-- Bumps a catalog's generation (TG_ARGV[0]) in the writing transaction: cached answers keyed by the
-- old number are never served once the write is committed.
CREATE FUNCTION search_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO search_generations (catalog, gen) VALUES (TG_ARGV[0], 1)
    ON CONFLICT (catalog) DO UPDATE SET gen = search_generations.gen + 1;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Adds the words of the written rows (transition table new_rows; TG_ARGV[1]: the text expression) to
-- a catalog's lexicon (TG_ARGV[0]). Words are never removed: a stale word only offers a correction
-- that finds nothing.
CREATE FUNCTION search_lexicon_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'INSERT INTO search_lexicon (catalog, word) SELECT DISTINCT %L, w FROM new_rows, search_words(%s) w ON CONFLICT DO NOTHING',
    TG_ARGV[0], TG_ARGV[1]);
  RETURN NULL;
END $$;
--> statement-breakpoint
INSERT INTO search_generations (catalog, gen) VALUES ('directory', 1), ('measures', 1);
--> statement-breakpoint
CREATE TRIGGER organizations_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('directory');
--> statement-breakpoint
CREATE TRIGGER memberships_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('directory');
--> statement-breakpoint
-- The public page shows members' names and leaves out blocked accounts.
CREATE TRIGGER users_search_gen AFTER UPDATE OF full_name, blocked_at OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('directory');
--> statement-breakpoint
CREATE TRIGGER measures_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON measures
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('measures');
--> statement-breakpoint
CREATE TRIGGER organizations_lexicon_ins AFTER INSERT ON organizations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('directory', 'short_name || '' '' || full_name');
--> statement-breakpoint
CREATE TRIGGER organizations_lexicon_upd AFTER UPDATE ON organizations REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('directory', 'short_name || '' '' || full_name');
--> statement-breakpoint
CREATE TRIGGER measures_lexicon_ins AFTER INSERT ON measures REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('measures', 'title_ru || '' '' || coalesce(title_en, '''')');
--> statement-breakpoint
CREATE TRIGGER measures_lexicon_upd AFTER UPDATE ON measures REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('measures', 'title_ru || '' '' || coalesce(title_en, '''')');
--> statement-breakpoint
INSERT INTO search_lexicon (catalog, word)
  SELECT DISTINCT 'directory', w FROM organizations, search_words(short_name || ' ' || full_name) w
  UNION SELECT DISTINCT 'measures', w FROM measures, search_words(title_ru || ' ' || coalesce(title_en, '')) w
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Candidates for a misspelt word: the nearest lexicon words by trigram distance (KNN on GiST). One
-- partial index per catalog (a new catalog adds its own).
CREATE INDEX search_lexicon_directory_trgm ON search_lexicon USING gist (word gist_trgm_ops) WHERE catalog = 'directory';
--> statement-breakpoint
CREATE INDEX search_lexicon_measures_trgm ON search_lexicon USING gist (word gist_trgm_ops) WHERE catalog = 'measures';
--> statement-breakpoint
-- Admin user search: a query of one or two characters matches the start of a word of the name or the
-- e-mail (a trigram index cannot serve it), through this word index.
CREATE INDEX users_words_idx ON users USING gin (to_tsvector('simple', full_name || ' ' || translate(email::text, '@._-+', '     ')));
--> statement-breakpoint
-- Statistics of the new expression index, so the planner knows how few users a word start matches.
ANALYZE users;
