CREATE TABLE "auth_challenges_used" (
	"id" text PRIMARY KEY NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_counters" (
	"kind" text NOT NULL,
	"key" "citext" NOT NULL,
	"source" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_counters_kind_key_source_pk" PRIMARY KEY("kind","key","source")
);
--> statement-breakpoint
ALTER TABLE "auth_attempts" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "auth_attempts" CASCADE;--> statement-breakpoint
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD COLUMN "password_hash" text;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD COLUMN "policy_version" text;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD COLUMN "ip" "inet";--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "secret" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "secret_ref" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "secret_expires_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "auth_challenges_used_expires_idx" ON "auth_challenges_used" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "auth_counters_window_idx" ON "auth_counters" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "mail_outbox_secret_ref_idx" ON "mail_outbox" USING btree ("secret_ref");--> statement-breakpoint
CREATE INDEX "mail_outbox_secret_expires_idx" ON "mail_outbox" USING btree ("secret_expires_at");