CREATE TABLE "listing_kind_settings" (
	"kind" "listing_kind" PRIMARY KEY NOT NULL,
	"participants_only" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
