// The contracting modal: up to three behavioural targets with a baseline and an optional
// level, the coachability questions each with its own visibility, and the terms of
// confidentiality in plain words. Block ids are the field names the rules read.
import type { View } from '@slack/types';
import {
  ANSWER_TEXT_MAX,
  COACHABILITY_QUESTIONS,
  CONFIDENTIALITY_TERMS,
  LEVELS,
  MAX_TARGETS,
  RESISTANCES,
  TARGET_TEXT_MAX,
  type OpenCoachabilityQuestion,
} from '../../domain/engagement/contracting.js';
import { LEVEL_DESCRIPTIONS, levelLabel } from '../../domain/engagement/levels.js';
import { encodeJson } from '../metadata.js';
import { coachSeesSentence } from '../../domain/privacy/promises.js';
import { VISIBILITY_TEXT } from './checkin-modal.js';
import { messagesInput, ratingInput, selectInput, textAnswer, visibilityInput } from './engagement-inputs.js';
import { contractingMetaSchema } from '../engagement-button-value.js';
import { context, divider, option, plain, section, type Block } from './kit.js';
import { CALLBACKS } from '../ids.js';

/** Every block id whose value the submission reads. */
export const CONTRACTING_FIELDS = [
  ...Array.from({ length: MAX_TARGETS }, (_, i) => [`target${i + 1}`, `baseline${i + 1}`, `level${i + 1}`]).flat(),
  ...(['worked', 'not_worked', 'worthwhile', 'openness', 'resistance'] as const).flatMap((q) => [q, `${q}_visibility`]),
];

/** The five levels, each with what it is about, shown where the leader picks one. */
function levelGuide(): string {
  return ['*The five levels of leadership*, each building on the one before:', ...LEVELS.map((name, i) => `${i + 1}. *${name}* — ${LEVEL_DESCRIPTIONS[i]}`)].join('\n');
}
/** The checkboxes of the messages the leader wants; read with `readMulti`. */
export const CONTRACTING_MESSAGES = 'messages';

const ORDINAL: Record<number, string> = { 2: 'second', 3: 'third' };

function targetBlocks(position: number): Block[] {
  const first = position === 1;
  return [
    textAnswer(`target${position}`, first ? 'Target 1 — what will people see you do differently?' : `Is there a ${ORDINAL[position]} behaviour you want to change?`, TARGET_TEXT_MAX, {
      optional: !first,
      multiline: false,
      ...(first ? { hint: 'Specific and observable, e.g. “Raise difficult topics with my team in the week they come up.”' } : {}),
    }),
    ratingInput(`baseline${position}`, 'Where are you on this today, 1 to 10?', { optional: !first }),
    selectInput(`level${position}`, 'Which level of leadership is it about?', LEVELS.map((_, i) => ({ text: levelLabel(i + 1), value: String(i + 1) })), { optional: true }),
  ];
}

export interface ContractingModalInput {
  engagementId: string;
  coachId: string;
  sponsor?: Block[];
  /** The open coachability questions drawn for this leader; the bank's first for each when absent. */
  questions?: Partial<Record<OpenCoachabilityQuestion, string>>;
}

export function contractingModal(input: ContractingModalInput): View {
  const asked = { ...COACHABILITY_QUESTIONS, ...input.questions };
  const blocks: Block[] = [
    ...(input.sponsor ?? []).slice(0, 2),
    section(`*What do you want to change while <@${input.coachId}> coaches you?* Up to three behaviours that others could see you do differently.`),
    context(levelGuide()),
  ];
  for (let p = 1; p <= MAX_TARGETS; p++) blocks.push(...(p > 1 ? [divider()] : []), ...targetBlocks(p));
  blocks.push(
    divider(),
    section('*Before we start*'),
    textAnswer('worked', asked.worked, ANSWER_TEXT_MAX),
    visibilityInput('worked_visibility'),
    textAnswer('not_worked', asked.not_worked, ANSWER_TEXT_MAX),
    visibilityInput('not_worked_visibility'),
    textAnswer('worthwhile', asked.worthwhile, ANSWER_TEXT_MAX),
    visibilityInput('worthwhile_visibility'),
    ratingInput('openness', COACHABILITY_QUESTIONS.openness, { hint: 'An honest number helps more than a high one.' }),
    visibilityInput('openness_visibility'),
    {
      type: 'input',
      block_id: 'resistance',
      optional: true,
      label: plain(COACHABILITY_QUESTIONS.resistance),
      element: { type: 'radio_buttons', action_id: 'resistance', options: Object.entries(RESISTANCES).map(([value, text]) => option(text, value)) },
    },
    visibilityInput('resistance_visibility'),
    messagesInput(CONTRACTING_MESSAGES, 'Which messages would you like from Grow between sessions?', []),
    context('Untick any you don’t want; session prep is what helps most. Your answer above also shapes them, and you can change both on App Home.'),
    context(`*${VISIBILITY_TEXT.summary}*: ${coachSeesSentence('reflection', 'summary')} *${VISIBILITY_TEXT.shared}*: ${coachSeesSentence('reflection', 'shared')} *${VISIBILITY_TEXT.private}*: ${coachSeesSentence('reflection', 'private')}`),
    divider(),
    section(`*Our terms, in plain words*\n${CONFIDENTIALITY_TERMS.map((t) => `• ${t}`).join('\n')}`),
  );
  return {
    type: 'modal',
    callback_id: CALLBACKS.contracting,
    title: plain('Your coaching'),
    submit: plain('Save'),
    close: plain('Later'),
    private_metadata: encodeJson(contractingMetaSchema, { engagementId: input.engagementId }),
    blocks,
  };
}
