CREATE TYPE "public"."ip_deposit_type" AS ENUM('invention', 'utility_model', 'industrial_design', 'software', 'database', 'know_how');--> statement-breakpoint
CREATE TABLE "ip_deposits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"leaf_index" bigint NOT NULL,
	"organization_id" uuid,
	"depositor_id" uuid,
	"file_sha256" text NOT NULL,
	"title" text NOT NULL,
	"type" "ip_deposit_type" NOT NULL,
	"holder_inn" text NOT NULL,
	"holder_name" text NOT NULL,
	"authors" text[] NOT NULL,
	"timestamp" text NOT NULL,
	"leaf_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('russian', coalesce("ip_deposits"."title", '')), 'A') || setweight(to_tsvector('russian', coalesce("ip_deposits"."holder_name", '')), 'B')) STORED,
	CONSTRAINT "ip_deposits_leaf_index_unique" UNIQUE("leaf_index")
);
--> statement-breakpoint
CREATE TABLE "ip_log_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"private_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ip_log_nodes" (
	"level" smallint NOT NULL,
	"index" bigint NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "ip_log_nodes_level_index_pk" PRIMARY KEY("level","index")
);
--> statement-breakpoint
CREATE TABLE "ip_tree_heads" (
	"tree_size" bigint PRIMARY KEY NOT NULL,
	"root_hash" text NOT NULL,
	"timestamp" bigint NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ip_deposits" ADD CONSTRAINT "ip_deposits_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ip_deposits_search_idx" ON "ip_deposits" USING gin ("search");--> statement-breakpoint
CREATE INDEX "ip_deposits_org_idx" ON "ip_deposits" USING btree ("organization_id","leaf_index");--> statement-breakpoint
CREATE INDEX "ip_deposits_file_idx" ON "ip_deposits" USING btree ("file_sha256");