CREATE TYPE "public"."news_state" AS ENUM('draft', 'published', 'archived');--> statement-breakpoint
CREATE TABLE "news_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title_ru" text NOT NULL,
	"lead_ru" text NOT NULL,
	"body_ru" text NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"state" "news_state" DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"cover_file_id" uuid,
	"cover_alt" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("news_articles"."title_ru", '')), 'A') || setweight(to_tsvector('russian', coalesce("news_articles"."lead_ru", '')), 'B') || setweight(to_tsvector('russian', coalesce("news_articles"."body_ru", '')), 'C')) STORED
);
--> statement-breakpoint
ALTER TABLE "news_articles" ADD CONSTRAINT "news_articles_cover_file_id_files_id_fk" FOREIGN KEY ("cover_file_id") REFERENCES "public"."files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "news_articles_slug_key" ON "news_articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "news_articles_published_idx" ON "news_articles" USING btree ("state","published_at");--> statement-breakpoint
CREATE INDEX "news_articles_tags_idx" ON "news_articles" USING gin ("tags");--> statement-breakpoint
CREATE INDEX "news_articles_search_idx" ON "news_articles" USING gin ("search");