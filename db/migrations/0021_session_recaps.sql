CREATE TABLE "session_recaps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"coach_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"text_enc" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "session_recaps" ADD CONSTRAINT "session_recaps_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_recaps_engagement_idx" ON "session_recaps" USING btree ("engagement_id");--> statement-breakpoint
CREATE INDEX "session_recaps_leader_idx" ON "session_recaps" USING btree ("team_id","leader_id");