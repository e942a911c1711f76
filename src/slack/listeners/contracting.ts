// Contracting: opened on accepting, or later from the invitation DM or App Home ("Set
// your targets"); submitted once, with inline errors for anything to fix.
import type { App } from '@slack/bolt';
import { isDomainError } from '../../domain/errors.js';
import { loadEngagement } from '../../services/engagement.js';
import { contractingQuestions, loadContractable, submitContracting } from '../../services/engagement-contracting.js';
import { CONTRACTING_FIELDS, CONTRACTING_MESSAGES, contractingModal } from '../blocks/contracting-modal.js';
import { readMulti } from '../read-view-state.js';
import { contractingSponsorBlocks } from '../blocks/sponsor-answers.js';
import { sponsorOutcomesForLeader } from '../../services/sponsor-answers-view.js';
import { contractingMetaSchema, parseEngagementValue } from '../engagement-button-value.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { type RefreshHome, tellUser, whoActed } from './engagement-interaction.js';
import { opensEngagementModal } from './on-button.js';
import { showInvitationOutcome } from './engagement-invitation.js';
import { stakeholdersView } from './pulse-leader.js';
import { errorOn, readSubmission } from '../modal-submission.js';
import { CALLBACKS, ENGAGEMENT_ACTIONS } from '../ids.js';

export const registerContracting = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  opensEngagementModal(app, deps, ENGAGEMENT_ACTIONS.contractingOpen, async (who) => {
    const engagement = await loadContractable(deps, who);
    const [outcomes, questions] = await Promise.all([sponsorOutcomesForLeader(deps, who.teamId, engagement.id, who.userId), contractingQuestions(deps, who)]);
    return contractingModal({ engagementId: engagement.id, coachId: engagement.coachId, sponsor: contractingSponsorBlocks(outcomes), questions });
  });

  app.view(CALLBACKS.contracting, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: CALLBACKS.contracting });
    const form = readSubmission(view, contractingMetaSchema, CONTRACTING_FIELDS);
    if (!form) return void (await ack(errorOn('target1', 'This form could not be read. Please open it again from App Home.')));
    const { meta, values } = form;
    let result;
    try {
      const keptKinds = form.state[CONTRACTING_MESSAGES] ? readMulti(form.state, CONTRACTING_MESSAGES) : undefined;
      result = await submitContracting(deps, { teamId, userId, engagementId: meta.engagementId, values, keptKinds });
    } catch (error) {
      if (!isDomainError(error)) log.error({ err: error }, 'contracting not saved');
      await ack({ response_action: 'errors', errors: { target1: friendlyMessage(error) } });
      return;
    }
    if (result.outcome === 'invalid') {
      await ack({ response_action: 'errors', errors: result.errors });
      return;
    }
    // The same modal moves on to naming stakeholders, who are asked about these targets.
    const next = await stakeholdersView(deps, teamId, userId).catch((error: unknown) => void log.warn({ err: error }, 'stakeholder picker not shown'));
    await ack(next ? { response_action: 'update', view: next } : undefined);
    const engagement = await loadEngagement(deps, teamId, meta.engagementId);
    if (engagement) await showInvitationOutcome(deps, client, engagement, undefined, log);
    await refreshHome(deps, client, teamId, [userId]);
  });
};
