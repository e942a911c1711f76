// A closed round as the leader reads it (per target: how many gave each score, the
// leader's own rating at that review beside it, the suggestions in a random order, and
// the choice to share with the coach), and as the coach reads what was shared.
import type { View } from '@slack/types';
import type { CoachPulseView } from '../../domain/privacy/index.js';
import { ANSWERS_TO_RELEASE, formatScore, type PulseStage, type RoundRelease } from '../../domain/pulse/index.js';
import { quoteUserText } from '../mrkdwn.js';
import { actionsBlock, context, message, plain, section, type Block, type Message } from './kit.js';
import { userTextSection } from './nudge-message.js';
import { encodePulseRound } from '../pulse-button-value.js';
import { PULSE_ACTIONS } from '../ids.js';

const TARGET_TEXT_MAX = 500;
const SUGGESTION_TEXT_MAX = 1000;

export interface ResultTarget {
  id: string;
  position: number;
  description: string;
  /** The leader's own 1–10 rating at this stage's review, when given. */
  ownRating?: number | null;
}

export const STAGE_NAMES: Record<PulseStage, string> = { baseline: 'baseline', midpoint: 'midpoint', closing: 'closing' };

/** "+3 ·  ·  +2 ██ 2 …": one line per score, widest bar for the most answers. */
export function distributionLines(distribution: { score: number; count: number }[]): string {
  return [...distribution]
    .reverse()
    .map((d) => `\`${formatScore(d.score).padStart(2, ' ')}\` ${'█'.repeat(d.count)}${d.count > 0 ? ` ${d.count}` : ' ·'}`)
    .join('\n');
}

function targetBlocks(target: ResultTarget, result: { distribution: { score: number; count: number }[]; suggestions?: string[] } | undefined, scored: boolean, own: string | null): Block[] {
  const blocks: Block[] = [userTextSection(`*Target ${target.position}*`, target.description, TARGET_TEXT_MAX)];
  if (!result) return blocks;
  if (scored) blocks.push(section(`${distributionLines(result.distribution)}${own ? `\n${own}` : ''}`));
  const suggestions = result.suggestions ?? [];
  if (!scored && suggestions.length === 0) blocks.push(context('No suggestions for this one.'));
  if (suggestions.length > 0) {
    blocks.push(context(scored ? 'Suggestions, in a random order:' : 'What they suggested, in a random order:'));
    for (const s of suggestions) blocks.push(section(`>${quoteUserText(s, SUGGESTION_TEXT_MAX)}`));
  }
  return blocks;
}

export interface PulseResultsInput {
  roundId: string;
  stage: PulseStage;
  release: RoundRelease;
  asked: number;
  targets: ResultTarget[];
  /** What the leader already chose; the share buttons show only while nothing is shared. */
  visibility: 'private' | 'summary' | 'shared';
}

export function pulseResultsMessage(input: PulseResultsInput): Message {
  const blocks: Block[] = [section(`*Your stakeholders’ ${STAGE_NAMES[input.stage]} round has closed.*`)];
  if (!input.release.released) {
    blocks.push(section(`Not enough answers to keep them anonymous: results are shown only when at least ${ANSWERS_TO_RELEASE} of the people asked answer, and fewer did this time.`));
    return message({ notification: 'Grow: your stakeholder round has closed', blocks });
  }
  const release = input.release;
  const scored = input.stage !== 'baseline';
  blocks.push(context(`${release.answered} of ${input.asked} answered.${scored ? ' Scores run from −3 (less effective) to +3 (more effective).' : ''}`));
  for (const t of input.targets.slice(0, 3)) {
    const own = scored && t.ownRating ? `_Your own rating at this review: ${t.ownRating}/10._` : null;
    blocks.push(...targetBlocks(t, release.targets.find((r) => r.targetId === t.id), scored, own));
  }
  if (input.visibility === 'private') {
    const value = encodePulseRound(input.roundId);
    blocks.push(
      context('Your coach sees none of this unless you share it.'),
      // A baseline has no scores: sharing it means sharing the suggestions.
      actionsBlock('pulse_share', [
        ...(scored ? [{ text: 'Share scores with my coach', actionId: PULSE_ACTIONS.shareSummary, value }] : []),
        { text: scored ? 'Share everything with my coach' : 'Share with my coach', actionId: PULSE_ACTIONS.shareFull, value },
      ]),
    );
  } else blocks.push(context(input.visibility === 'shared' ? 'Shared with your coach in full.' : 'Your coach sees the scores, not the suggestions.'));
  return message({ notification: 'Grow: your stakeholders’ answers are in', blocks });
}

/** The coach's message once the leader shared a round: only what `coachPulseView` let through. */
export function pulseSharedMessage(input: { leaderId: string; stage: PulseStage; view: CoachPulseView; targets: ResultTarget[] }): Message {
  const blocks: Block[] = [
    section(`*<@${input.leaderId}> shared their stakeholders’ ${STAGE_NAMES[input.stage]} round with you.*`),
    context(`${input.view.answered} people answered.${input.view.withSuggestions ? '' : ' Shared as scores only.'}`),
  ];
  for (const t of input.targets.slice(0, 3)) {
    const result = input.view.targets.find((r) => r.targetId === t.id);
    blocks.push(...targetBlocks(t, result, input.stage !== 'baseline', null));
  }
  return message({ notification: 'Grow: a leader shared their stakeholder results with you', blocks });
}

/** The same results in a modal, opened from App Home. */
export function pulseResultsModal(input: PulseResultsInput): View {
  return { type: 'modal', title: plain('Stakeholder results'), close: plain('Close'), blocks: pulseResultsMessage(input).blocks };
}
