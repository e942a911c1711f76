// Settings from App Home: a section showing the person's working window with a
// "Settings" button, the modal it opens, and its submission. Invalid answers are shown
// on the field at fault and change nothing; a saved window re-plans the person's
// engagements (in the service) and redraws their Home.
import type { App, BlockButtonAction } from '@slack/bolt';
import { loadOwnWorkingHours, saveOwnWorkingHours } from '../../services/settings.js';
import { SETTINGS, settingsHomeBlocks, settingsMetaSchema, settingsModal } from '../blocks/settings.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { readInput, readMulti } from '../read-view-state.js';
import type { HomeSection } from './app-home.js';
import { type RefreshHome, tellUser, whoActed } from './engagement-interaction.js';
import { CALLBACKS, PERSON_ACTIONS } from '../ids.js';

/** Shown to everyone: a leader's nudges and a coach's digests both keep to these hours. */
export const settingsSection: HomeSection = async (deps, teamId, userId) => {
  const { window, tz, digest, noticesOff } = await loadOwnWorkingHours(deps, teamId, userId);
  return settingsHomeBlocks(window, tz, digest, noticesOff);
};

export const registerSettings = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  app.action<BlockButtonAction>(PERSON_ACTIONS.settingsOpen, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: PERSON_ACTIONS.settingsOpen });
    try {
      const own = await loadOwnWorkingHours(deps, teamId, userId);
      await client.views.open({ trigger_id: body.trigger_id, view: settingsModal(own) });
    } catch (error) {
      log.warn({ err: error }, 'settings not opened');
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(CALLBACKS.settings, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: CALLBACKS.settings });
    const submission = readSubmission(view, settingsMetaSchema, [SETTINGS.start, SETTINGS.end]);
    if (!submission) return ack(errorOn(SETTINGS.days, UNREADABLE_FORM));
    const answers = { days: readMulti(submission.state, SETTINGS.days), start: submission.values[SETTINGS.start], end: submission.values[SETTINGS.end] };
    // The digest's fields are in the form only for a coach.
    const digestShown = SETTINGS.digestDay in submission.state;
    const digest = digestShown ? { day: readInput(submission.state, SETTINGS.digestDay), time: readInput(submission.state, SETTINGS.digestTime) } : undefined;
    // So are the notice switches; nothing ticked means every notice is off.
    const noticesOn = submission.meta.notices ? readMulti(submission.state, SETTINGS.notices) : undefined;
    let result;
    try {
      result = await saveOwnWorkingHours(deps, { teamId, userId, answers, ...(digest ? { digest } : {}), ...(noticesOn ? { noticesOn } : {}) });
    } catch (error) {
      log.error({ err: error }, 'working hours not saved');
      return ack(errorOn(SETTINGS.days, friendlyMessage(error)));
    }
    if (result.outcome === 'invalid') return ack({ response_action: 'errors', errors: result.errors });
    await ack();
    await refreshHome(deps, client, teamId, [userId]);
  });
};
