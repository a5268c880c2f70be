CREATE TYPE "public"."measure_form" AS ENUM('grant', 'subsidy', 'preferential_loan', 'guarantee', 'tax_benefit', 'premises', 'consulting', 'education', 'export_support', 'pilot_testing', 'acceleration');--> statement-breakpoint
CREATE TYPE "public"."measure_level" AS ENUM('city', 'federal', 'development_institution');--> statement-breakpoint
CREATE TYPE "public"."measure_provider_kind" AS ENUM('city_body', 'federal_body', 'development_institution', 'technopark', 'other');--> statement-breakpoint
CREATE TYPE "public"."measure_status" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TABLE "measure_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text,
	"status" "measure_status" DEFAULT 'draft' NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text,
	"description_ru" text DEFAULT '' NOT NULL,
	"description_en" text,
	"provider" text NOT NULL,
	"provider_kind" "measure_provider_kind" DEFAULT 'other' NOT NULL,
	"level" "measure_level" NOT NULL,
	"form" "measure_form" NOT NULL,
	"amount_min" bigint,
	"amount_max" bigint,
	"cofinancing_share" numeric(5, 2),
	"permanent" boolean DEFAULT false NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"required_documents" text[] DEFAULT '{}'::text[] NOT NULL,
	"apply_url" text,
	"contacts" text,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"apply_clicks" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("measures"."title_ru", '') || ' ' || coalesce("measures"."title_en", '')), 'A') || setweight(to_tsvector('russian', coalesce("measures"."description_ru", '')), 'B') || setweight(to_tsvector('russian', coalesce("measures"."provider", '')), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "measure_versions" ADD CONSTRAINT "measure_versions_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "measure_versions_key" ON "measure_versions" USING btree ("measure_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_slug_key" ON "measures" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "measures_search_idx" ON "measures" USING gin ("search");--> statement-breakpoint
CREATE INDEX "measures_title_ru_trgm" ON "measures" USING gin ("title_ru" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "measures_status_idx" ON "measures" USING btree ("status","level","form");--> statement-breakpoint
CREATE INDEX "measures_closes_idx" ON "measures" USING btree ("closes_on");--> statement-breakpoint
CREATE INDEX "measures_tags_idx" ON "measures" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "measures_industries_idx" ON "measures" USING gin ("industries");