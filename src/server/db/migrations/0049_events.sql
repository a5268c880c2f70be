CREATE TYPE "public"."event_audience" AS ENUM('everyone', 'participants', 'invited');--> statement-breakpoint
CREATE TYPE "public"."event_format" AS ENUM('offline', 'online', 'hybrid');--> statement-breakpoint
CREATE TYPE "public"."event_kind" AS ENUM('congress', 'forum', 'conference', 'exhibition', 'mission');--> statement-breakpoint
CREATE TYPE "public"."event_registration_state" AS ENUM('registered', 'waitlisted', 'cancelled', 'applied', 'selected', 'declined');--> statement-breakpoint
CREATE TYPE "public"."event_state" AS ENUM('draft', 'published', 'cancelled');--> statement-breakpoint
CREATE TABLE "event_calendar_feeds" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_calendar_feeds_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "event_registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"organization_id" uuid,
	"state" "event_registration_state" NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"export_product_ru" text,
	"target_country" text,
	"attended" boolean,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"reminded_day" timestamp with time zone,
	"reminded_hour" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "event_kind" NOT NULL,
	"format" "event_format" NOT NULL,
	"state" "event_state" DEFAULT 'draft' NOT NULL,
	"title_ru" text NOT NULL,
	"description_ru" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_ru" text,
	"url" text,
	"organizer_id" uuid,
	"programme" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"capacity" integer,
	"registration_opens_at" timestamp with time zone,
	"registration_closes_at" timestamp with time zone,
	"audience" "event_audience" DEFAULT 'everyone' NOT NULL,
	"invited" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"country" text,
	"author_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("events"."title_ru", '')), 'A') || setweight(to_tsvector('russian', coalesce("events"."description_ru", '')), 'B') || setweight(to_tsvector('russian', coalesce("events"."venue_ru", '')), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "event_calendar_feeds" ADD CONSTRAINT "event_calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_registrations" ADD CONSTRAINT "event_registrations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_organizer_id_organizations_id_fk" FOREIGN KEY ("organizer_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "event_registrations_live_key" ON "event_registrations" USING btree ("event_id","user_id") WHERE "event_registrations"."state" in ('registered', 'waitlisted', 'applied', 'selected');--> statement-breakpoint
CREATE INDEX "event_registrations_event_idx" ON "event_registrations" USING btree ("event_id","state","queued_at");--> statement-breakpoint
CREATE INDEX "event_registrations_user_idx" ON "event_registrations" USING btree ("user_id","state");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "events" USING gin ("search");--> statement-breakpoint
CREATE INDEX "events_title_trgm" ON "events" USING gin ("title_ru" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("state","starts_at");--> statement-breakpoint
CREATE INDEX "events_organizer_idx" ON "events" USING btree ("organizer_id");--> statement-breakpoint
-- The events' catalog on the search engine: its generation, moved by every write to events and
-- registrations (the pages show counts and the participating organizations), and the words of the
-- events' titles in the lexicon.
INSERT INTO search_generations (catalog, gen) VALUES ('events', 1) ON CONFLICT DO NOTHING;--> statement-breakpoint
CREATE TRIGGER events_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('events');--> statement-breakpoint
CREATE TRIGGER event_registrations_search_gen AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON event_registrations
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('events');--> statement-breakpoint
CREATE TRIGGER organizations_events_gen AFTER UPDATE OF short_name OR DELETE ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('events');--> statement-breakpoint
CREATE TRIGGER events_lexicon_ins AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('events', 'title_ru');--> statement-breakpoint
CREATE TRIGGER events_lexicon_upd AFTER UPDATE ON events REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_lexicon_add('events', 'title_ru');--> statement-breakpoint
CREATE INDEX search_lexicon_events_trgm ON search_lexicon USING gist (word gist_trgm_ops) WHERE catalog = 'events';
