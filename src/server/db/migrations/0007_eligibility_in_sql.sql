ALTER TABLE "measures" ADD COLUMN "crit_org_types" text[] GENERATED ALWAYS AS (ic_jsonb_texts(criteria -> 'orgTypes')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_regions" text[] GENERATED ALWAYS AS (ic_jsonb_texts(criteria -> 'regions')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_sme" text[] GENERATED ALWAYS AS (ic_jsonb_texts(criteria -> 'smeCategories')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_age_min_months" integer GENERATED ALWAYS AS (round(ic_jsonb_number(criteria #> '{ageYears,min}') * 12)::int) STORED;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_age_max_months" integer GENERATED ALWAYS AS (round(ic_jsonb_number(criteria #> '{ageYears,max}') * 12)::int) STORED;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_headcount_min" numeric GENERATED ALWAYS AS (ic_jsonb_number(criteria #> '{headcount,min}')) STORED;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_headcount_max" numeric GENERATED ALWAYS AS (ic_jsonb_number(criteria #> '{headcount,max}')) STORED;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_revenue_min" numeric GENERATED ALWAYS AS (ic_jsonb_number(criteria #> '{revenueMln,min}')) STORED;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_revenue_max" numeric GENERATED ALWAYS AS (ic_jsonb_number(criteria #> '{revenueMln,max}')) STORED;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_status" text[] GENERATED ALWAYS AS (ic_jsonb_texts(criteria -> 'requiredStatus')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_okved" text[] GENERATED ALWAYS AS (ic_jsonb_texts(criteria -> 'okvedSections')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_tags" text[] GENERATED ALWAYS AS (ic_jsonb_texts(criteria -> 'tags')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "measures" ADD COLUMN "crit_flags" text[] GENERATED ALWAYS AS (ic_jsonb_texts(criteria -> 'flags')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "declared_flags" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "declared_flags_at" timestamp with time zone;