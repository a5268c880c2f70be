-- The directory's cached answers (the public organization page among them) show members' names and the
-- contact person's contacts. A deletion request or an erasure changes who may be shown, and so does a
-- consent given or withdrawn: each now bumps the directory's generation in its own transaction.
DROP TRIGGER IF EXISTS users_search_gen ON users;
--> statement-breakpoint
CREATE TRIGGER users_search_gen AFTER UPDATE OF full_name, blocked_at, deletion_requested_at, erased_at OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('directory');
--> statement-breakpoint
CREATE TRIGGER consents_search_gen AFTER INSERT OR UPDATE OR DELETE ON consents
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('directory');
