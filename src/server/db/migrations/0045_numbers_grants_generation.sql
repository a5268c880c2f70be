-- The cluster in numbers (GET /api/public/numbers) counts the grants approved and paid: it is kept per
-- generation of what it reads, and `grants` is bumped here by every write to the applications (each
-- decision, the agreement and the payment change their row).
INSERT INTO search_generations (catalog, gen) VALUES ('grants', 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER grant_applications_numbers_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON grant_applications
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('grants');
