CREATE TYPE "public"."challenge_decision" AS ENUM('winner', 'reserve', 'not_selected');--> statement-breakpoint
CREATE TYPE "public"."challenge_ip_status" AS ENUM('patented', 'application_filed', 'know_how', 'licensed', 'open_source');--> statement-breakpoint
CREATE TYPE "public"."challenge_reward" AS ENUM('paid_pilot', 'contract', 'grant', 'prize', 'none');--> statement-breakpoint
CREATE TYPE "public"."challenge_state" AS ENUM('draft', 'moderation', 'accepting', 'evaluation', 'results', 'closed');--> statement-breakpoint
CREATE TYPE "public"."challenge_submission_state" AS ENUM('submitted', 'withdrawn');--> statement-breakpoint
CREATE TABLE "challenge_experts" (
	"challenge_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_by" uuid,
	"no_conflict_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_experts_challenge_id_user_id_pk" PRIMARY KEY("challenge_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_scores" (
	"submission_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"stage" smallint NOT NULL,
	"scores" jsonb NOT NULL,
	"comments" jsonb NOT NULL,
	"comment" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "challenge_scores_submission_id_expert_id_stage_pk" PRIMARY KEY("submission_id","expert_id","stage")
);
--> statement-breakpoint
CREATE TABLE "challenge_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid,
	"state" "challenge_submission_state" DEFAULT 'submitted' NOT NULL,
	"solution" text NOT NULL,
	"trl" smallint NOT NULL,
	"ip_status" "challenge_ip_status" NOT NULL,
	"price" bigint,
	"pilot_plan" text NOT NULL,
	"passed" smallint DEFAULT 0 NOT NULL,
	"decision" "challenge_decision",
	"feedback_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid,
	"state" "challenge_state" DEFAULT 'draft' NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text,
	"problem_ru" text NOT NULL,
	"expected_result_ru" text NOT NULL,
	"requirements_ru" text DEFAULT '' NOT NULL,
	"min_trl" smallint,
	"reward_type" "challenge_reward" NOT NULL,
	"reward_amount" bigint,
	"deadline" timestamp with time zone NOT NULL,
	"stages" smallint DEFAULT 1 NOT NULL,
	"stage" smallint,
	"criteria" jsonb NOT NULL,
	"reject_reason" text,
	"submitted_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"results_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("challenges"."title_ru", '') || ' ' || coalesce("challenges"."title_en", '')), 'A') || setweight(to_tsvector('russian', coalesce("challenges"."problem_ru", '') || ' ' || coalesce("challenges"."expected_result_ru", '')), 'B') || setweight(to_tsvector('russian', coalesce("challenges"."requirements_ru", '')), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "challenge_experts" ADD CONSTRAINT "challenge_experts_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_experts" ADD CONSTRAINT "challenge_experts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_scores" ADD CONSTRAINT "challenge_scores_submission_id_challenge_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."challenge_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_scores" ADD CONSTRAINT "challenge_scores_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_submissions" ADD CONSTRAINT "challenge_submissions_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_submissions" ADD CONSTRAINT "challenge_submissions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_experts_user_idx" ON "challenge_experts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "challenge_scores_expert_idx" ON "challenge_scores" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_submissions_active_uq" ON "challenge_submissions" USING btree ("challenge_id","organization_id") WHERE "challenge_submissions"."state" = 'submitted';--> statement-breakpoint
CREATE INDEX "challenge_submissions_organization_idx" ON "challenge_submissions" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "challenges_search_idx" ON "challenges" USING gin ("search");--> statement-breakpoint
CREATE INDEX "challenges_title_trgm" ON "challenges" USING gin ("title_ru" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "challenges_state_deadline_idx" ON "challenges" USING btree ("state","deadline");--> statement-breakpoint
CREATE INDEX "challenges_organization_idx" ON "challenges" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "challenges_queue_idx" ON "challenges" USING btree ("submitted_at") WHERE "challenges"."state" = 'moderation';--> statement-breakpoint
-- The challenges catalog in the search engine (core/search.ts): its generation, bumped by every write
-- to challenges and submissions (a card shows the submission count) and to an organization's name, and
-- the words of public challenges' titles in the lexicon.
INSERT INTO search_generations (catalog, gen) VALUES ('challenges', 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER challenges_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON challenges
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenges');
--> statement-breakpoint
CREATE TRIGGER challenge_submissions_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON challenge_submissions
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenges');
--> statement-breakpoint
CREATE TRIGGER organizations_challenges_gen AFTER UPDATE OF short_name OR DELETE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenges');
--> statement-breakpoint
CREATE TRIGGER challenges_lexicon_ins AFTER INSERT ON challenges REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('challenges', 'case when state::text in (''accepting'', ''evaluation'', ''results'', ''closed'') then title_ru || '' '' || coalesce(title_en, '''') else '''' end');
--> statement-breakpoint
CREATE TRIGGER challenges_lexicon_upd AFTER UPDATE ON challenges REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('challenges', 'case when state::text in (''accepting'', ''evaluation'', ''results'', ''closed'') then title_ru || '' '' || coalesce(title_en, '''') else '''' end');
--> statement-breakpoint
CREATE INDEX search_lexicon_challenges_trgm ON search_lexicon USING gist (word gist_trgm_ops) WHERE catalog = 'challenges';
