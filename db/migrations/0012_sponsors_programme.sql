CREATE TABLE "programme_admins" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_admins_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "programme_coaches" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"added_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_coaches_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sponsor_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"sponsor_id" text NOT NULL,
	"kind" text NOT NULL,
	"answer_enc" text NOT NULL,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shared_with_coach_at" timestamp with time zone,
	CONSTRAINT "sponsor_answers_engagement_kind" UNIQUE("engagement_id","kind"),
	CONSTRAINT "sponsor_answers_shared_change" CHECK ("sponsor_answers"."shared_with_coach_at" is null or "sponsor_answers"."kind" = 'change')
);
--> statement-breakpoint
ALTER TABLE "nudges" DROP CONSTRAINT "nudges_kind_check";--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "sponsor_id" text;--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "programme" text;--> statement-breakpoint
ALTER TABLE "sponsor_answers" ADD CONSTRAINT "sponsor_answers_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagements_sponsor_idx" ON "engagements" USING btree ("team_id","sponsor_id");--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_sponsor_apart" CHECK ("engagements"."sponsor_id" is null or ("engagements"."sponsor_id" <> "engagements"."leader_id" and "engagements"."sponsor_id" <> "engagements"."coach_id"));--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_programme_name" CHECK ("engagements"."programme" is null or char_length("engagements"."programme") between 1 and 60);--> statement-breakpoint
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_kind_check" CHECK ("nudges"."kind" in ('follow_up', 'session_prep', 'checkin_prompt', 'midpoint_review', 'closing_review', 'invitation', 'digest', 'brief', 'pulse_question', 'pulse_reminder', 'pulse_results', 'pulse_shared', 'session_held', 'contracting_reminder', 'sponsor_outcomes', 'sponsor_change'));