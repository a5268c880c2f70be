CREATE TYPE "public"."verification_document" AS ENUM('register_extract', 'letterhead_letter');--> statement-breakpoint
CREATE TYPE "public"."verification_kind" AS ENUM('verification', 'claim');--> statement-breakpoint
CREATE TYPE "public"."verification_state" AS ENUM('pending', 'verified', 'rejected', 'transferred', 'merged', 'removed');--> statement-breakpoint
CREATE TABLE "verification_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "verification_kind" NOT NULL,
	"state" "verification_state" DEFAULT 'pending' NOT NULL,
	"organization_id" uuid,
	"organization_name" text NOT NULL,
	"organization_inn" text,
	"document_type" "verification_document" NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"comment" text,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reason" text,
	"outcome" jsonb,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "verification_requests" ADD CONSTRAINT "verification_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verification_requests_queue_idx" ON "verification_requests" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "verification_requests_org_idx" ON "verification_requests" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "verification_requests_submitter_idx" ON "verification_requests" USING btree ("submitted_by");--> statement-breakpoint
CREATE UNIQUE INDEX "verification_requests_open_key" ON "verification_requests" USING btree ("organization_id") WHERE "verification_requests"."kind" = 'verification' and "verification_requests"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "verification_claims_open_key" ON "verification_requests" USING btree ("organization_id","submitted_by") WHERE "verification_requests"."kind" = 'claim' and "verification_requests"."state" = 'pending';--> statement-breakpoint
-- Hand-written: organizations that already hold or applied for a status were checked by an operator then.
UPDATE "organizations" SET "verified_at" = now() WHERE "status" <> 'registered' OR EXISTS (SELECT 1 FROM "status_applications" a WHERE a."organization_id" = "organizations"."id");
