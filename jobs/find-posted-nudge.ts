// The exactly-once check. A worker that died between chat.postMessage and marking the
// row sent left a message in the DM carrying the nudge id in its metadata; finding it
// means recording it, not posting a second one.
import type { WebClient } from '@slack/web-api';
import { NUDGE_EVENT_TYPE } from './nudge-metadata.js';

// Bot DMs are quiet; a few pages back to the row's creation is the whole window.
const PAGE_SIZE = 200;
const MAX_PAGES = 10;

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** The ts of the message already posted for this nudge, if there is one. */
export async function findPostedNudge(client: WebClient, channel: string, nudgeId: string, since: Date): Promise<string | null> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await client.conversations.history({
      channel,
      include_all_metadata: true,
      oldest: String(Math.floor(since.getTime() / 1000) - 60),
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of (result.messages ?? []) as HistoryMessage[]) {
      if (message.metadata?.event_type === NUDGE_EVENT_TYPE && message.metadata.event_payload?.nudge_id === nudgeId && message.ts) {
        return message.ts;
      }
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!cursor || !result.has_more) return null;
  }
  return null;
}
