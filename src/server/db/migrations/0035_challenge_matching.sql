CREATE TABLE "challenge_matches" (
	"challenge_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_matches_challenge_id_organization_id_pk" PRIMARY KEY("challenge_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "industries" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "org_types" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "participants_only" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The text vector takes the industries' and tags' names too (whatever the visibility: they are on the
-- public card): a generated column's expression is changed by dropping it (with its index) and adding
-- it again (PostgreSQL 15).
ALTER TABLE "challenges" drop column "search";--> statement-breakpoint
ALTER TABLE "challenges" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("challenges"."title_ru", '') || ' ' || coalesce("challenges"."title_en", '')), 'A') || case when "challenges"."visibility" = 'public' then setweight(to_tsvector('russian', coalesce("challenges"."problem_ru", '') || ' ' || coalesce("challenges"."expected_result_ru", '')), 'B') || setweight(to_tsvector('russian', coalesce("challenges"."requirements_ru", '')), 'C') else ''::tsvector end || setweight(to_tsvector('russian', coalesce("challenges"."search_text", '')), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "challenges_search_idx" ON "challenges" USING gin ("search");--> statement-breakpoint
ALTER TABLE "challenge_matches" ADD CONSTRAINT "challenge_matches_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_matches" ADD CONSTRAINT "challenge_matches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenge_matches_organization_idx" ON "challenge_matches" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "challenges_industries_idx" ON "challenges" USING gin ("industries");--> statement-breakpoint
CREATE INDEX "challenges_tags_idx" ON "challenges" USING gin ("tags");