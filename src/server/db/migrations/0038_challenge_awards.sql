CREATE TYPE "public"."challenge_award_kind" AS ENUM('contract', 'prize', 'grant');--> statement-breakpoint
CREATE TABLE "challenge_awards" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"challenge_id" uuid NOT NULL,
	"kind" "challenge_award_kind" NOT NULL,
	"amount" bigint NOT NULL,
	"awarded_on" date NOT NULL,
	"document_ru" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "challenge_awards_amount" CHECK ("challenge_awards"."amount" > 0)
);
--> statement-breakpoint
ALTER TABLE "challenge_awards" ADD CONSTRAINT "challenge_awards_submission_id_challenge_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."challenge_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_awards" ADD CONSTRAINT "challenge_awards_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_awards_challenge_idx" ON "challenge_awards" USING btree ("challenge_id");--> statement-breakpoint
-- A challenge's page lists its winners with their awards and their teams' names: the guests' cached pages
-- (the challenges catalog's generation) are refreshed by every award and by a team's new name.
CREATE TRIGGER challenge_awards_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON challenge_awards
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenges');
--> statement-breakpoint
CREATE TRIGGER teams_challenges_gen AFTER UPDATE OF name OR DELETE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenges');
