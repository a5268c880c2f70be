CREATE TYPE "public"."kpi_reminder" AS ENUM('d14', 'd3', 'overdue');--> statement-breakpoint
CREATE TYPE "public"."kpi_report_state" AS ENUM('not_started', 'draft', 'submitted', 'returned', 'accepted');--> statement-breakpoint
CREATE TABLE "kpi_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" smallint NOT NULL,
	"title_ru" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"opened_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_reminders_sent" (
	"report_id" uuid NOT NULL,
	"reminder" "kpi_reminder" NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_reminders_sent_report_id_reminder_due_on_pk" PRIMARY KEY("report_id","reminder","due_on")
);
--> statement-breakpoint
CREATE TABLE "kpi_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"state" "kpi_report_state" DEFAULT 'not_started' NOT NULL,
	"revenue" bigint,
	"headcount" integer,
	"rnd_spending" bigint,
	"export_revenue" bigint,
	"patents_filed" integer,
	"edited_by" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"return_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_reminders_sent" ADD CONSTRAINT "kpi_reminders_sent_report_id_kpi_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."kpi_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_reports" ADD CONSTRAINT "kpi_reports_campaign_id_kpi_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."kpi_campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_reports" ADD CONSTRAINT "kpi_reports_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_campaigns_year_key" ON "kpi_campaigns" USING btree ("year");--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_reports_campaign_org_key" ON "kpi_reports" USING btree ("campaign_id","organization_id");--> statement-breakpoint
CREATE INDEX "kpi_reports_campaign_state_idx" ON "kpi_reports" USING btree ("campaign_id","state");--> statement-breakpoint
CREATE INDEX "kpi_reports_organization_idx" ON "kpi_reports" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "kpi_reports_queue_idx" ON "kpi_reports" USING btree ("submitted_at") WHERE "kpi_reports"."state" = 'submitted';