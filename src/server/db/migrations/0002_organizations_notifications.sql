CREATE TYPE "public"."notification_channel" AS ENUM('in_app', 'email', 'digest', 'off');--> statement-breakpoint
CREATE TYPE "public"."status_application_state" AS ENUM('pending', 'returned', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."join_request_state" AS ENUM('pending', 'approved', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."member_role" AS ENUM('owner', 'admin', 'member');--> statement-breakpoint
CREATE TYPE "public"."org_status" AS ENUM('registered', 'participant', 'partner');--> statement-breakpoint
CREATE TYPE "public"."org_type" AS ENUM('legal_entity', 'individual_entrepreneur', 'foreign', 'university', 'research_institute', 'corporation', 'city_body');--> statement-breakpoint
CREATE TABLE "digest_runs" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"last_sent_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"channel" "notification_channel" NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"link" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"digested_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "active_organizations" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" "citext" NOT NULL,
	"role" "member_role" DEFAULT 'member' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "join_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text,
	"state" "join_request_state" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "member_role" NOT NULL,
	"show_publicly" boolean DEFAULT false NOT NULL,
	"position" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organization_logos" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "org_type" NOT NULL,
	"inn" text,
	"ogrn" text,
	"kpp" text,
	"country" text,
	"foreign_reg_number" text,
	"region_code" text,
	"full_name" text NOT NULL,
	"short_name" text NOT NULL,
	"legal_address" text NOT NULL,
	"founded_on" date,
	"website" text,
	"description_ru" text DEFAULT '' NOT NULL,
	"description_en" text,
	"headcount" integer,
	"revenue_mln" numeric(14, 2),
	"sme_category" text GENERATED ALWAYS AS (case
        when "organizations"."headcount" is null or "organizations"."revenue_mln" is null then null
        when "organizations"."headcount" <= 15 and "organizations"."revenue_mln" <= 120 then 'micro'
        when "organizations"."headcount" <= 100 and "organizations"."revenue_mln" <= 800 then 'small'
        when "organizations"."headcount" <= 250 and "organizations"."revenue_mln" <= 2000 then 'medium'
        else 'large' end) STORED,
	"okved_sections" text[] DEFAULT '{}'::text[] NOT NULL,
	"okved_main" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"contacts_public" boolean DEFAULT false NOT NULL,
	"contacts_consent_at" timestamp with time zone,
	"status" "org_status" DEFAULT 'registered' NOT NULL,
	"status_since" timestamp with time zone DEFAULT now() NOT NULL,
	"status_suspended_at" timestamp with time zone,
	"status_reason" text,
	"has_logo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("organizations"."short_name", '') || ' ' || coalesce("organizations"."full_name", '')), 'A') || setweight(to_tsvector('russian', coalesce("organizations"."description_ru", '')), 'B')) STORED
);
--> statement-breakpoint
CREATE TABLE "status_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"requested_status" "org_status" NOT NULL,
	"state" "status_application_state" DEFAULT 'pending' NOT NULL,
	"applicant_comment" text,
	"operator_comment" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"application_id" uuid,
	"event" text NOT NULL,
	"from_status" "org_status",
	"to_status" "org_status",
	"reason" text,
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
ALTER TABLE "active_organizations" ADD CONSTRAINT "active_organizations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "join_requests" ADD CONSTRAINT "join_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_logos" ADD CONSTRAINT "organization_logos_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_applications" ADD CONSTRAINT "status_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_history" ADD CONSTRAINT "status_history_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_key" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "invitations_org_idx" ON "invitations" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "join_requests_org_idx" ON "join_requests" USING btree ("organization_id","state");--> statement-breakpoint
CREATE UNIQUE INDEX "join_requests_pending_key" ON "join_requests" USING btree ("organization_id","user_id") WHERE "join_requests"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_inn_key" ON "organizations" USING btree ("inn");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_foreign_key" ON "organizations" USING btree ("country","foreign_reg_number");--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "organizations" USING gin ("search");--> statement-breakpoint
CREATE INDEX "organizations_short_name_trgm" ON "organizations" USING gin ("short_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_full_name_trgm" ON "organizations" USING gin ("full_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "organizations_region_idx" ON "organizations" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "organizations_status_idx" ON "organizations" USING btree ("status");--> statement-breakpoint
CREATE INDEX "organizations_created_idx" ON "organizations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "organizations_short_name_idx" ON "organizations" USING btree ("short_name");--> statement-breakpoint
CREATE INDEX "organizations_tags_idx" ON "organizations" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "organizations_okved_idx" ON "organizations" USING gin ("okved_sections");--> statement-breakpoint
CREATE INDEX "status_applications_queue_idx" ON "status_applications" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "status_applications_org_idx" ON "status_applications" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "status_applications_open_key" ON "status_applications" USING btree ("organization_id") WHERE "status_applications"."state" in ('pending', 'returned');--> statement-breakpoint
CREATE INDEX "status_history_org_idx" ON "status_history" USING btree ("organization_id","at");