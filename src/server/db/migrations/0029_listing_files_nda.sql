CREATE TABLE "listing_files" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"listing_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_nda_acceptances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"text_version" text NOT NULL,
	"text_sha256" text NOT NULL,
	CONSTRAINT "listing_nda_acceptances_once" UNIQUE("listing_id","organization_id")
);
--> statement-breakpoint
-- An order behind an NDA keeps its description out of the full-text index (listings.schema.ts).
ALTER TABLE "listings" ADD COLUMN "nda" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "listings" SET "nda" = true WHERE "kind"::text = 'rfq' AND "values"->>'ndaRequired' = 'true';--> statement-breakpoint
ALTER TABLE "listings" DROP COLUMN "search";--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("listings"."title_ru", '') || ' ' || coalesce("listings"."title_en", '')), 'A') || setweight(to_tsvector('russian', case when "listings"."nda" then '' else coalesce("listings"."description_ru", '') end), 'B') || setweight(to_tsvector('russian', coalesce("listings"."search_text", '')), 'C')) STORED;--> statement-breakpoint
CREATE INDEX "listings_search_idx" ON "listings" USING gin ("search");--> statement-breakpoint
ALTER TABLE "listing_files" ADD CONSTRAINT "listing_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_files" ADD CONSTRAINT "listing_files_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_nda_acceptances" ADD CONSTRAINT "listing_nda_acceptances_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_nda_acceptances" ADD CONSTRAINT "listing_nda_acceptances_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_files_listing_idx" ON "listing_files" USING btree ("listing_id","created_at");--> statement-breakpoint
CREATE INDEX "listing_nda_acceptances_org_idx" ON "listing_nda_acceptances" USING btree ("organization_id");