CREATE TYPE "public"."grant_category" AS ENUM('real_estate', 'utility_connection', 'equipment', 'software', 'ip_rights');--> statement-breakpoint
CREATE TYPE "public"."grant_document" AS ENUM('contract', 'invoice', 'payment_order', 'transfer_act', 'works_act', 'egrn_extract', 'rospatent_registration');--> statement-breakpoint
CREATE TYPE "public"."grant_review" AS ENUM('accepted', 'partial', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."grant_state" AS ENUM('draft', 'submitted', 'returned', 'review', 'commission', 'approved', 'refused', 'agreement', 'paid', 'reporting', 'closed', 'refund_required');--> statement-breakpoint
CREATE TABLE "grant_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"project_id" uuid,
	"author_id" uuid,
	"state" "grant_state" DEFAULT 'draft' NOT NULL,
	"title_ru" text NOT NULL,
	"declarations" jsonb NOT NULL,
	"kpis" jsonb NOT NULL,
	"requested" bigint DEFAULT 0 NOT NULL,
	"approved" bigint,
	"submitted_at" timestamp with time zone,
	"due_on" date,
	"returns" smallint DEFAULT 0 NOT NULL,
	"missing" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reason" text,
	"agreement_file_id" uuid,
	"applicant_signed_on" date,
	"operator_signed_on" date,
	"paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"kind" "grant_document" NOT NULL,
	"file_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"move" text NOT NULL,
	"state" "grant_state" NOT NULL,
	"actor_id" uuid,
	"by_operator" boolean DEFAULT false NOT NULL,
	"note" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grant_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"category" "grant_category" NOT NULL,
	"description_ru" text NOT NULL,
	"supplier_name" text NOT NULL,
	"supplier_inn" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"amount_no_vat" bigint NOT NULL,
	"review" "grant_review",
	"accepted" bigint,
	"review_reason" text
);
--> statement-breakpoint
CREATE TABLE "grant_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title_ru" text NOT NULL,
	"description_ru" text NOT NULL,
	"legal_basis_ru" text NOT NULL,
	"legal_basis_number" text NOT NULL,
	"eligibility" jsonb NOT NULL,
	"categories" jsonb NOT NULL,
	"max_per_applicant" bigint NOT NULL,
	"budget" bigint NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"check_days" smallint NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_program_id_grant_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."grant_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_applications" ADD CONSTRAINT "grant_applications_agreement_file_id_files_id_fk" FOREIGN KEY ("agreement_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_documents" ADD CONSTRAINT "grant_documents_item_id_grant_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."grant_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_documents" ADD CONSTRAINT "grant_documents_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_events" ADD CONSTRAINT "grant_events_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_items" ADD CONSTRAINT "grant_items_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grant_applications_program_idx" ON "grant_applications" USING btree ("program_id","state");--> statement-breakpoint
CREATE INDEX "grant_applications_org_idx" ON "grant_applications" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "grant_applications_queue_idx" ON "grant_applications" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "grant_documents_item_idx" ON "grant_documents" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "grant_events_application_idx" ON "grant_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE INDEX "grant_items_application_idx" ON "grant_items" USING btree ("application_id","position");