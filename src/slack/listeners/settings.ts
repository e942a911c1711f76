// Settings from App Home: a section showing the person's working window with a
// "Settings" button, the modal it opens, and its submission. Invalid answers are shown
// on the field at fault and change nothing; a saved window re-plans the person's
// engagements (in the service) and redraws their Home.
import type { App } from '@slack/bolt';
import { loadOwnWorkingHours, saveOwnWorkingHours } from '../../services/settings.js';
import { SETTINGS, settingsHomeBlocks, settingsMetaSchema, settingsModal } from '../blocks/settings.js';
import type { SlackDeps } from '../deps.js';
import { readSubmission, type SubmittedView } from '../modal-submission.js';
import { readInput, readMulti } from '../read-view-state.js';
import type { HomeSection } from './app-home.js';
import { type RefreshHome } from './engagement-interaction.js';
import { onButton } from './on-button.js';
import { onModalSubmit } from './on-modal-submit.js';
import { CALLBACKS, PERSON_ACTIONS } from '../ids.js';

/** Shown to everyone: a leader's nudges and a coach's digests both keep to these hours. */
export const settingsSection: HomeSection = async (deps, teamId, userId) => {
  const { window, tz, digest, noticesOff } = await loadOwnWorkingHours(deps, teamId, userId);
  return settingsHomeBlocks(window, tz, digest, noticesOff);
};

export const registerSettings = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  onButton(app, deps, PERSON_ACTIONS.settingsOpen, {
    failed: 'settings not opened',
    handle: async ({ body, client, teamId, userId }) => {
      const own = await loadOwnWorkingHours(deps, teamId, userId);
      await client.views.open({ trigger_id: body.trigger_id, view: settingsModal(own) });
    },
  });

  onModalSubmit(app, deps, CALLBACKS.settings, {
    field: SETTINGS.days,
    read: readSettings,
    save: ({ teamId, userId, form }) => saveOwnWorkingHours(deps, { teamId, userId, ...form }),
    failed: 'working hours not saved',
    saved: ({ client, teamId, userId }) => refreshHome(deps, client, teamId, [userId]),
  });
};

function readSettings(view: SubmittedView) {
  const submission = readSubmission(view, settingsMetaSchema, [SETTINGS.start, SETTINGS.end]);
  if (!submission) return null;
  const answers = { days: readMulti(submission.state, SETTINGS.days), start: submission.values[SETTINGS.start], end: submission.values[SETTINGS.end] };
  // The digest's fields are in the form only for a coach.
  const digestShown = SETTINGS.digestDay in submission.state;
  const digest = digestShown ? { day: readInput(submission.state, SETTINGS.digestDay), time: readInput(submission.state, SETTINGS.digestTime) } : undefined;
  // So are the notice switches; nothing ticked means every notice is off.
  const noticesOn = submission.meta.notices ? readMulti(submission.state, SETTINGS.notices) : undefined;
  return { answers, ...(digest ? { digest } : {}), ...(noticesOn ? { noticesOn } : {}) };
}
