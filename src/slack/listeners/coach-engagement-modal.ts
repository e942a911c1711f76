// The coach's "button on an engagement → modal → save" flows (a private note, a question
// of their own, a session recap): one registration for what they share. Only the
// engagement's coach gets the modal; a refusal or a closed engagement is told in words,
// to the coach alone; a failed save keeps the modal open with what they wrote.
import type { App } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import { coachEngagementMetaSchema, parseEngagementValue } from '../engagement-button-value.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { tellUser, whoActed } from './engagement-interaction.js';
import { REFUSED } from './follow-up-answer.js';
import { onButton } from './on-button.js';

type Who = { teamId: string; userId: string; engagementId: string };
type Check = { outcome: 'refused' } | { outcome: 'closed' } | { outcome: 'open'; leaderId: string };
type Saved<R> = { outcome: 'invalid'; errors: Record<string, string> } | { outcome: 'refused' } | { outcome: 'closed' } | R;

export interface CoachEngagementModal<R extends { outcome: string }> {
  /** The button's action id and the modal's callback id. */
  action: string;
  callback: string;
  /** The input block an error that is nobody's field shows on, and every block read. */
  blocks: readonly [string, ...string[]];
  /** What the coach is told when the engagement no longer takes this. */
  closed: string;
  /** How the log names it: "note", "question", "recap". */
  logged: string;
  check: (deps: SlackDeps, who: Who) => Promise<Check>;
  modal: (input: { engagementId: string; leaderId: string }) => View;
  save: (deps: SlackDeps, input: Who & { values: Record<string, string | undefined> }) => Promise<Saved<R>>;
  /** Anything more before the modal closes; a sentence returned keeps it open with that error. */
  afterSave?: (client: WebClient, who: Who, result: R, log: Logger) => Promise<string | void>;
}

const isSettled = <R>(result: Saved<R>): result is Exclude<Saved<R>, R> =>
  ['invalid', 'refused', 'closed'].includes((result as { outcome: string }).outcome);

export function registerCoachEngagementModal<R extends { outcome: string }>(app: App, deps: SlackDeps, flow: CoachEngagementModal<R>): void {
  const field = flow.blocks[0];
  onButton(app, deps, flow.action, {
    value: parseEngagementValue,
    failed: `${flow.logged} modal not opened`,
    handle: async ({ body, client, teamId, userId, value, log }) => {
      const check = await flow.check(deps, { teamId, userId, engagementId: value.engagementId });
      if (check.outcome !== 'open') return tellUser(client, body, check.outcome === 'refused' ? REFUSED : flow.closed, log);
      await client.views.open({ trigger_id: body.trigger_id, view: flow.modal({ engagementId: value.engagementId, leaderId: check.leaderId }) });
    },
  });

  app.view(flow.callback, async ({ ack, body, view, client }) => {
    const { log, ...who } = whoActed(deps, body, { view: flow.callback });
    const form = readSubmission(view, coachEngagementMetaSchema, flow.blocks);
    if (!form) return void (await ack(errorOn(field, UNREADABLE_FORM)));
    const where = { ...who, engagementId: form.meta.engagementId };
    try {
      const result = await flow.save(deps, { ...where, values: form.values });
      if (isSettled(result)) {
        if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: result.errors }));
        return void (await ack(errorOn(field, result.outcome === 'refused' ? REFUSED : flow.closed)));
      }
      const problem = await flow.afterSave?.(client, where, result as R, log);
      await ack(problem ? errorOn(field, problem) : undefined);
    } catch (error) {
      log.error({ err: error }, `${flow.logged} not saved`);
      await ack(errorOn(field, friendlyMessage(error)));
    }
  });
}
