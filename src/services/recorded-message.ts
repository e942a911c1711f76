// Which Slack messages a click may change: only those Grow itself posted to the person
// who clicked, as recorded on their nudge rows. A button payload's channel and ts are
// whatever the request says, so a forged location must never reach chat.update.
import { and, eq } from 'drizzle-orm';
import { nudges } from '../../db/schema/index.js';
import type { ServiceContext } from './context.js';

export interface MessageLocation {
  channel: string;
  ts: string;
}

/** `where` when Grow recorded that message as sent to `userId` in `teamId`; otherwise undefined. */
export async function recordedMessageFor(
  ctx: Pick<ServiceContext, 'db'>,
  who: { teamId: string; userId: string },
  where: MessageLocation | undefined,
): Promise<MessageLocation | undefined> {
  if (!where) return undefined;
  const [row] = await ctx.db
    .select({ id: nudges.id })
    .from(nudges)
    .where(and(eq(nudges.teamId, who.teamId), eq(nudges.recipientId, who.userId), eq(nudges.channelId, where.channel), eq(nudges.messageTs, where.ts)))
    .limit(1);
  return row ? where : undefined;
}
