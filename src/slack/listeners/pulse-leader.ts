// The leader's side of the pulse: naming stakeholders (from App Home, and right after
// contracting), the *Stakeholders* section, a closed round's results from App Home, and
// the choice to share a round with the coach.
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { leaderRoundResults, resultTargets, sharePulse, type RoundResults } from '../../services/pulse-results.js';
import { loadStakeholdersHome } from '../../services/pulse-home.js';
import { loadStakeholderChoice, nameStakeholders } from '../../services/pulse-stakeholders.js';
import { pulseResultsMessage, pulseResultsModal, type PulseResultsInput } from '../blocks/pulse-results.js';
import { stakeholdersModal, stakeholdersSection } from '../blocks/pulse-stakeholders.js';
import { STAKEHOLDERS_BLOCK, stakeholdersMetaSchema } from '../pulse-button-value.js';
import { PULSE_ACTIONS, PULSE_CALLBACKS } from '../ids.js';
import type { SlackDeps } from '../deps.js';
import { readSubmission, type SubmittedView } from '../modal-submission.js';
import type { HomeSection } from './app-home.js';
import { messageOf, tellUser, updateOwnMessage, type RefreshHome } from './engagement-interaction.js';
import { opensEngagementModal } from './on-button.js';
import { onModalSubmit } from './on-modal-submit.js';
import { OUT_OF_DATE, REFUSED } from './follow-up-answer.js';
import { onRoundButton } from './pulse-round-button.js';

export const stakeholdersHomeSection: HomeSection = async (deps, teamId, userId, tz) => {
  const home = await loadStakeholdersHome(deps, teamId, userId);
  return home ? stakeholdersSection({ ...home, tz }) : [];
};

/** The stakeholder picker for the leader's engagement under way; null when there is none. */
export async function stakeholdersView(deps: SlackDeps, teamId: string, userId: string) {
  const choice = await loadStakeholderChoice(deps, { teamId, userId });
  if (!choice) return null;
  return stakeholdersModal({ meta: { engagementId: choice.engagement.id }, targets: choice.targets.map((t) => t.description), initial: choice.stakeholders });
}

const selectedUsers = z.object({ selected_users: z.array(z.string().max(20)).max(50) }).passthrough();

function readStakeholders(view: SubmittedView) {
  const form = readSubmission(view, stakeholdersMetaSchema, []);
  const picked = selectedUsers.safeParse(Object.values(form?.state[STAKEHOLDERS_BLOCK] ?? {})[0]);
  return form && picked.success ? { engagementId: form.meta.engagementId, selected: picked.data.selected_users } : null;
}

export const registerPulseLeader = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  opensEngagementModal(app, deps, PULSE_ACTIONS.stakeholdersOpen, ({ teamId, userId }) => stakeholdersView(deps, teamId, userId));

  onModalSubmit(app, deps, PULSE_CALLBACKS.stakeholders, {
    field: STAKEHOLDERS_BLOCK,
    read: readStakeholders,
    save: ({ teamId, userId, form }) => nameStakeholders(deps, { teamId, userId, engagementId: form.engagementId, selected: form.selected }),
    failed: 'stakeholders not saved',
    keepOpen: { stale: OUT_OF_DATE },
    saved: ({ client, teamId, userId }) => refreshHome(deps, client, teamId, [userId]),
  });

  onRoundButton(app, deps, PULSE_ACTIONS.resultsOpen, async ({ body, client, teamId, userId, roundId, log }) => {
    const found = await leaderRoundResults(deps, { teamId, userId, roundId });
    if (found.outcome !== 'ready') return tellUser(client, body, found.outcome === 'refused' ? REFUSED : OUT_OF_DATE, log);
    await client.views.open({ trigger_id: body.trigger_id, view: pulseResultsModal(resultsInput(found.results, found.asked)) });
  });

  for (const [actionId, visibility] of [
    [PULSE_ACTIONS.shareSummary, 'summary'],
    [PULSE_ACTIONS.shareFull, 'shared'],
  ] as const) {
    onRoundButton(app, deps, actionId, async ({ body, client, teamId, userId, roundId, log }) => {
      const shared = await sharePulse(deps, { teamId, userId, roundId, visibility });
      if (shared.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      const found = await leaderRoundResults(deps, { teamId, userId, roundId });
      if (found.outcome !== 'ready') return tellUser(client, body, OUT_OF_DATE, log);
      const updated = resultsInput(found.results, found.asked);
      if (messageOf(body)) await updateOwnMessage(deps, client, { teamId, userId }, messageOf(body), pulseResultsMessage(updated), log);
      else if (body.view?.id) await client.views.update({ view_id: body.view.id, view: pulseResultsModal(updated) });
    });
  }
};

function resultsInput(results: RoundResults, asked: number): PulseResultsInput {
  const { round, release, targets } = results;
  return { roundId: round.id, stage: round.stage, release, asked, visibility: round.visibility, targets: resultTargets(targets, round.stage) };
}
