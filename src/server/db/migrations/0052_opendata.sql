CREATE TABLE "opendata_datasets" (
	"name" text PRIMARY KEY NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"rows" integer NOT NULL,
	"csv_file_id" uuid NOT NULL,
	"json_file_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opendata_datasets" ADD CONSTRAINT "opendata_datasets_csv_file_id_files_id_fk" FOREIGN KEY ("csv_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opendata_datasets" ADD CONSTRAINT "opendata_datasets_json_file_id_files_id_fk" FOREIGN KEY ("json_file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;