// The flow behind every "answer in a modal" button on a nudge DM: the click is checked
// (refused, out of date, or open), the modal opens carrying the ids and where the DM
// lives, the submission is saved by a service verb, and the DM is updated in place. Only
// a message Grow recorded as sent to the person who clicked is ever changed.
import type { App, BlockButtonAction } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import { recordedMessageFor } from '../../services/recorded-message.js';
import type { Message } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import { friendlyMessage } from '../friendly-errors.js';
import { errorOn, readSubmission, UNREADABLE_FORM } from '../modal-submission.js';
import { parseNudgeValue, type NudgeButtonValue } from '../nudge-button-value.js';
import { CALLBACKS, NUDGE_ACTIONS } from '../ids.js';
import { offerSupportIfNeeded, type SignpostSurface } from '../support-signpost.js';
import { messageOf, tellUser, updateOwnMessage, whoActed, type MessageRef } from './engagement-interaction.js';
import { OUT_OF_DATE, REFUSED } from './follow-up-answer.js';

type Who = { teamId: string; userId: string };
type Outcome = { outcome: string };
type Refused = { outcome: 'refused' };
type Invalid = { outcome: 'invalid'; errors: Record<string, string> };

/** The nudge buttons that open a modal: what each listens for and which id its button carries. */
const FLOWS = {
  review: { action: NUDGE_ACTIONS.reviewOpen, callback: CALLBACKS.review, carries: 'engagementId', logged: ['review', 'review'] },
  prep: { action: NUDGE_ACTIONS.prepAnswer, callback: CALLBACKS.prep, carries: 'sessionId', logged: ['prep', 'session prep'] },
  reflection: { action: NUDGE_ACTIONS.followUpReflect, callback: CALLBACKS.reflect, carries: 'actionId', logged: ['reflection', 'reflection'] },
  nextAction: { action: NUDGE_ACTIONS.followUpNextAction, callback: CALLBACKS.nextAction, carries: 'actionId', logged: ['next action', 'next action'] },
} as const satisfies Record<string, { action: string; callback: string; carries: keyof NudgeButtonValue; logged: readonly [string, string] }>;

type FlowName = keyof typeof FLOWS;
type IdsOf<F extends FlowName> = { nudgeId: string } & Record<(typeof FLOWS)[F]['carries'], string>;

export interface NudgeModalFlow<Ids, Check extends Outcome, Result extends Outcome> {
  check: (deps: SlackDeps, input: Who & Ids) => Promise<Check | Refused>;
  staleMessage: (check: Exclude<Check, Refused | { outcome: 'open' }>, ids: Ids) => Message;
  modal: (meta: Ids & Partial<MessageRef>, check: Extract<Check, { outcome: 'open' }>) => View;
  metaSchema: z.ZodType<Ids & Partial<MessageRef>, z.ZodTypeDef, unknown>;
  /** The input blocks read on submit; an error that is nobody's field shows on the first. */
  blockIds: readonly [string, ...string[]];
  save: (deps: SlackDeps, input: Who & Ids & { values: Record<string, string | undefined> }) => Promise<Result | Refused | Invalid>;
  answeredMessage: (result: Exclude<Result, Refused | Invalid>, ids: Ids) => Message;
  /** Where the leader's words were written, to offer the support signpost when they match SUPPORT_PHRASES. */
  signpost?: SignpostSurface;
  /** Anything more to say once the DM shows the answer. */
  afterSave?: (deps: SlackDeps, client: WebClient, who: Who, result: Exclude<Result, Refused | Invalid>, log: Logger) => Promise<void>;
}

const isOpen = <C extends Outcome>(c: C): c is Extract<C, { outcome: 'open' }> => c.outcome === 'open';

export function registerNudgeModalFlow<F extends FlowName, Check extends Outcome, Result extends Outcome>(
  app: App,
  deps: SlackDeps,
  name: F,
  flow: NudgeModalFlow<IdsOf<F>, Check, Result>,
): void {
  type Ids = IdsOf<F>;
  const { action, callback, carries, logged } = FLOWS[name];
  app.action<BlockButtonAction>(action, async ({ ack, body, client }) => {
    await ack();
    const { log, ...who } = whoActed(deps, body, { action });
    const value = parseNudgeValue(body.actions[0]?.value);
    if (!value?.[carries]) return tellUser(client, body, OUT_OF_DATE, log);
    const ids = { nudgeId: value.nudgeId, [carries]: value[carries] } as Ids;
    try {
      const check = await flow.check(deps, { ...who, ...ids });
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      const where = await recordedMessageFor(deps, who, messageOf(body));
      const checked = check as Check;
      if (!isOpen(checked)) return updateOwnMessage(deps, client, who, where, flow.staleMessage(checked as Exclude<Check, Refused | { outcome: 'open' }>, ids), log);
      await client.views.open({ trigger_id: body.trigger_id, view: flow.modal({ ...ids, ...where }, checked) });
    } catch (error) {
      log.warn({ err: error }, `${logged[0]} modal not opened`);
      await tellUser(client, body, friendlyMessage(error), log);
    }
  });

  app.view(callback, async ({ ack, body, view, client }) => {
    const { log, ...who } = whoActed(deps, body, { view: callback });
    const first = flow.blockIds[0];
    const form = readSubmission(view, flow.metaSchema, flow.blockIds);
    if (!form) return void (await ack(errorOn(first, UNREADABLE_FORM)));
    const { channel, ts, ...rest } = form.meta;
    const ids = rest as unknown as Ids;
    let result;
    try {
      result = await flow.save(deps, { ...who, ...ids, values: form.values });
    } catch (error) {
      log.error({ err: error }, `${logged[1]} not saved`);
      return void (await ack(errorOn(first, friendlyMessage(error))));
    }
    if (result.outcome === 'invalid') return void (await ack({ response_action: 'errors', errors: (result as Invalid).errors }));
    if (result.outcome === 'refused') return void (await ack(errorOn(first, REFUSED)));
    await ack();
    const answered = result as Exclude<Result, Refused | Invalid>;
    const where = channel && ts ? { channel, ts } : undefined;
    await updateOwnMessage(deps, client, who, where, flow.answeredMessage(answered, ids), log);
    if (flow.signpost) {
      const words = Object.entries(form.values).flatMap(([id, v]) => (id !== 'visibility' && v ? [v] : []));
      await offerSupportIfNeeded(deps, client, who, words, flow.signpost, log);
    }
    await flow.afterSave?.(deps, client, who, answered, log);
  });
}
