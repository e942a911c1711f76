// The midpoint and closing reviews: where is the leader now on each behavioural target,
// against the baseline they gave at contracting. Rating happens in a modal built elsewhere.
import { encodeNudgeValue } from '../nudge-button-value.js';
import { actionsBlock, context, message, section, type Block } from './kit.js';
import { experimentOutcome, experimentsToShow, type Experiment } from '../../domain/engagement/experiments.js';
import { userTextSection, type NudgeMessage } from './nudge-message.js';
import { NUDGE_ACTIONS } from '../ids.js';
import { defaultQuestion } from '../../domain/questions/draw.js';

export const REVIEW_BLOCK_ID = 'review_actions';

// Up to three targets; each gets a section of its own so one long target cannot crowd out the rest.
const TARGET_TEXT_MAX = 1000;

export interface ReviewTarget {
  /** Decrypted description, as the leader wrote it. */
  description: string;
  baseline: number;
}

export interface ReviewInput {
  nudgeId: string;
  engagementId: string;
  stage: 'midpoint' | 'closing';
  targets: ReviewTarget[];
  /** The experiment style's closing review: predictions against outcomes. */
  experiments?: Experiment[];
  /** The midpoint's question, drawn from the bank for this leader (its first when absent). */
  question?: string;
}

function experimentBlocks(list: readonly Experiment[]): Block[] {
  const { shown, earlier } = experimentsToShow(list);
  if (shown.length === 0) return [];
  return [
    section(`*Your experiments: what you expected, and what happened*${earlier > 0 ? ` (the latest ${shown.length}; ${earlier} earlier)` : ''}`),
    ...shown.flatMap((e) => [
      userTextSection(`*You tried* (${experimentOutcome(e.status)}):`, e.action, 700),
      userTextSection('_You expected:_', e.expected, 1000),
      ...(e.happened ? [userTextSection('_What happened:_', e.happened, 1000)] : [context('You did not note what happened.')]),
    ]),
    context('The evidence is yours: where did what happened differ from what you expected?'),
  ];
}

const OPENING = {
  midpoint: (question: string) => `*You are halfway through your coaching.* ${question}`,
  closing: () => '*Your coaching engagement has reached its last session.* Looking back, where are you now on what you set out to change?',
} as const;

export function buildReviewMessage(input: ReviewInput): NudgeMessage {
  const blocks: Block[] = [section(OPENING[input.stage](input.question ?? defaultQuestion('midpoint')))];
  input.targets.slice(0, 3).forEach((target, i) => {
    blocks.push(userTextSection(`*Target ${i + 1}* (you started at ${target.baseline}/10):`, target.description, TARGET_TEXT_MAX));
  });
  if (input.stage === 'closing' && input.experiments) blocks.push(...experimentBlocks(input.experiments));
  blocks.push(
    actionsBlock(REVIEW_BLOCK_ID, [
      {
        text: input.stage === 'midpoint' ? 'Rate my progress' : 'Rate and close',
        actionId: NUDGE_ACTIONS.reviewOpen,
        value: encodeNudgeValue({ nudgeId: input.nudgeId, engagementId: input.engagementId }),
        style: 'primary',
      },
    ]),
  );
  const notification = input.stage === 'midpoint' ? 'Grow: halfway through, where are you now on your targets?' : 'Grow: your last session, where are you now on your targets?';
  return message({ notification, blocks });
}
