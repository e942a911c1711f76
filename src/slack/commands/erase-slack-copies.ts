// The Slack side of `/grow delete`: Grow's own messages and files that carried or were
// about the erased person. Messages to them, the coach's briefs about them and their
// export file are deleted; a weekly digest is deleted when it covered only them, and
// otherwise re-rendered without them in place, so the coach keeps the other leaders'
// week. Runs after the database erase, so a re-render no longer sees the person.
import type { WebClient } from '@slack/web-api';
import { platformErrorCode } from '../../../jobs/slack-client.js';
import { composeDigestAgain, leadersInDigest, type ErasedData } from '../../services/personal-data.js';
import { buildDigestMessage } from '../blocks/digest-message.js';
import type { SlackDeps } from '../deps.js';

export interface SlackErasure {
  /** Nudges, check-in confirmations and other DMs to the person. */
  messages: number;
  briefs: number;
  files: number;
  digestsDeleted: number;
  digestsUpdated: number;
  /** Recorded copies Slack would not let Grow remove. */
  failed: number;
}

type Outcome = 'done' | 'failed';

/** Deleted, or already gone: either way the copy no longer exists. */
async function deleteMessage(client: WebClient, channel: string, ts: string): Promise<Outcome> {
  try {
    await client.chat.delete({ channel, ts });
    return 'done';
  } catch (error) {
    return platformErrorCode(error) === 'message_not_found' ? 'done' : 'failed';
  }
}

async function deleteFile(client: WebClient, file: string): Promise<Outcome> {
  try {
    await client.files.delete({ file });
    return 'done';
  } catch (error) {
    return platformErrorCode(error) === 'file_not_found' || platformErrorCode(error) === 'file_deleted' ? 'done' : 'failed';
  }
}

/** The digest the coach got at `sentAt`, rendered again from the leaders still in it. */
async function rerenderDigest(deps: SlackDeps, teamId: string, coachId: string, leaderIds: string[], sentAt: Date) {
  return buildDigestMessage(await composeDigestAgain(deps, teamId, coachId, leaderIds, sentAt));
}

export async function eraseSlackCopies(deps: SlackDeps, client: WebClient, teamId: string, userId: string, erased: ErasedData): Promise<SlackErasure> {
  const out: SlackErasure = { messages: 0, briefs: 0, files: 0, digestsDeleted: 0, digestsUpdated: 0, failed: 0 };
  const count = (outcome: Outcome, key: Exclude<keyof SlackErasure, 'failed'>) => {
    if (outcome === 'done') out[key] += 1;
    else out.failed += 1;
  };
  for (const m of erased.slackMessages) count(await deleteMessage(client, m.channel, m.ts), m.kind === 'brief' ? 'briefs' : 'messages');
  const seen = new Set<string>();
  for (const row of erased.posted) {
    if (row.fileId) {
      count(await deleteFile(client, row.fileId), 'files');
      continue;
    }
    if (!row.channelId || !row.messageTs) continue;
    const where = `${row.channelId}:${row.messageTs}`;
    if (seen.has(where)) continue;
    seen.add(where);
    if (row.kind !== 'digest' || row.recipientId === userId) {
      count(await deleteMessage(client, row.channelId, row.messageTs), 'messages');
      continue;
    }
    // A coach's digest that quoted this leader: the rows left name the others it covered.
    const others = await leadersInDigest(deps, teamId, { channel: row.channelId, ts: row.messageTs });
    if (others.length === 0) {
      count(await deleteMessage(client, row.channelId, row.messageTs), 'digestsDeleted');
      continue;
    }
    try {
      const message = await rerenderDigest(deps, teamId, row.recipientId, others, row.createdAt);
      await client.chat.update({ channel: row.channelId, ts: row.messageTs, text: message.text, blocks: message.blocks });
      out.digestsUpdated += 1;
    } catch (error) {
      deps.logger.warn({ teamId, err: error }, 'digest not re-rendered without the erased leader');
      out.failed += 1;
    }
  }
  return out;
}
