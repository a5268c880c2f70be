CREATE TABLE "listing_favourites" (
	"user_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_favourites_user_id_listing_id_pk" PRIMARY KEY("user_id","listing_id")
);
--> statement-breakpoint
CREATE TABLE "listing_saved_searches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" "listing_kind" NOT NULL,
	"query" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_search_notices" (
	"search_id" uuid NOT NULL,
	"listing_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "listing_search_notices_search_id_listing_id_pk" PRIMARY KEY("search_id","listing_id")
);
--> statement-breakpoint
CREATE TABLE "listing_views" (
	"listing_id" uuid PRIMARY KEY NOT NULL,
	"views" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "expiry_notified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "listing_favourites" ADD CONSTRAINT "listing_favourites_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_search_notices" ADD CONSTRAINT "listing_search_notices_search_id_listing_saved_searches_id_fk" FOREIGN KEY ("search_id") REFERENCES "public"."listing_saved_searches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_search_notices" ADD CONSTRAINT "listing_search_notices_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_views" ADD CONSTRAINT "listing_views_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_favourites_listing_idx" ON "listing_favourites" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "listing_saved_searches_user_idx" ON "listing_saved_searches" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "listing_saved_searches_kind_idx" ON "listing_saved_searches" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "listing_search_notices_listing_idx" ON "listing_search_notices" USING btree ("listing_id");--> statement-breakpoint
CREATE INDEX "listing_search_notices_user_idx" ON "listing_search_notices" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "listings_expiry_idx" ON "listings" USING btree ("expires_at") WHERE "listings"."state" = 'published';--> statement-breakpoint
-- A published listing always has a validity (LISTING_VALIDITY_DAYS = 90 in src/shared/listings.ts): the
-- service sets it at publication; rows written published otherwise (the seed, the full-scale data) and
-- the listings published before this migration get 90 days from publication, and at least 30 days from
-- now, so that no author loses a listing without the week's notice.
CREATE OR REPLACE FUNCTION listings_default_expiry() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.state = 'published' AND NEW.expires_at IS NULL THEN
    NEW.expires_at := greatest(coalesce(NEW.published_at, now()) + interval '90 days', now() + interval '30 days');
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER listings_default_expiry BEFORE INSERT OR UPDATE OF state, expires_at ON listings
  FOR EACH ROW EXECUTE FUNCTION listings_default_expiry();
--> statement-breakpoint
UPDATE listings
  SET expires_at = greatest(coalesce(published_at, now()) + interval '90 days', now() + interval '30 days')
  WHERE state = 'published' AND expires_at IS NULL;
