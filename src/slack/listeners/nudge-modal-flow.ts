// The flow behind every "answer in a modal" button on a nudge DM: the click is checked
// (refused, out of date, or open), the modal opens carrying the ids and where the DM
// lives, the submission is saved by a service verb, and the DM is updated in place. Only
// a message Grow recorded as sent to the person who clicked is ever changed.
import type { App } from '@slack/bolt';
import type { View } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { z } from 'zod';
import type { Logger } from '../../logger.js';
import { recordedMessageFor } from '../../services/recorded-message.js';
import type { Message } from '../blocks/kit.js';
import type { SlackDeps } from '../deps.js';
import { readSubmission } from '../modal-submission.js';
import { parseNudgeValue, type NudgeButtonValue } from '../nudge-button-value.js';
import { CALLBACKS, NUDGE_ACTIONS, SPONSOR_ACTIONS, SPONSOR_CALLBACKS } from '../ids.js';
import { offerSupportIfNeeded, type SignpostSurface } from '../support-signpost.js';
import { messageOf, tellUser, updateOwnMessage, type MessageRef } from './engagement-interaction.js';
import { REFUSED } from './follow-up-answer.js';
import { onButton } from './on-button.js';
import { onModalSubmit } from './on-modal-submit.js';

type Who = { teamId: string; userId: string };
type Outcome = { outcome: string };
type Refused = { outcome: 'refused' };
type Invalid = { outcome: 'invalid'; errors: Record<string, string> } | { outcome: 'invalid'; error: string };

/** The nudge buttons that open a modal: what each listens for and which id its button carries. */
const FLOWS = {
  review: { action: NUDGE_ACTIONS.reviewOpen, callback: CALLBACKS.review, carries: 'engagementId', logged: ['review', 'review'] },
  prep: { action: NUDGE_ACTIONS.prepAnswer, callback: CALLBACKS.prep, carries: 'sessionId', logged: ['prep', 'session prep'] },
  reflection: { action: NUDGE_ACTIONS.followUpReflect, callback: CALLBACKS.reflect, carries: 'actionId', logged: ['reflection', 'reflection'] },
  nextAction: { action: NUDGE_ACTIONS.followUpNextAction, callback: CALLBACKS.nextAction, carries: 'actionId', logged: ['next action', 'next action'] },
  sponsorAnswer: { action: SPONSOR_ACTIONS.answerOpen, callback: SPONSOR_CALLBACKS.answer, carries: 'nudgeId', logged: ['sponsor question', 'sponsor answer'] },
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
  const parseIds = (raw: string | undefined) => {
    const value = parseNudgeValue(raw);
    return value?.[carries] ? ({ nudgeId: value.nudgeId, [carries]: value[carries] } as Ids) : null;
  };

  onButton(app, deps, action, {
    value: parseIds,
    failed: `${logged[0]} modal not opened`,
    handle: async ({ body, client, teamId, userId, value: ids, log }) => {
      const who = { teamId, userId };
      const check = await flow.check(deps, { ...who, ...ids });
      if (check.outcome === 'refused') return tellUser(client, body, REFUSED, log);
      const where = await recordedMessageFor(deps, who, messageOf(body));
      const checked = check as Check;
      if (!isOpen(checked)) return updateOwnMessage(deps, client, who, where, flow.staleMessage(checked as Exclude<Check, Refused | { outcome: 'open' }>, ids), log);
      await client.views.open({ trigger_id: body.trigger_id, view: flow.modal({ ...ids, ...where }, checked) });
    },
  });

  onModalSubmit(app, deps, callback, {
    field: flow.blockIds[0],
    read: (view) => readSubmission(view, flow.metaSchema, flow.blockIds),
    save: ({ teamId, userId, form }) => flow.save(deps, { teamId, userId, ...idsOf(form.meta), values: form.values }),
    failed: `${logged[1]} not saved`,
    saved: async ({ client, teamId, userId, form, log }, result) => {
      const who = { teamId, userId };
      const answered = result as Exclude<Result, Refused | Invalid>;
      const { channel, ts } = form.meta;
      const where = channel && ts ? { channel, ts } : undefined;
      await updateOwnMessage(deps, client, who, where, flow.answeredMessage(answered, idsOf(form.meta)), log);
      if (flow.signpost) {
        const words = Object.entries(form.values).flatMap(([id, v]) => (id !== 'visibility' && v ? [v] : []));
        await offerSupportIfNeeded(deps, client, who, words, flow.signpost, log);
      }
      await flow.afterSave?.(deps, client, who, answered, log);
    },
  });
}

/** The ids a modal's metadata carries, without where its DM lives. */
function idsOf<Ids>(meta: Ids & Partial<MessageRef>): Ids {
  const { channel: _channel, ts: _ts, ...ids } = meta;
  return ids as unknown as Ids;
}
