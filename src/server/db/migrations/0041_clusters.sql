CREATE TYPE "public"."cluster_application_state" AS ENUM('pending', 'accepted', 'declined', 'withdrawn');--> statement-breakpoint
CREATE TABLE "cluster_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cluster_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"state" "cluster_application_state" DEFAULT 'pending' NOT NULL,
	"motivation_ru" text NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"author_id" uuid,
	"reason_ru" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cluster_members" (
	"cluster_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_members_cluster_id_organization_id_pk" PRIMARY KEY("cluster_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "clusters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name_ru" text NOT NULL,
	"theme_ru" text NOT NULL,
	"industries" text[] DEFAULT '{}'::text[] NOT NULL,
	"lead_organization_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "cluster_id" uuid;--> statement-breakpoint
ALTER TABLE "cluster_applications" ADD CONSTRAINT "cluster_applications_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_applications" ADD CONSTRAINT "cluster_applications_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cluster_members" ADD CONSTRAINT "cluster_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clusters" ADD CONSTRAINT "clusters_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cluster_applications_cluster_idx" ON "cluster_applications" USING btree ("cluster_id","state","created_at");--> statement-breakpoint
CREATE INDEX "cluster_applications_organization_idx" ON "cluster_applications" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cluster_applications_pending_key" ON "cluster_applications" USING btree ("cluster_id","organization_id") WHERE "cluster_applications"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "cluster_members_organization_idx" ON "cluster_members" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "clusters_lead_idx" ON "clusters" USING btree ("lead_organization_id");--> statement-breakpoint
CREATE INDEX "clusters_name_trgm" ON "clusters" USING gin ("name_ru" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_cluster_id_clusters_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."clusters"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "projects_cluster_idx" ON "projects" USING btree ("cluster_id");--> statement-breakpoint
-- The projects catalog's answers name the clusters (the cluster facet) and count the leads' regions (the
-- region facet): a cluster's rename or removal and a region's change move its generation.
CREATE TRIGGER clusters_projects_gen AFTER UPDATE OF name_ru OR DELETE ON clusters
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('projects');--> statement-breakpoint
CREATE TRIGGER organizations_projects_region_gen AFTER UPDATE OF region_code ON organizations
  FOR EACH STATEMENT EXECUTE FUNCTION search_bump('projects');
