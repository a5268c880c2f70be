CREATE TABLE "measure_index" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" "measure_status" NOT NULL,
	"level" "measure_level" NOT NULL,
	"provider" text NOT NULL,
	"form" "measure_form" NOT NULL,
	"industries" text[] NOT NULL,
	"tags" text[] NOT NULL,
	"permanent" boolean NOT NULL,
	"opens_on" date,
	"closes_on" date,
	"published_at" timestamp with time zone,
	"amount_min" bigint,
	"amount_max" bigint,
	"criteria" jsonb NOT NULL,
	"crit_types" bigint GENERATED ALWAYS AS (ic_jsonb_mask(criteria -> 'orgTypes', array['legal_entity','individual_entrepreneur','foreign','university','research_institute','corporation','city_body']::text[], 0)) STORED NOT NULL,
	"crit_regions_lo" bigint GENERATED ALWAYS AS (ic_jsonb_mask(criteria -> 'regions', array['01','02','03','04','05','06','07','08','09','10','11','12','13','14','15','16','17','18','19','20','21','22','23','24','25','26','27','28','29','30','31','32','33','34','35','36','37','38','39','40','41','42','43','44','45','46','47','48','49','50','51','52','53','54','55','56','57','58','59','60','61','62','63','64','65','66','67','68','69','70','71','72','73','74','75','76','77','78','79','83','86','87','89','90','91','92','93','94','95','foreign']::text[], 0)) STORED NOT NULL,
	"crit_regions_hi" bigint GENERATED ALWAYS AS (ic_jsonb_mask(criteria -> 'regions', array['01','02','03','04','05','06','07','08','09','10','11','12','13','14','15','16','17','18','19','20','21','22','23','24','25','26','27','28','29','30','31','32','33','34','35','36','37','38','39','40','41','42','43','44','45','46','47','48','49','50','51','52','53','54','55','56','57','58','59','60','61','62','63','64','65','66','67','68','69','70','71','72','73','74','75','76','77','78','79','83','86','87','89','90','91','92','93','94','95','foreign']::text[], 62)) STORED NOT NULL,
	"crit_sme" bigint GENERATED ALWAYS AS (ic_jsonb_mask(criteria -> 'smeCategories', array['micro','small','medium','large']::text[], 0)) STORED NOT NULL,
	"crit_status" bigint GENERATED ALWAYS AS (ic_jsonb_mask(criteria -> 'requiredStatus', array['registered','participant','partner']::text[], 0)) STORED NOT NULL,
	"crit_okved" bigint GENERATED ALWAYS AS (ic_jsonb_mask(criteria -> 'okvedSections', array['A','B','C','D','E','F','G','H','I','J','K','L','M','N','O','P','Q','R','S','T','U']::text[], 0)) STORED NOT NULL,
	"crit_tags" bigint GENERATED ALWAYS AS (ic_jsonb_mask(criteria -> 'tags', array['ai','robotics','biotech','medtech','pharma','new-materials','energy','cleantech','transport','urban-tech','fintech','edtech','space','agritech','foodtech','iot','cybersecurity','big-data','vr-ar','microelectronics','photonics','quantum','additive-manufacturing','drones']::text[], 0)) STORED NOT NULL,
	"crit_flags" bigint GENERATED ALWAYS AS (ic_jsonb_mask(criteria -> 'flags', array['skolkovo_resident','exporter','no_tax_debt','it_accredited','innovation_activity']::text[], 0)) STORED NOT NULL,
	"crit_age_min_months" integer GENERATED ALWAYS AS (round(ic_jsonb_number(criteria #> '{ageYears,min}') * 12)::int) STORED,
	"crit_age_max_months" integer GENERATED ALWAYS AS (round(ic_jsonb_number(criteria #> '{ageYears,max}') * 12)::int) STORED,
	"crit_headcount_min" double precision GENERATED ALWAYS AS (ic_jsonb_float(criteria #> '{headcount,min}')) STORED,
	"crit_headcount_max" double precision GENERATED ALWAYS AS (ic_jsonb_float(criteria #> '{headcount,max}')) STORED,
	"crit_revenue_min" double precision GENERATED ALWAYS AS (ic_jsonb_float(criteria #> '{revenueMln,min}')) STORED,
	"crit_revenue_max" double precision GENERATED ALWAYS AS (ic_jsonb_float(criteria #> '{revenueMln,max}')) STORED
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "declared_flags" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "declared_flags_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "measure_index" ADD CONSTRAINT "measure_index_id_measures_id_fk" FOREIGN KEY ("id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_index_status_idx" ON "measure_index" USING btree ("status");