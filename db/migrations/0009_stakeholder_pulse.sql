CREATE TABLE "pulse_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"round_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"status" text DEFAULT 'asked' NOT NULL,
	CONSTRAINT "pulse_invitations_round_user" UNIQUE("round_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "pulse_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"round_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"score" integer,
	"suggestion_enc" text,
	CONSTRAINT "pulse_responses_score" CHECK ("pulse_responses"."score" is null or "pulse_responses"."score" between -3 and 3)
);
--> statement-breakpoint
CREATE TABLE "pulse_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"visibility" text DEFAULT 'private' NOT NULL,
	"shared_at" timestamp with time zone,
	CONSTRAINT "pulse_rounds_engagement_stage" UNIQUE("engagement_id","stage"),
	CONSTRAINT "pulse_rounds_window" CHECK ("pulse_rounds"."opens_at" < "pulse_rounds"."closes_at")
);
--> statement-breakpoint
CREATE TABLE "pulse_stakeholders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_stakeholders_engagement_user" UNIQUE("engagement_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "nudges" DROP CONSTRAINT "nudges_kind_check";--> statement-breakpoint
ALTER TABLE "pulse_invitations" ADD CONSTRAINT "pulse_invitations_round_id_pulse_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pulse_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_responses" ADD CONSTRAINT "pulse_responses_round_id_pulse_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."pulse_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_responses" ADD CONSTRAINT "pulse_responses_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_rounds" ADD CONSTRAINT "pulse_rounds_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_stakeholders" ADD CONSTRAINT "pulse_stakeholders_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_kind_check" CHECK ("nudges"."kind" in ('follow_up', 'session_prep', 'checkin_prompt', 'midpoint_review', 'closing_review', 'invitation', 'digest', 'brief', 'pulse_question', 'pulse_reminder', 'pulse_results', 'pulse_shared'));