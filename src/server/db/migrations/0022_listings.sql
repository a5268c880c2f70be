CREATE TYPE "public"."listing_kind" AS ENUM('capability', 'premises');--> statement-breakpoint
CREATE TYPE "public"."listing_pending_state" AS ENUM('moderation', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."listing_state" AS ENUM('draft', 'moderation', 'published', 'rejected', 'closed');--> statement-breakpoint
CREATE TABLE "listings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "listing_kind" NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid,
	"state" "listing_state" DEFAULT 'draft' NOT NULL,
	"title_ru" text NOT NULL,
	"title_en" text,
	"description_ru" text NOT NULL,
	"description_en" text,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"pending" jsonb,
	"pending_state" "listing_pending_state",
	"reject_reason" text,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("listings"."title_ru", '') || ' ' || coalesce("listings"."title_en", '')), 'A') || setweight(to_tsvector('russian', coalesce("listings"."description_ru", '')), 'B') || setweight(to_tsvector('russian', coalesce("listings"."search_text", '')), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listings_search_idx" ON "listings" USING gin ("search");--> statement-breakpoint
CREATE INDEX "listings_title_trgm" ON "listings" USING gin ("title_ru" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "listings_kind_state_idx" ON "listings" USING btree ("kind","state");--> statement-breakpoint
CREATE INDEX "listings_organization_idx" ON "listings" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "listings_queue_idx" ON "listings" USING btree ("submitted_at") WHERE "listings"."state" = 'moderation' or "listings"."pending_state" = 'moderation';--> statement-breakpoint
-- The listings catalog in the search engine (core/search.ts): its generation, bumped by every write
-- to listings in the writing transaction, and the words of its titles in the lexicon.
INSERT INTO search_generations (catalog, gen) VALUES ('listings', 1) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE TRIGGER listings_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON listings
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('listings');
--> statement-breakpoint
-- The organization's name shows on listing cards.
CREATE TRIGGER organizations_listings_gen AFTER UPDATE OF short_name OR DELETE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('listings');
--> statement-breakpoint
CREATE TRIGGER listings_lexicon_ins AFTER INSERT ON listings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('listings', 'title_ru || '' '' || coalesce(title_en, '''')');
--> statement-breakpoint
CREATE TRIGGER listings_lexicon_upd AFTER UPDATE ON listings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('listings', 'title_ru || '' '' || coalesce(title_en, '''')');
--> statement-breakpoint
CREATE INDEX search_lexicon_listings_trgm ON search_lexicon USING gist (word gist_trgm_ops) WHERE catalog = 'listings';
