ALTER TABLE "reflections" ADD COLUMN "rating_enc" text;--> statement-breakpoint
ALTER TABLE "reflections" ADD COLUMN "permalink_enc" text;