CREATE TABLE "measure_usage_daily" (
	"measure_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	"apply_clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "measure_usage_daily_measure_id_day_pk" PRIMARY KEY("measure_id","day")
);
--> statement-breakpoint
CREATE TABLE "navigator_searches_daily" (
	"day" date PRIMARY KEY NOT NULL,
	"searches" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "measure_usage_daily" ADD CONSTRAINT "measure_usage_daily_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_usage_daily_day_idx" ON "measure_usage_daily" USING btree ("day");