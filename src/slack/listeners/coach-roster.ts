// The coach's roster on App Home: its pages, and "Brief me now", which DMs the coach the
// brief for the next session with that leader.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { briefNow, type BriefTarget } from '../../services/coach-brief.js';
import { lastNoteForBrief } from '../../services/coach-notes.js';
import { personZone } from '../../services/people-sync.js';
import { buildBriefMessage } from '../blocks/brief-message.js';
import type { SlackDeps } from '../deps.js';
import { parseEngagementValue, parseRosterPage } from '../engagement-button-value.js';
import { friendlyMessage } from '../friendly-errors.js';
import { COACH_ACTIONS } from '../ids.js';
import { type RefreshHome, sendDm, tellUser, whoActed } from './engagement-interaction.js';
import type { Logger } from '../../logger.js';

const NOT_DELIVERED = 'Grow could not reach your messages in Slack just now, so the brief was not sent. Please try again in a moment.';

/** Composes the brief and DMs it to the coach; a friendly sentence when there is none to give. */
export async function sendBriefNow(deps: SlackDeps, client: WebClient, who: { teamId: string; userId: string }, target: BriefTarget, log: Logger): Promise<{ sent: true } | { sent: false; reason: string }> {
  try {
    const model = await briefNow(deps, { teamId: who.teamId, coachId: who.userId, target, now: deps.now() });
    const tz = await personZone(deps, who.teamId, who.userId);
    const note = await lastNoteForBrief(deps, { teamId: who.teamId, coachId: who.userId, engagementId: model.engagementId });
    if (!(await sendDm(client, who.userId, buildBriefMessage({ model, tz, note }), log, { db: deps.db, teamId: who.teamId }))) return { sent: false, reason: NOT_DELIVERED };
    log.info({ engagementId: model.engagementId }, 'brief sent on demand');
    return { sent: true };
  } catch (error) {
    log.info({ err: error }, 'brief on demand not sent');
    return { sent: false, reason: friendlyMessage(error) };
  }
}

export const registerCoachRoster = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  for (const actionId of [COACH_ACTIONS.rosterPrevious, COACH_ACTIONS.rosterNext]) {
    app.action<BlockButtonAction>(actionId, async ({ ack, body, client }) => {
      await ack();
      const { teamId, userId } = whoActed(deps, body, { action: actionId });
      await refreshHome(deps, client, teamId, [userId], { rosterPage: parseRosterPage(body.actions[0]?.value) });
    });
  }

  app.action<BlockButtonAction>(COACH_ACTIONS.briefNow, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: COACH_ACTIONS.briefNow });
    const value = parseEngagementValue(body.actions[0]?.value);
    if (!value) return tellUser(client, body, 'That is out of date. Your App Home has the current roster.', log);
    const outcome = await sendBriefNow(deps, client, { teamId, userId }, { engagementId: value.engagementId }, log);
    if (!outcome.sent) await tellUser(client, body, outcome.reason, log);
  });
};
