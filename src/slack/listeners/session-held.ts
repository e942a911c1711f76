// Yes / No on the coach's "did this session take place?" DM: the answer replaces the
// buttons in the same message; a session marked meanwhile shows how it stands; a click
// by anyone but the coach it was sent to is refused privately.
import type { App } from '@slack/bolt';
import { answerSessionHeld } from '../../services/session-held.js';
import { sessionHeldAnsweredMessage } from '../blocks/session-held-question.js';
import type { SlackDeps } from '../deps.js';
import { parseNudgeValue } from '../nudge-button-value.js';
import { NUDGE_ACTIONS } from '../ids.js';
import { OUT_OF_DATE, REFUSED, type RefreshHome, messageOf, tellUser, updateOwnMessage } from './engagement-interaction.js';
import { onButton } from './on-button.js';

/** The button's nudge and the session it asks about; null when it carries no session. */
const parseSessionValue = (raw: string | undefined) => {
  const value = parseNudgeValue(raw);
  return value?.sessionId ? { nudgeId: value.nudgeId, sessionId: value.sessionId } : null;
};

export const registerSessionHeld = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  for (const [actionId, held] of [[NUDGE_ACTIONS.sessionHeldYes, true], [NUDGE_ACTIONS.sessionHeldNo, false]] as const) {
    onButton(app, deps, actionId, {
      value: parseSessionValue,
      failed: 'session-held answer not recorded',
      level: 'error',
      handle: async ({ body, client, teamId, userId, value, log }) => {
        const result = await answerSessionHeld(deps, { teamId, userId, ...value, held });
        if (result.outcome === 'refused') return tellUser(client, body, REFUSED, log);
        if (result.outcome === 'gone') return tellUser(client, body, OUT_OF_DATE, log);
        const status = result.status;
        if (status === 'scheduled') return tellUser(client, body, 'That coaching engagement is closed; nothing was changed.', log);
        await updateOwnMessage(deps, client, { teamId, userId }, messageOf(body), sessionHeldAnsweredMessage(result.view, status, result.outcome === 'stale'), log);
        if (result.outcome === 'answered') await refreshHome(deps, client, teamId, [userId, result.view.leaderId]);
      },
    });
  }
};
