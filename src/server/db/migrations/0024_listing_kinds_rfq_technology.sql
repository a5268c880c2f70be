ALTER TYPE "public"."listing_kind" ADD VALUE 'rfq' BEFORE 'premises';--> statement-breakpoint
ALTER TYPE "public"."listing_kind" ADD VALUE 'technology' BEFORE 'premises';--> statement-breakpoint
ALTER TYPE "public"."listing_kind" ADD VALUE 'technology_request' BEFORE 'premises';