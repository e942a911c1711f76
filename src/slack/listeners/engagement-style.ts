// "Change" on App Home's "How Grow works with you": the style modal, saved; the plan and
// Home follow.
import type { App, BlockButtonAction } from '@slack/bolt';
import { isDomainError } from '../../domain/errors.js';
import { loadStyleChoice, saveStyleChoice } from '../../services/engagement-style.js';
import { STYLE_FIELDS, STYLE_MESSAGES, styleModal } from '../blocks/style-modal.js';
import { contractingMetaSchema, parseEngagementValue } from '../engagement-button-value.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { readMulti } from '../read-view-state.js';
import { type RefreshHome, tellUser, whoActed } from './engagement-interaction.js';
import { CALLBACKS, ENGAGEMENT_ACTIONS } from '../ids.js';

export const registerEngagementStyle = (refreshHome: RefreshHome) => (app: App, deps: SlackDeps) => {
  app.action<BlockButtonAction>(ENGAGEMENT_ACTIONS.styleOpen, async ({ ack, body, client }) => {
    await ack();
    const { teamId, userId, log } = whoActed(deps, body, { action: ENGAGEMENT_ACTIONS.styleOpen });
    const value = parseEngagementValue(body.actions[0]?.value);
    try {
      if (!value) throw new Error('unreadable engagement value');
      const choice = await loadStyleChoice(deps, { teamId, userId, engagementId: value.engagementId });
      await client.views.open({ trigger_id: body.trigger_id, view: styleModal({ engagementId: value.engagementId, ...choice }) });
    } catch (error) {
      log.info({ err: error }, 'style modal not opened');
      await tellUser(client, body, isDomainError(error) ? friendlyMessage(error) : 'That is out of date; nothing was changed.', log);
    }
  });

  app.view(CALLBACKS.style, async ({ ack, body, view, client }) => {
    const { teamId, userId, log } = whoActed(deps, body, { view: CALLBACKS.style });
    const form = readSubmission(view, contractingMetaSchema, STYLE_FIELDS);
    if (!form) return void (await ack(errorOn('style', UNREADABLE_FORM)));
    let result;
    try {
      result = await saveStyleChoice(deps, { teamId, userId, engagementId: form.meta.engagementId, style: form.values.style, keptKinds: readMulti(form.state, STYLE_MESSAGES) });
    } catch (error) {
      if (!isDomainError(error)) log.error({ err: error }, 'style not saved');
      return void (await ack(errorOn('style', friendlyMessage(error))));
    }
    if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: result.errors }));
    await ack();
    await refreshHome(deps, client, teamId, [userId]);
  });
};
