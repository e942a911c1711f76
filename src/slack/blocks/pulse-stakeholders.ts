// Naming stakeholders: a modal that says, before the leader confirms, what each person
// will be asked and how their answers are kept anonymous; and the *Stakeholders* section
// of the leader's App Home.
import type { View } from '@slack/types';
import type { z } from 'zod';
import { ANSWERS_TO_RELEASE, OPEN_WORKING_DAYS, STAKEHOLDERS_MAX, STAKEHOLDERS_MIN, type PulseStage } from '../../domain/pulse/index.js';
import { encodeJson } from '../metadata.js';
import { actionsBlock, context, divider, inputBlock, plain, section, type Block } from './kit.js';
import { userTextSection } from './nudge-message.js';
import { formatDay } from './pulse-question.js';
import { STAGE_NAMES } from './pulse-results.js';
import { encodePulseRound, STAKEHOLDERS_BLOCK, stakeholdersMetaSchema } from '../pulse-button-value.js';
import { PULSE_ACTIONS, PULSE_CALLBACKS } from '../ids.js';
import { encodeEngagementValue } from '../engagement-button-value.js';

const TARGET_TEXT_MAX = 500;

export function stakeholdersModal(input: { meta: z.input<typeof stakeholdersMetaSchema>; targets: string[]; initial: string[] }): View {
  const blocks: Block[] = [
    section('*Who sees you at work?* Name peers, people who report to you and your manager. Grow tells them you are working with a coach on how you lead, and asks them a short question in Slack at the start, at the midpoint and at the close.'),
  ];
  if (input.targets.length > 0) {
    blocks.push(section('For each of your targets they are asked, at the start, _“What is one thing you could do to be more effective at this?”_, and later _“Over the last weeks, have you become more or less effective at this?”_ (−3 to +3) with one suggestion:'));
    input.targets.slice(0, 3).forEach((t, i) => blocks.push(userTextSection(`*Target ${i + 1}*`, t, TARGET_TEXT_MAX)));
  } else {
    blocks.push(section('They are asked about each of the targets you set at contracting; their first round starts once your targets are saved.'));
  }
  blocks.push(
    context(
      `Anonymous: you see answers only after a round closes (${OPEN_WORKING_DAYS} working days after it opens), only if at least ${ANSWERS_TO_RELEASE} people answered, and never who said what. Each person may decline. Your coach sees results only if you share them.`,
    ),
    inputBlock(STAKEHOLDERS_BLOCK, `Your stakeholders (${STAKEHOLDERS_MIN} to ${STAKEHOLDERS_MAX})`, {
      type: 'multi_users_select',
      action_id: STAKEHOLDERS_BLOCK,
      max_selected_items: STAKEHOLDERS_MAX,
      placeholder: plain('Choose people'),
      ...(input.initial.length ? { initial_users: input.initial.slice(0, STAKEHOLDERS_MAX) } : {}),
    }),
  );
  return {
    type: 'modal',
    callback_id: PULSE_CALLBACKS.stakeholders,
    title: plain('Stakeholders'),
    submit: plain('Confirm'),
    close: plain('Not now'),
    private_metadata: encodeJson(stakeholdersMetaSchema, input.meta),
    blocks,
  };
}

export interface HomeRound {
  id: string;
  stage: PulseStage;
  opensAt: Date;
  closesAt: Date;
  opened: boolean;
  closed: boolean;
  asked: number;
  answered: number;
  released: boolean;
}

/** The leader's App Home section: who is named, each round's state, a way to change the names. */
export function stakeholdersSection(input: { engagementId: string; stakeholders: string[]; rounds: HomeRound[]; tz: string }): Block[] {
  const blocks: Block[] = [divider(), section('*Stakeholders*')];
  if (input.stakeholders.length === 0) {
    blocks.push(context(`Name ${STAKEHOLDERS_MIN}–${STAKEHOLDERS_MAX} colleagues and Grow asks them, anonymously, what they see change.`));
  } else {
    blocks.push(section(input.stakeholders.map((u) => `<@${u}>`).join(', ')));
  }
  for (const r of input.rounds) {
    const name = STAGE_NAMES[r.stage];
    const state = !r.closed
      ? !r.opened
        ? `opens ${formatDay(r.opensAt, input.tz)}`
        : `open until ${formatDay(r.closesAt, input.tz)}; ${r.asked} asked`
      : r.released
        ? `closed; ${r.answered} of ${r.asked} answered`
        : 'closed; not enough answers to keep them anonymous';
    blocks.push(context(`*${name[0]!.toUpperCase()}${name.slice(1)} round:* ${state}`));
    if (r.closed && r.released) blocks.push(actionsBlock(`pulse_round_${r.stage}`, [{ text: `See the ${name} results`, actionId: PULSE_ACTIONS.resultsOpen, value: encodePulseRound(r.id) }]));
  }
  blocks.push(
    actionsBlock('pulse_stakeholders', [
      { text: input.stakeholders.length ? 'Change stakeholders' : 'Choose stakeholders', actionId: PULSE_ACTIONS.stakeholdersOpen, value: encodeEngagementValue(input.engagementId) },
    ]),
  );
  return blocks;
}
