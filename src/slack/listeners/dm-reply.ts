// A leader types in Grow's DM instead of using a button: Grow offers to keep it as a
// reflection on their current action (they choose who sees it), or points to `/grow help`.
// Edits, deletions, bot messages and anything outside the DM are ignored. The text is
// read back from Slack only when the leader asks to keep it, and goes nowhere else.
import type { App, BlockButtonAction } from '@slack/bolt';
import { findActionForReply, keepReplyAsReflection } from '../../services/dm-reply.js';
import { DM_REPLY_VISIBILITY, dmReplyKept, dmReplyNoAction, dmReplyNotKept, dmReplyOffer, parseDmReplyValue } from '../blocks/dm-reply.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { offerSupportIfNeeded } from '../support-signpost.js';
import { OUT_OF_DATE, messageOf, sendDm, tellUser, updateMessage, whoActed } from './engagement-interaction.js';

interface ImMessage {
  channel_type?: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  /** What the leader typed: matched against the support phrases, never logged or repeated. */
  text?: string;
  ts: string;
  thread_ts?: string;
}

export function registerDmReplies(app: App, deps: SlackDeps): void {
  app.event('message', async ({ event, client, context }) => {
    const m = event as unknown as ImMessage;
    if (m.channel_type !== 'im' || m.subtype !== undefined || m.bot_id || !m.user) return;
    const teamId = context.teamId ?? '';
    const log = deps.logger.child({ teamId, userId: m.user, event: 'message.im' });
    try {
      const action = await findActionForReply(deps, teamId, m.user);
      const reply = action ? dmReplyOffer({ actionId: action.id, actionText: action.text, ts: m.ts }) : dmReplyNoAction();
      await sendDm(client, m.user, reply, log, { db: deps.db, teamId });
      await offerSupportIfNeeded(deps, client, { teamId, userId: m.user }, [m.text], 'dm', log);
    } catch (error) {
      log.error({ err: error }, 'DM reply not answered');
    }
  });

  for (const [actionId, visibility] of Object.entries(DM_REPLY_VISIBILITY)) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const { teamId, userId, log } = whoActed(deps, body, { action: actionId });
      const value = parseDmReplyValue(body.actions[0]?.value);
      const channel = body.channel?.id;
      if (!value || !channel) return tellUser(client, body, OUT_OF_DATE, log);
      try {
        const history = await client.conversations.history({ channel, latest: value.ts, inclusive: true, limit: 1 });
        const typed = history.messages?.find((msg) => msg.ts === value.ts && msg.user === userId && !msg.bot_id && !msg.subtype);
        const where = messageOf(body);
        if (!typed?.text) return updateMessage(client, where, dmReplyNotKept('gone'), log);
        const result = await keepReplyAsReflection(deps, { teamId, leaderId: userId, actionId: value.actionId, text: typed.text, visibility });
        const reply = result.outcome === 'kept' ? dmReplyKept(result.visibility) : dmReplyNotKept(result.outcome === 'stale' ? 'stale' : 'gone');
        // The offer is not a planned nudge; Slack lets the app update only its own messages.
        await updateMessage(client, where, reply, log);
      } catch (error) {
        log.error({ err: error }, 'DM reply not kept');
        await tellUser(client, body, friendlyMessage(error), log);
      }
    });
  }
}
