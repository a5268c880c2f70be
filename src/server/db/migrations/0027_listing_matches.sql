CREATE TABLE "listing_matches" (
	"listing_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_matches_listing_id_organization_id_pk" PRIMARY KEY("listing_id","organization_id")
);
--> statement-breakpoint
ALTER TABLE "listing_matches" ADD CONSTRAINT "listing_matches_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_matches" ADD CONSTRAINT "listing_matches_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_matches_organization_idx" ON "listing_matches" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "listings_values_gin" ON "listings" USING gin ("values" jsonb_path_ops) WHERE "listings"."state" = 'published';