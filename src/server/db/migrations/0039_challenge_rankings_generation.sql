-- A stage's ranking (GET /api/challenges/:id/evaluation) is kept per generation of what it reads: the
-- challenges catalog's (challenges, submissions, the submitters' names, bumped since 0032/0038) and
-- `challenge_rankings`, bumped here by every write to the scores, the experts assigned and their
-- declarations, the organizations' and teams' memberships (an expert's conflicts of interest) and
-- people's names (the experts').
INSERT INTO search_generations (catalog, gen) VALUES ('challenge_rankings', 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER challenge_scores_rankings_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON challenge_scores
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenge_rankings');
--> statement-breakpoint
CREATE TRIGGER challenge_experts_rankings_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON challenge_experts
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenge_rankings');
--> statement-breakpoint
CREATE TRIGGER memberships_rankings_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON memberships
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenge_rankings');
--> statement-breakpoint
CREATE TRIGGER team_members_rankings_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON team_members
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenge_rankings');
--> statement-breakpoint
CREATE TRIGGER users_rankings_gen AFTER UPDATE OF full_name OR DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenge_rankings');
