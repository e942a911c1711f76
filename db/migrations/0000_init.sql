CREATE TABLE "installations" (
	"team_id" text PRIMARY KEY NOT NULL,
	"team_name" text,
	"bot_user_id" text,
	"bot_token_enc" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uninstalled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "people" (
	"team_id" text NOT NULL,
	"user_id" text NOT NULL,
	"tz" text DEFAULT 'UTC' NOT NULL,
	"tz_refreshed_at" timestamp with time zone,
	"dm_channel_id" text,
	"work_days" integer[] DEFAULT '{1,2,3,4,5}'::integer[] NOT NULL,
	"work_start_minute" integer DEFAULT 540 NOT NULL,
	"work_end_minute" integer DEFAULT 1050 NOT NULL,
	"paused_until" timestamp with time zone,
	"unanswered_follow_ups" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_team_id_user_id_pk" PRIMARY KEY("team_id","user_id"),
	CONSTRAINT "people_work_window" CHECK ("people"."work_start_minute" >= 0 and "people"."work_end_minute" <= 1440 and "people"."work_start_minute" < "people"."work_end_minute")
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"coach_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"status" text DEFAULT 'invited' NOT NULL,
	"start_date" date NOT NULL,
	"session_count" integer DEFAULT 8 NOT NULL,
	"cadence_days" integer DEFAULT 14 NOT NULL,
	"session_minutes" integer DEFAULT 60 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "engagements_not_self" CHECK ("engagements"."coach_id" <> "engagements"."leader_id"),
	CONSTRAINT "engagements_sessions" CHECK ("engagements"."session_count" between 6 and 12),
	CONSTRAINT "engagements_cadence" CHECK ("engagements"."cadence_days" in (7, 14, 21)),
	CONSTRAINT "engagements_length" CHECK ("engagements"."session_minutes" between 60 and 90)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	CONSTRAINT "sessions_engagement_seq" UNIQUE("engagement_id","seq")
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"engagement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"description_enc" text NOT NULL,
	"baseline" integer NOT NULL,
	"level" integer,
	"midpoint_rating" integer,
	"closing_rating" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_engagement_position" UNIQUE("engagement_id","position"),
	CONSTRAINT "targets_position" CHECK ("targets"."position" between 1 and 3),
	CONSTRAINT "targets_baseline" CHECK ("targets"."baseline" between 1 and 10),
	CONSTRAINT "targets_level" CHECK ("targets"."level" is null or "targets"."level" between 1 and 5),
	CONSTRAINT "targets_midpoint" CHECK ("targets"."midpoint_rating" is null or "targets"."midpoint_rating" between 1 and 10),
	CONSTRAINT "targets_closing" CHECK ("targets"."closing_rating" is null or "targets"."closing_rating" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"engagement_id" uuid,
	"check_in_id" uuid NOT NULL,
	"text_enc" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"snoozed_until" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"engagement_id" uuid,
	"target_id" uuid,
	"goal_enc" text NOT NULL,
	"reality_enc" text NOT NULL,
	"options_enc" text NOT NULL,
	"will_enc" text NOT NULL,
	"make_it_ten_enc" text,
	"commitment" integer NOT NULL,
	"revisited" boolean DEFAULT false NOT NULL,
	"visibility" text DEFAULT 'summary' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_commitment" CHECK ("check_ins"."commitment" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "reflections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"engagement_id" uuid,
	"action_id" uuid,
	"kind" text NOT NULL,
	"body_enc" text NOT NULL,
	"rating" integer,
	"permalink" text,
	"visibility" text DEFAULT 'summary' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reflections_rating" CHECK ("reflections"."rating" is null or "reflections"."rating" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "nudges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"recipient_id" text NOT NULL,
	"engagement_id" uuid,
	"session_id" uuid,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"ref" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"reason" text,
	"claimed_at" timestamp with time zone,
	"enqueued_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"channel_id" text,
	"message_ts" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nudges_team_dedupe" UNIQUE("team_id","dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actions" ADD CONSTRAINT "actions_check_in_id_check_ins_id_fk" FOREIGN KEY ("check_in_id") REFERENCES "public"."check_ins"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflections" ADD CONSTRAINT "reflections_action_id_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."actions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_engagement_id_engagements_id_fk" FOREIGN KEY ("engagement_id") REFERENCES "public"."engagements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nudges" ADD CONSTRAINT "nudges_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "engagements_leader_idx" ON "engagements" USING btree ("team_id","leader_id");--> statement-breakpoint
CREATE INDEX "engagements_coach_idx" ON "engagements" USING btree ("team_id","coach_id");--> statement-breakpoint
CREATE UNIQUE INDEX "engagements_live_pair" ON "engagements" USING btree ("team_id","coach_id","leader_id") WHERE "engagements"."status" in ('invited', 'active');--> statement-breakpoint
CREATE INDEX "actions_leader_idx" ON "actions" USING btree ("team_id","leader_id","status");--> statement-breakpoint
CREATE INDEX "check_ins_leader_idx" ON "check_ins" USING btree ("team_id","leader_id","created_at");--> statement-breakpoint
CREATE INDEX "reflections_leader_idx" ON "reflections" USING btree ("team_id","leader_id","created_at");--> statement-breakpoint
CREATE INDEX "nudges_due_idx" ON "nudges" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "nudges_engagement_idx" ON "nudges" USING btree ("engagement_id","status");