CREATE TABLE "measure_favourites" (
	"user_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_favourites_user_id_measure_id_pk" PRIMARY KEY("user_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "measure_notices" (
	"user_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"reason" text NOT NULL,
	"subscription_id" uuid,
	"organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_notices_user_id_measure_id_version_pk" PRIMARY KEY("user_id","measure_id","version")
);
--> statement-breakpoint
CREATE TABLE "measure_reminders_sent" (
	"user_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	"closes_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_reminders_sent_user_id_measure_id_closes_on_pk" PRIMARY KEY("user_id","measure_id","closes_on")
);
--> statement-breakpoint
CREATE TABLE "measure_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_favourites" ADD CONSTRAINT "measure_favourites_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_notices" ADD CONSTRAINT "measure_notices_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_reminders_sent" ADD CONSTRAINT "measure_reminders_sent_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_favourites_measure_idx" ON "measure_favourites" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "measure_notices_measure_idx" ON "measure_notices" USING btree ("measure_id");--> statement-breakpoint
CREATE INDEX "measure_subscriptions_user_idx" ON "measure_subscriptions" USING btree ("user_id");