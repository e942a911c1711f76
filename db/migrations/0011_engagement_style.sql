ALTER TABLE "engagements" ADD COLUMN "style" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "muted_kinds" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "expectation_enc" text;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_style" CHECK ("engagements"."style" in ('standard', 'light', 'experiment', 'goal_first', 'chooser'));