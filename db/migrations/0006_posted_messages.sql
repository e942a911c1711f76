CREATE TABLE "posted_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"team_id" text NOT NULL,
	"recipient_id" text NOT NULL,
	"about_id" text,
	"kind" text NOT NULL,
	"channel_id" text,
	"message_ts" text,
	"file_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "posted_messages_recipient_idx" ON "posted_messages" USING btree ("team_id","recipient_id");--> statement-breakpoint
CREATE INDEX "posted_messages_about_idx" ON "posted_messages" USING btree ("team_id","about_id");