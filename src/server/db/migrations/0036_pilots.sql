CREATE TYPE "public"."pilot_file_kind" AS ENUM('report', 'letter');--> statement-breakpoint
CREATE TYPE "public"."pilot_site_type" AS ENUM('hospital', 'school', 'transport', 'utilities', 'park', 'office', 'industrial', 'digital_service');--> statement-breakpoint
CREATE TYPE "public"."pilot_state" AS ENUM('submitted', 'operator_review', 'innovation_review', 'site_review', 'agreed', 'running', 'completed', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "pilot_files" (
	"pilot_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"kind" "pilot_file_kind" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pilot_files_pilot_id_file_id_pk" PRIMARY KEY("pilot_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "pilot_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due" date NOT NULL,
	"done_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_sites" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" "pilot_site_type" NOT NULL,
	"okrug" text,
	"district" text,
	"address" text,
	"region" text,
	"testable" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	"capacity" smallint DEFAULT 1 NOT NULL,
	"period_from" date,
	"period_to" date,
	"paid" boolean DEFAULT false NOT NULL,
	"price" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("pilot_sites"."name", '')), 'A') || setweight(to_tsvector('russian', coalesce("pilot_sites"."testable", '') || ' ' || coalesce("pilot_sites"."address", '')), 'B') || setweight(to_tsvector('russian', coalesce("pilot_sites"."conditions", '')), 'C')) STORED
);
--> statement-breakpoint
CREATE TABLE "pilots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"site_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid,
	"state" "pilot_state" DEFAULT 'submitted' NOT NULL,
	"solution" text NOT NULL,
	"trl" smallint NOT NULL,
	"expected_effect" text NOT NULL,
	"team" text NOT NULL,
	"needs" text NOT NULL,
	"date_from" date NOT NULL,
	"date_to" date NOT NULL,
	"operator_assisted" boolean DEFAULT false NOT NULL,
	"publish_result" boolean DEFAULT false NOT NULL,
	"expert_id" uuid,
	"scores" jsonb,
	"score_comment" text,
	"scored_at" timestamp with time zone,
	"agreed_from" date,
	"agreed_to" date,
	"agreed_conditions" text,
	"reject_reason" text,
	"rejected_at" "pilot_state",
	"success" boolean,
	"measured_effect" text,
	"completed_at" timestamp with time zone,
	"challenge_submission_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pilot_files" ADD CONSTRAINT "pilot_files_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_files" ADD CONSTRAINT "pilot_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_milestones" ADD CONSTRAINT "pilot_milestones_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_sites" ADD CONSTRAINT "pilot_sites_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_site_id_pilot_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."pilot_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilots" ADD CONSTRAINT "pilots_expert_id_users_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pilot_milestones_pilot_idx" ON "pilot_milestones" USING btree ("pilot_id","due");--> statement-breakpoint
CREATE INDEX "pilot_sites_search_idx" ON "pilot_sites" USING gin ("search");--> statement-breakpoint
CREATE INDEX "pilot_sites_type_idx" ON "pilot_sites" USING btree ("type","okrug");--> statement-breakpoint
CREATE INDEX "pilot_sites_organization_idx" ON "pilot_sites" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "pilots_site_state_idx" ON "pilots" USING btree ("site_id","state");--> statement-breakpoint
CREATE INDEX "pilots_organization_idx" ON "pilots" USING btree ("organization_id","state");--> statement-breakpoint
CREATE INDEX "pilots_expert_idx" ON "pilots" USING btree ("expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pilots_challenge_submission_uq" ON "pilots" USING btree ("challenge_submission_id");