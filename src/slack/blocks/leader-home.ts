// The leader's App Home: the current action, recent check-ins, the moments they saved
// and a way to check in.
import type { HomeView } from '@slack/types';
import { commitmentSparkline } from '../../domain/checkin/sparkline.js';
import { quoteUserText } from '../mrkdwn.js';
import type { HistoryEntry } from './history.js';
import { actionsBlock, context, divider, header, section, type Block } from './kit.js';
import { ownWordsBlocks, type OwnWordsItem } from './own-words.js';

export interface LeaderHomeInput {
  currentAction?: { text: string; dueLabel: string } | null;
  recent: HistoryEntry[];
  localDate: (d: Date) => string;
  /** The coaching moments the leader saved, newest first (their own words, to them alone). */
  moments?: OwnWordsItem[];
  /** The leader's zone, for the moments' dates. */
  tz?: string;
  /** Extra sections other features add (engagement progress, coach roster…). */
  extra?: Block[];
}

/** How many saved moments App Home shows. */
export const HOME_MOMENTS_SHOWN = 3;

export function leaderHomeView(input: LeaderHomeInput): HomeView {
  const blocks: Block[] = [header('Grow'), actionsBlock('home_actions', [{ text: 'Check in now', actionId: 'checkin_open', style: 'primary' }])];
  blocks.push(divider(), section('*Your current action*'));
  blocks.push(
    input.currentAction
      ? section(`>${quoteUserText(input.currentAction.text, 2000)}\nDue ${input.currentAction.dueLabel}`)
      : context('Nothing open. What will you do next? A check-in takes a few minutes.'),
  );
  if (input.recent.length > 0) {
    blocks.push(divider(), section('*Recent check-ins*'));
    for (const e of input.recent.slice(0, 5)) {
      blocks.push(section(`*${input.localDate(e.createdAt)}* · ${e.commitment}/10 — ${quoteUserText(e.goal, 300)}`));
    }
    blocks.push(context(`Commitment trend: ${commitmentSparkline([...input.recent].reverse().map((e) => e.commitment))}`));
  }
  const moments = (input.moments ?? []).slice(0, HOME_MOMENTS_SHOWN);
  if (moments.length > 0) {
    blocks.push(divider(), section('*Moments you saved*'), ...ownWordsBlocks(moments, input.tz ?? 'UTC'));
    blocks.push(context('Only you see this list.'));
  }
  blocks.push(...(input.extra ?? []));
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
