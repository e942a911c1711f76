// The stakeholder's side of the pulse: "Answer" opens the modal, "Decline" settles the
// round for them in one click, and submitting stores the answers. Each replaces the DM
// with a line saying where things stand, so the question cannot be answered twice.
import type { App } from '@slack/bolt';
import { scoreBlockId, suggestionBlockId } from '../../domain/pulse/index.js';
import { withoutPerson } from '../../observability/request-context.js';
import { answerPulse, checkPulse, declinePulse } from '../../services/pulse-answer.js';
import { recordedMessageFor } from '../../services/recorded-message.js';
import { pulseAnswerModal } from '../blocks/pulse-modal.js';
import { pulseAnsweredMessage } from '../blocks/pulse-question.js';
import { pulseAnswerMetaSchema } from '../pulse-button-value.js';
import { PULSE_ACTIONS, PULSE_CALLBACKS } from '../ids.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { REFUSED, messageOf, teamOf, tellUser, updateOwnMessage } from './engagement-interaction.js';
import { onRoundButton } from './pulse-round-button.js';

const FIELDS = [1, 2, 3].flatMap((p) => [scoreBlockId(p), suggestionBlockId(p)]);

export function registerPulseAnswer(app: App, deps: SlackDeps): void {
  onRoundButton(app, deps, PULSE_ACTIONS.answerOpen, async ({ body, client, teamId, userId, roundId, log }) => {
    const check = await checkPulse(deps, { teamId, userId, roundId });
    if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
    const where = await recordedMessageFor(deps, { teamId, userId }, messageOf(body));
    if (check.outcome === 'stale') return updateOwnMessage(deps, client, { teamId, userId }, where, pulseAnsweredMessage(check.reason), log);
    const targets = check.targets.map((t) => ({ position: t.position, description: t.description }));
    await client.views.open({ trigger_id: body.trigger_id, view: pulseAnswerModal({ meta: { roundId, ...where }, stage: check.stage, leaderId: check.leaderId, targets }) });
  });

  onRoundButton(app, deps, PULSE_ACTIONS.decline, async ({ body, client, teamId, userId, roundId, log }) => {
    const result = await declinePulse(deps, { teamId, userId, roundId });
    if (result.outcome === 'refused') return tellUser(client, body, REFUSED, log);
    await updateOwnMessage(deps, client, { teamId, userId }, messageOf(body), pulseAnsweredMessage(result.outcome === 'declined' ? 'declined' : result.reason), log);
  });

  app.view(PULSE_CALLBACKS.answer, async ({ ack, body, view, client }) => {
    const teamId = teamOf(body);
    const userId = body.user.id;
    // No user id in this logger: its lines sit next to an answer being saved.
    const log = deps.logger.child({ teamId, view: PULSE_CALLBACKS.answer });
    const form = readSubmission(view, pulseAnswerMetaSchema, FIELDS);
    if (!form) return void (await ack(errorOn(suggestionBlockId(1), UNREADABLE_FORM)));
    const { meta, values } = form;
    let result;
    try {
      result = await withoutPerson(() => answerPulse(deps, { teamId, userId, roundId: meta.roundId, values }));
    } catch (error) {
      log.error({ err: error }, 'pulse answer not saved');
      return void (await ack(errorOn(suggestionBlockId(1), friendlyMessage(error))));
    }
    if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: result.errors }));
    if (result.outcome === 'refused') return void (await ack(errorOn(suggestionBlockId(1), REFUSED)));
    await ack();
    const where = meta.channel && meta.ts ? { channel: meta.channel, ts: meta.ts } : undefined;
    await updateOwnMessage(deps, client, { teamId, userId }, where, pulseAnsweredMessage(result.outcome === 'saved' ? 'saved' : result.reason), log);
  });
}
