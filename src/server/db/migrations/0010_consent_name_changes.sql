CREATE TYPE "public"."name_change_state" AS ENUM('pending', 'approved', 'rejected', 'cancelled');--> statement-breakpoint
CREATE TABLE "org_name_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"full_name" text NOT NULL,
	"short_name" text NOT NULL,
	"previous_full_name" text NOT NULL,
	"previous_short_name" text NOT NULL,
	"state" "name_change_state" DEFAULT 'pending' NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"operator_comment" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "consents" ADD COLUMN "organization_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "public_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "public_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "contact_person_id" uuid;--> statement-breakpoint
ALTER TABLE "org_name_changes" ADD CONSTRAINT "org_name_changes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "org_name_changes_queue_idx" ON "org_name_changes" USING btree ("state","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "org_name_changes_pending_key" ON "org_name_changes" USING btree ("organization_id") WHERE "org_name_changes"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "invitations_inviter_idx" ON "invitations" USING btree ("invited_by","created_at");