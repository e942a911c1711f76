ALTER TABLE "engagements" ADD COLUMN "ended_by" text;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "end_reason_enc" text;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "closing_visibility" text;