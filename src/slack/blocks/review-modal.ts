// Midpoint and closing reviews: each target with its baseline shown, rated again 1–10;
// at the midpoint each target's wording can be revised, its baseline kept.
// After the closing review the leader gets the before/after in one message.
import type { View } from '@slack/types';
import type { z } from 'zod';
import { TARGET_TEXT_MAX as TARGET_TEXT_MAX_CHARS } from '../../domain/engagement/contracting.js';
import { describeChange, LOOKING_BACK_MAX, type ReviewStage } from '../../domain/engagement/review.js';
import { encodeJson } from '../metadata.js';
import { ratingInput, visibilityInput } from './engagement-inputs.js';
import { closingVisibilityLine } from '../review-visibility.js';
import { reviewMetaSchema } from '../engagement-button-value.js';
import { context, message, plain, section, textInput, type Block, type Message } from './kit.js';
import { userTextSection } from './nudge-message.js';
import { distributionLines } from './pulse-results.js';
import { CALLBACKS } from '../ids.js';
import { coachSeesSentence } from '../../domain/privacy/promises.js';
import { VISIBILITY_TEXT } from './checkin-modal.js';
import { defaultQuestion } from '../../domain/questions/draw.js';

export interface ReviewTargetView {
  id?: string;
  position: number;
  description: string;
  baseline: number;
  midpointRating: number | null;
  closingRating: number | null;
}

// Three targets, each quoted in full up to this: the modal stays well under Slack's limits.
const TARGET_TEXT_MAX = 1000;

/** The stakeholders' released scores for this review's round, per target id. */
export interface ReviewStakeholderScores {
  answered: number;
  byTarget: Record<string, { score: number; count: number }[]>;
}

const CLOSING_VISIBILITY_NOTE = (['private', 'summary', 'shared'] as const).map(closingVisibilityLine).join(' ') + ' You get your before and after either way.';

/** What the coach sees of the looking-back answer at each choice, from the rule the coach's view applies. */
const LOOKING_BACK_NOTE = (['private', 'summary', 'shared'] as const).map((v) => `${VISIBILITY_TEXT[v]}: ${coachSeesSentence('reflection', v)}`).join(' ');

export interface ReviewModalInput {
  meta: z.input<typeof reviewMetaSchema>;
  stage: ReviewStage;
  targets: ReviewTargetView[];
  stakeholders?: ReviewStakeholderScores | null;
  /** The closing review's looking-back question. */
  question?: { id: string; text: string };
  /** The midpoint's question, as its DM asked it (the bank's first when absent). */
  opening?: string;
}

export function reviewModal(input: ReviewModalInput): View {
  const blocks: Block[] = [
    section(input.stage === 'midpoint' ? `*Halfway through.* ${input.opening ?? defaultQuestion('midpoint')}` : '*Your last session is behind you.* Where are you now on each target?'),
  ];
  for (const t of input.targets.slice(0, 3)) {
    const since = input.stage === 'closing' && t.midpointRating ? `, ${t.midpointRating}/10 at the midpoint` : '';
    blocks.push(
      userTextSection(`*Target ${t.position}* — you started at ${t.baseline}/10${since}:`, t.description, TARGET_TEXT_MAX),
    );
    // What the stakeholders said, next to where the leader places themselves.
    const scores = t.id ? input.stakeholders?.byTarget[t.id] : undefined;
    if (scores) blocks.push(section(`_Your ${input.stakeholders!.answered} stakeholders, less (−3) to more (+3) effective:_\n${distributionLines(scores)}`));
    blocks.push(ratingInput(`rating${t.position}`, `Where are you now on target ${t.position}, 1 to 10?`));
    if (input.stage === 'midpoint') {
      blocks.push(
        textInput(`reword${t.position}`, `Does target ${t.position} still say what you want to change?`, TARGET_TEXT_MAX_CHARS, {
          optional: true,
          multiline: true,
          initial: t.description,
          hint: `If it no longer fits, reword it here. Where you started (${t.baseline}/10) stays as it was.`,
        }),
      );
    }
  }
  if (input.stage === 'closing') {
    if (input.question) blocks.push(textInput('looking_back', input.question.text, LOOKING_BACK_MAX, { optional: true, multiline: true }));
    blocks.push(visibilityInput('visibility', 'Who sees these ratings?'), context(CLOSING_VISIBILITY_NOTE));
    if (input.question) blocks.push(context(`Your answer above is kept with the same choice. ${LOOKING_BACK_NOTE}`));
  } else {
    blocks.push(context('Your coach sees these ratings; what you wrote stays as you shared it.'));
  }
  return {
    type: 'modal',
    callback_id: CALLBACKS.review,
    title: plain(input.stage === 'midpoint' ? 'Midpoint review' : 'Closing review'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: encodeJson(reviewMetaSchema, input.meta),
    blocks,
  };
}

/** The closing summary DM: where the leader started and where they are now, per target. */
export function closingSummaryMessage(targets: ReviewTargetView[]): Message {
  const blocks: Block[] = [section('*Where you started, and where you are now.*')];
  for (const t of targets.slice(0, 3)) {
    if (t.closingRating === null) continue;
    blocks.push(userTextSection(`*Target ${t.position}:* ${describeChange({ baseline: t.baseline, closing: t.closingRating })}`, t.description, TARGET_TEXT_MAX));
  }
  // It ends on no question: the sessions are over, and there is nowhere left to answer one.
  blocks.push(context('That completes your coaching in Grow. `/grow export` sends you a copy of everything you wrote.'));
  return message({ notification: 'Grow: your coaching, before and after. Where you started and where you are now.', blocks });
}

const REVIEW_NOTE = {
  saved: '✅ Ratings saved — thank you.',
  answered: '✅ You have already rated your targets for this review.',
  ended: 'This coaching engagement is closed.',
  gone: 'This message is out of date.',
  no_targets: 'There are no targets to rate yet. You can set them from the Grow Home tab.',
} as const;

export function reviewAnsweredMessage(note: keyof typeof REVIEW_NOTE): Message {
  return message({ notification: `Grow: ${REVIEW_NOTE[note]}`, blocks: [section(REVIEW_NOTE[note])] });
}
