CREATE TABLE "coach_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"coach_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"event" text NOT NULL,
	"session_id" uuid,
	"nudge_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "coach_notices_event_check" CHECK ("coach_notices"."event" in ('contracting_done', 'session_moved', 'session_cancelled', 'leader_paused', 'leader_resumed', 'review_done'))
);
--> statement-breakpoint
ALTER TABLE "nudges" DROP CONSTRAINT "nudges_kind_check";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "notices_off" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "coach_notices" ADD CONSTRAINT "coach_notices_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coach_notices" ADD CONSTRAINT "coach_notices_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coach_notices_pending_idx" ON "coach_notices" USING btree ("team_id","coach_id") WHERE "coach_notices"."nudge_id" is null;--> statement-breakpoint
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_kind_check" CHECK ("nudges"."kind" in ('follow_up', 'precondition', 'session_prep', 'checkin_prompt', 'midpoint_review', 'closing_review', 'invitation', 'digest', 'brief', 'pulse_question', 'pulse_reminder', 'pulse_results', 'pulse_shared', 'session_held', 'contracting_reminder', 'sponsor_outcomes', 'sponsor_change', 'coach_notice'));