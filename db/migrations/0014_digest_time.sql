ALTER TABLE "people" ADD COLUMN "digest_day" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "digest_minute" integer DEFAULT 540 NOT NULL;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_digest_time" CHECK ("people"."digest_day" between 1 and 7 and "people"."digest_minute" between 0 and 1439);