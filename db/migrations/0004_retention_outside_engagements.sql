ALTER TABLE "check_ins" ADD COLUMN "content_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "content_erased_at" timestamp with time zone;