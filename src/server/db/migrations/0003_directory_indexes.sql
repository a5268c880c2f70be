CREATE INDEX "organizations_names_search_idx" ON "organizations" USING gin (to_tsvector('russian', "short_name" || ' ' || "full_name"));--> statement-breakpoint
CREATE INDEX "organizations_short_name_icu_idx" ON "organizations" USING btree ("short_name" collate "und-x-icu","id");--> statement-breakpoint
-- The planner estimates pg_trgm's operators (<%, %) by running them over the column's histogram: with
-- the default statistics target that is ~200 trigram comparisons (2-3 ms of planning) per operator in
-- a query. The directory's name matching uses them on every narrow search; ten buckets are plenty.
ALTER TABLE "organizations" ALTER COLUMN "short_name" SET STATISTICS 10;--> statement-breakpoint
ALTER TABLE "organizations" ALTER COLUMN "full_name" SET STATISTICS 10;
