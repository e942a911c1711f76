// Sessions and the engagement itself, from App Home: the session menu (move, mark held,
// cancel), the move-session modal, the cancel-session confirmation, and "End engagement"
// behind a confirmation with an optional reason (only the ender and the coach see it). The other party hears about a moved or cancelled session or
// an ended engagement; both Homes refresh.
import type { App, BlockButtonAction, BlockOverflowAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import type { Message } from '../blocks/kit.js';
import { atLocalTime } from '../../domain/time/local-time.js';
import { isDomainError } from '../../domain/errors.js';
import { endEngagement, loadEngagement } from '../../services/engagement.js';
import { isLive, otherPartyOf, roleOf } from '../../domain/engagement/status.js';
import { changeSession, loadSessionToChange } from '../../services/engagement-sessions.js';
import { personZone } from '../../services/people-sync.js';
import { endedNotice, sessionCancelledNotice, sessionMovedNotice } from '../blocks/engagement-notices.js';
import { cancelSessionModal, endEngagementModal, rescheduleModal, sessionNoticeView } from '../blocks/engagement-session-modal.js';
import { cancelSessionMetaSchema, endEngagementMetaSchema, parseEngagementValue, parseSessionMenu, rescheduleMetaSchema } from '../engagement-button-value.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { decodeJson } from '../metadata.js';
import { readInput, viewStateSchema } from '../read-view-state.js';
import { type RefreshHome, sendDm, tellUser, whoActed } from './engagement-interaction.js';
import { showInvitationOutcome } from './engagement-invitation.js';
import { CALLBACKS, ENGAGEMENT_ACTIONS } from '../ids.js';
import { errorOn, readSubmission } from '../modal-submission.js';

const OUT_OF_DATE = 'That is out of date; nothing was changed.';

export const registerEngagementSessions = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  app.action<BlockOverflowAction>(ENGAGEMENT_ACTIONS.sessionMenu, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: ENGAGEMENT_ACTIONS.sessionMenu });
    const choice = parseSessionMenu(body.actions[0]?.selected_option?.value);
    if (!choice) return tellUser(client, body, OUT_OF_DATE, log);
    try {
      if (choice.op === 'reschedule') {
        const { session, tz } = await loadSessionToChange(deps, { teamId, userId, sessionId: choice.sessionId, kind: 'reschedule' });
        await client.views.open({ trigger_id: body.trigger_id, view: rescheduleModal({ sessionId: session.id, seq: session.seq, at: session.scheduledAt, tz }) });
        return;
      }
      if (choice.op === 'cancel') {
        // Asked first: a cancelled session cannot be brought back.
        const { session, engagement, tz } = await loadSessionToChange(deps, { teamId, userId, sessionId: choice.sessionId, kind: 'cancel' });
        await client.views.open({ trigger_id: body.trigger_id, view: cancelSessionModal({ sessionId: session.id, seq: session.seq, at: session.scheduledAt, tz, otherId: otherPartyOf(engagement, userId) }) });
        return;
      }
      const { engagement } = await changeSession(deps, { teamId, userId, sessionId: choice.sessionId, change: { kind: choice.op } });
      await refreshHome(deps, client, teamId, [engagement.coachId, engagement.leaderId]);
    } catch (error) {
      log.info({ err: error, op: choice.op }, 'session not changed');
      await tellUser(client, body, friendlyMessage(error), log);
      await refreshHome(deps, client, teamId, [userId]);
    }
  });

  app.view(CALLBACKS.reschedule, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: CALLBACKS.reschedule });
    const meta = decodeJson(rescheduleMetaSchema, view.private_metadata);
    const state = viewStateSchema.safeParse(view.state.values);
    const date = state.success ? readInput(state.data, 'date') : undefined;
    const time = state.success ? readInput(state.data, 'time') : undefined;
    if (!meta || !date || !time) {
      await ack({ response_action: 'errors', errors: { [date ? 'time' : 'date']: 'When should the session be?' } });
      return;
    }
    let moved;
    try {
      const tz = await personZone(deps, teamId, userId);
      moved = await changeSession(deps, { teamId, userId, sessionId: meta.sessionId, change: { kind: 'reschedule', at: atLocalTime(date, time, tz) } });
    } catch (error) {
      if (!isDomainError(error)) log.error({ err: error }, 'session not moved');
      await ack({ response_action: 'errors', errors: { time: friendlyMessage(error) } });
      return;
    }
    await ack();
    const { engagement } = moved;
    await tellLeaderOfChange(deps, client, { teamId, userId }, moved, sessionMovedNotice, log);
    if (engagement.status === 'invited') await showInvitationOutcome(deps, client, engagement, undefined, log);
    await refreshHome(deps, client, teamId, [engagement.coachId, engagement.leaderId]);
  });

  app.view(CALLBACKS.cancelSession, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: CALLBACKS.cancelSession });
    const meta = decodeJson(cancelSessionMetaSchema, view.private_metadata);
    if (!meta) return void (await ack({ response_action: 'update', view: sessionNoticeView(OUT_OF_DATE) }));
    let cancelled;
    try {
      cancelled = await changeSession(deps, { teamId, userId, sessionId: meta.sessionId, change: { kind: 'cancel' } });
    } catch (error) {
      if (!isDomainError(error)) log.error({ err: error }, 'session not cancelled');
      await ack({ response_action: 'update', view: sessionNoticeView(friendlyMessage(error)) });
      return;
    }
    await ack();
    const { engagement } = cancelled;
    await tellLeaderOfChange(deps, client, { teamId, userId }, cancelled, sessionCancelledNotice, log);
    await refreshHome(deps, client, teamId, [engagement.coachId, engagement.leaderId]);
  });

  app.action<BlockButtonAction>(ENGAGEMENT_ACTIONS.end, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: ENGAGEMENT_ACTIONS.end });
    const value = parseEngagementValue(body.actions[0]?.value);
    const engagement = value ? await loadEngagement(deps, teamId, value.engagementId) : undefined;
    const role = engagement ? roleOf(engagement, userId) : null;
    if (!engagement || !role) return tellUser(client, body, OUT_OF_DATE, log);
    if (!isLive(engagement.status)) return tellUser(client, body, 'That engagement has already ended; nothing was changed.', log);
    await client.views.open({ trigger_id: body.trigger_id, view: endEngagementModal({ engagementId: engagement.id, invited: engagement.status === 'invited', enderIsCoach: role === 'coach', otherId: otherPartyOf(engagement, userId) }) });
  });

  app.view(CALLBACKS.endEngagement, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: CALLBACKS.endEngagement });
    const form = readSubmission(view, endEngagementMetaSchema, ['reason']);
    if (!form) return void (await ack(errorOn('reason', 'This form could not be read. Please open it again from App Home.')));
    await ack();
    try {
      const result = await endEngagement(deps, { teamId, userId, engagementId: form.meta.engagementId, reason: form.values.reason });
      const { engagement } = result;
      if (result.outcome === 'moved') {
        const enderIsCoach = engagement.coachId === userId;
        const otherId = otherPartyOf(engagement, userId);
        // A withdrawn invitation reaches the leader only as its own DM, updated in place.
        const withdrawn = result.previous === 'invited' && otherId === engagement.leaderId;
        // The reason goes to the coach only: a leader is never told why a coach ended it.
        const reason = enderIsCoach ? null : form.values.reason?.trim();
        if (!withdrawn) await sendDm(client, otherId, endedNotice(userId, reason), log, { db: deps.db, teamId });
        await showInvitationOutcome(deps, client, engagement, undefined, log);
      } else {
        await tellUser(client, body, 'That engagement has already ended; nothing was changed.', log);
      }
      await refreshHome(deps, client, teamId, [engagement.coachId, engagement.leaderId]);
    } catch (error) {
      log.info({ err: error }, 'engagement not ended');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });
};

/**
 * Tells the leader, in their own time zone, of a session their coach moved or cancelled. The
 * coach hears of a leader's change in their next quiet notice instead (the service records it).
 */
async function tellLeaderOfChange(
  deps: SlackDeps,
  client: WebClient,
  who: { teamId: string; userId: string },
  changed: Awaited<ReturnType<typeof changeSession>>,
  notice: (byId: string, seq: number, at: Date, tz: string) => Message,
  log: Logger,
): Promise<void> {
  const { session, engagement } = changed;
  const otherId = otherPartyOf(engagement, who.userId);
  if (otherId !== engagement.leaderId) return;
  const tz = await personZone(deps, who.teamId, otherId);
  await sendDm(client, otherId, notice(who.userId, session.seq, session.scheduledAt, tz), log, { db: deps.db, teamId: who.teamId });
}
