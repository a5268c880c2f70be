-- The cluster in numbers (GET /api/public/numbers) is kept per generation of what it reads: the
-- directory's (organizations), the projects' (projects, members, money entries), the challenges' (challenges,
-- awards) and `pilots`, bumped here by every write to the pilots (they have no catalog of their own).
INSERT INTO search_generations (catalog, gen) VALUES ('pilots', 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER pilots_numbers_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pilots
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('pilots');
