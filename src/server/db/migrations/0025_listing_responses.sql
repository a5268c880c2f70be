CREATE TABLE "listing_response_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"event" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"side" text NOT NULL,
	"actor_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"listing_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"author_id" uuid,
	"type" text NOT NULL,
	"state" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"values" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"outcome" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"rating" smallint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "awarded_response_id" uuid;--> statement-breakpoint
ALTER TABLE "listing_response_events" ADD CONSTRAINT "listing_response_events_response_id_listing_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."listing_responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_responses" ADD CONSTRAINT "listing_responses_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_responses" ADD CONSTRAINT "listing_responses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "listing_response_events_response_idx" ON "listing_response_events" USING btree ("response_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "listing_responses_active_uq" ON "listing_responses" USING btree ("listing_id","organization_id") WHERE active;--> statement-breakpoint
CREATE INDEX "listing_responses_listing_idx" ON "listing_responses" USING btree ("listing_id","created_at");--> statement-breakpoint
CREATE INDEX "listing_responses_organization_idx" ON "listing_responses" USING btree ("organization_id","updated_at");--> statement-breakpoint
CREATE INDEX "listing_responses_rated_idx" ON "listing_responses" USING btree ("organization_id") WHERE rating is not null;