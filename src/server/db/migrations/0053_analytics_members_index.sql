CREATE INDEX "organizations_analytics_idx" ON "organizations" USING btree ("created_at","status","status_since","status_suspended_at","region_code","type","id");--> statement-breakpoint
-- The status applications dashboard is kept per generation of what it reads (analytics.service.ts):
-- `status` is bumped by every write to the applications (a submission, each decision, a resubmission,
-- a withdrawal change their row).
INSERT INTO search_generations (catalog, gen) VALUES ('status', 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER status_applications_analytics_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON status_applications
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('status');
