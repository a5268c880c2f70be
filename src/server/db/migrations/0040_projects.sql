CREATE TYPE "public"."project_entry_kind" AS ENUM('investment', 'support');--> statement-breakpoint
CREATE TYPE "public"."project_entry_state" AS ENUM('declared', 'confirmed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."project_investment_type" AS ENUM('equity', 'loan', 'venture_fund', 'corporate', 'external_grant');--> statement-breakpoint
CREATE TYPE "public"."project_member_state" AS ENUM('lead', 'invited', 'accepted', 'declined');--> statement-breakpoint
CREATE TYPE "public"."project_stage" AS ENUM('idea', 'rnd', 'prototype', 'pilot', 'production', 'scaling');--> statement-breakpoint
CREATE TABLE "project_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"project_id" uuid NOT NULL,
	"kind" "project_entry_kind" NOT NULL,
	"state" "project_entry_state" DEFAULT 'declared' NOT NULL,
	"investor_ru" text,
	"investment_type" "project_investment_type",
	"measure_id" uuid,
	"support_ru" text,
	"amount" bigint NOT NULL,
	"received_on" date NOT NULL,
	"source_ru" text NOT NULL,
	"file_id" uuid,
	"author_id" uuid,
	"reject_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_members" (
	"project_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"state" "project_member_state" NOT NULL,
	"role_ru" text NOT NULL,
	"share" integer NOT NULL,
	"invited_by" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_members_project_id_organization_id_pk" PRIMARY KEY("project_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lead_organization_id" uuid NOT NULL,
	"author_id" uuid,
	"title_ru" text NOT NULL,
	"description_ru" text NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"stage" "project_stage" NOT NULL,
	"trl" smallint NOT NULL,
	"start_on" date,
	"end_on" date,
	"budget" bigint,
	"joint" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("projects"."title_ru", '')), 'A') || setweight(to_tsvector('russian', coalesce("projects"."description_ru", '')), 'B') || setweight(to_tsvector('russian', coalesce("projects"."search_text", '')), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "project_entries" ADD CONSTRAINT "project_entries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_entries" ADD CONSTRAINT "project_entries_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_entries" ADD CONSTRAINT "project_entries_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_members" ADD CONSTRAINT "project_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_entries_project_idx" ON "project_entries" USING btree ("project_id","state");--> statement-breakpoint
CREATE INDEX "project_entries_queue_idx" ON "project_entries" USING btree ("created_at") WHERE "project_entries"."state" = 'declared';--> statement-breakpoint
CREATE INDEX "project_members_organization_idx" ON "project_members" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "projects_search_idx" ON "projects" USING gin ("search");--> statement-breakpoint
CREATE INDEX "projects_title_trgm" ON "projects" USING gin ("title_ru" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "projects_lead_idx" ON "projects" USING btree ("lead_organization_id");--> statement-breakpoint
CREATE INDEX "projects_industries_idx" ON "projects" USING gin ("industries");--> statement-breakpoint
CREATE INDEX "projects_tags_idx" ON "projects" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "projects_updated_idx" ON "projects" USING btree ("updated_at");--> statement-breakpoint
-- The projects catalog in the search engine (core/search.ts): its generation, bumped by every write to
-- projects, their members and money entries (a card's consortium and totals) and by a lead's rename;
-- the words of the projects' titles in the lexicon.
INSERT INTO search_generations (catalog, gen) VALUES ('projects', 1) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE TRIGGER projects_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('projects');--> statement-breakpoint
CREATE TRIGGER project_members_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_members
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('projects');--> statement-breakpoint
CREATE TRIGGER project_entries_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON project_entries
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('projects');--> statement-breakpoint
CREATE TRIGGER organizations_projects_gen AFTER UPDATE OF short_name OR DELETE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('projects');--> statement-breakpoint
CREATE TRIGGER projects_lexicon_ins AFTER INSERT ON projects REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('projects', 'title_ru');--> statement-breakpoint
CREATE TRIGGER projects_lexicon_upd AFTER UPDATE ON projects REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('projects', 'title_ru');--> statement-breakpoint
CREATE INDEX search_lexicon_projects_trgm ON search_lexicon USING gist (word gist_trgm_ops) WHERE catalog = 'projects';
