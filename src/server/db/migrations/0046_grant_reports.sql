CREATE TYPE "public"."grant_report_reminder" AS ENUM('d30', 'd7');--> statement-breakpoint
CREATE TYPE "public"."grant_report_state" AS ENUM('due', 'submitted', 'returned', 'accepted');--> statement-breakpoint
CREATE TABLE "grant_report_reminders_sent" (
	"report_id" uuid NOT NULL,
	"reminder" "grant_report_reminder" NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_report_reminders_sent_report_id_reminder_due_on_pk" PRIMARY KEY("report_id","reminder","due_on")
);
--> statement-breakpoint
CREATE TABLE "grant_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"due_on" date NOT NULL,
	"state" "grant_report_state" DEFAULT 'due' NOT NULL,
	"revenue" bigint,
	"jobs" integer,
	"output" bigint,
	"reason" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "grant_applications" ADD COLUMN "refund" bigint;--> statement-breakpoint
ALTER TABLE "grant_report_reminders_sent" ADD CONSTRAINT "grant_report_reminders_sent_report_id_grant_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."grant_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_reports" ADD CONSTRAINT "grant_reports_application_id_grant_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."grant_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grant_reports_application_year_idx" ON "grant_reports" USING btree ("application_id","year");--> statement-breakpoint
CREATE INDEX "grant_reports_due_idx" ON "grant_reports" USING btree ("state","due_on");