CREATE TABLE "challenge_clarifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"opened_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_files" (
	"challenge_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_files_challenge_id_file_id_pk" PRIMARY KEY("challenge_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_nda_acceptances" (
	"challenge_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"text_sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_nda_acceptances_challenge_id_user_id_pk" PRIMARY KEY("challenge_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "challenge_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"asker_id" uuid,
	"organization_id" uuid,
	"question" text NOT NULL,
	"answer" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone,
	"hidden_at" timestamp with time zone,
	"hidden_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "challenge_submission_files" (
	"submission_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_submission_files_submission_id_file_id_pk" PRIMARY KEY("submission_id","file_id")
);
--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "visibility" text DEFAULT 'public' NOT NULL;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "nda_ru" text;--> statement-breakpoint
-- The search vector indexes the card only of registered-only and NDA challenges (hand-edited: after
-- the visibility column, and its index made again).
ALTER TABLE "challenges" drop column "search";--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("challenges"."title_ru", '') || ' ' || coalesce("challenges"."title_en", '')), 'A') || case when "challenges"."visibility" = 'public' then setweight(to_tsvector('russian', coalesce("challenges"."problem_ru", '') || ' ' || coalesce("challenges"."expected_result_ru", '')), 'B') || setweight(to_tsvector('russian', coalesce("challenges"."requirements_ru", '')), 'C') else ''::tsvector end) STORED;--> statement-breakpoint
CREATE INDEX "challenges_search_idx" ON "challenges" USING gin ("search");--> statement-breakpoint
ALTER TABLE "challenge_clarifications" ADD CONSTRAINT "challenge_clarifications_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_clarifications" ADD CONSTRAINT "challenge_clarifications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_files" ADD CONSTRAINT "challenge_files_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_files" ADD CONSTRAINT "challenge_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_nda_acceptances" ADD CONSTRAINT "challenge_nda_acceptances_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_nda_acceptances" ADD CONSTRAINT "challenge_nda_acceptances_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_questions" ADD CONSTRAINT "challenge_questions_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_questions" ADD CONSTRAINT "challenge_questions_asker_id_users_id_fk" FOREIGN KEY ("asker_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_questions" ADD CONSTRAINT "challenge_questions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_submission_files" ADD CONSTRAINT "challenge_submission_files_submission_id_challenge_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."challenge_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_submission_files" ADD CONSTRAINT "challenge_submission_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_clarifications_uq" ON "challenge_clarifications" USING btree ("challenge_id","organization_id");--> statement-breakpoint
CREATE INDEX "challenge_clarifications_org_idx" ON "challenge_clarifications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "challenge_questions_challenge_idx" ON "challenge_questions" USING btree ("challenge_id","created_at");--> statement-breakpoint
CREATE INDEX "challenge_questions_asker_idx" ON "challenge_questions" USING btree ("asker_id");--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_visibility_check" CHECK ("challenges"."visibility" in ('public', 'registered', 'nda'));--> statement-breakpoint
-- A challenge's files are on its (cached) page: their changes move the catalog's generation.
CREATE TRIGGER challenge_files_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON challenge_files
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('challenges');
