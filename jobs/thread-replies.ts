// The rest of a coach's message that one Slack message cannot hold (a long digest),
// posted as replies in its thread after the message itself was sent and recorded. Each
// reply is recorded with the leaders it covers, so erasing one of them finds it.
import type { WebClient } from '@slack/web-api';
import type { Db } from '../db/client.js';
import { recordPostedMessages, type PostedMessage } from '../db/posted-messages.js';
import type { Logger } from '../src/logger.js';
import type { NudgeMessage } from '../src/slack/blocks/nudge-message.js';

export type Coverage = (ts: string, leaderIds: string[]) => PostedMessage[];

/** A reply Slack refuses is logged, not retried: the row is sent, and its first message must never be posted twice. */
export async function postThreadReplies(
  deps: { db: Db; logger: Logger; client: WebClient },
  where: { channelId: string; threadTs: string; nudgeId: string },
  replies: { message: NudgeMessage; about: string[] }[],
  coverage: Coverage,
): Promise<void> {
  for (const [i, reply] of replies.entries()) {
    try {
      const posted = await deps.client.chat.postMessage({
        channel: where.channelId, thread_ts: where.threadTs, text: reply.message.text, blocks: reply.message.blocks, unfurl_links: false, unfurl_media: false,
      });
      await recordPostedMessages(deps.db, coverage(posted.ts ?? '', reply.about));
    } catch (error) {
      deps.logger.warn({ nudgeId: where.nudgeId, reply: i + 1, err: error }, 'thread reply not posted');
    }
  }
}
