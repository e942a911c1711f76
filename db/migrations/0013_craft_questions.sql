CREATE TABLE "asked_questions" (
	"team_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"use" text NOT NULL,
	"question_id" text NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "asked_questions_team_id_leader_id_use_pk" PRIMARY KEY("team_id","leader_id","use")
);
--> statement-breakpoint
CREATE TABLE "engagement_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"use" text NOT NULL,
	"text_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "engagement_questions_use" CHECK ("engagement_questions"."use" in ('goal', 'reality', 'options', 'will', 'follow_up_done', 'follow_up_partly', 'follow_up_not_yet', 'reflect_happened', 'reflect_learned', 'reflect_next', 'prep_commitment', 'prep_want', 'review'))
);
--> statement-breakpoint
ALTER TABLE "engagements" ADD COLUMN "invitation_note_enc" text;--> statement-breakpoint
ALTER TABLE "engagement_questions" ADD CONSTRAINT "engagement_questions_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagement_questions_engagement_idx" ON "engagement_questions" USING btree ("engagement_id","created_at");