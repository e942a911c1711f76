// The coach's weekly digest DM: per leader, what they let the coach see this week, the
// next session on the coach's clock, and questions worth bringing. Rendered from the
// digest model (itself built only from coach views); every leader's word is escaped.
import type { DigestLeader, DigestModel } from '../../domain/digest/index.js';
import { signalQuestion } from '../../domain/digest/index.js';
import { describeProgress } from '../../domain/engagement/progress.js';
import { quoteUserText } from '../mrkdwn.js';
import { context, divider, header, message, type Block } from './kit.js';
import { ACTION_STATUS_LABELS, fittedSection, type CoachMessageInput, formatCoachTime, formatShortDate, mention, sharedItemLines } from './digest-text.js';
import type { NudgeMessage } from './nudge-message.js';

// Slack allows 50 blocks in a message; one is kept for the note on leaders left out.
const MESSAGE_BLOCKS = 50;
// Goals and actions share one section; a few of each, kept short, leave room for both.
const GOALS_SHOWN = 5;
const GOAL_MAX = 200;
const ACTION_MAX = 200;
const ANSWER_MAX = 600;

export type DigestMessageInput = CoachMessageInput<DigestModel>;

function factsSection(leader: DigestLeader, tz: string): Block {
  const next = leader.nextSessionAt ? `next session ${formatCoachTime(leader.nextSessionAt, tz)}` : 'no session booked';
  const lines = [`*${mention(leader.leaderId)}* · ${describeProgress(leader.progress)} · ${next}`];
  lines.push(
    leader.checkInCount > 0
      ? `Check-ins this week: ${leader.checkInCount} (commitment ${leader.scores.join(', ')})`
      : 'No check-ins shared this week.',
  );
  if (leader.goals.length > 0) {
    lines.push('*Goals*', ...leader.goals.slice(0, GOALS_SHOWN).map((g) => `• ${quoteUserText(g, GOAL_MAX)}`));
    if (leader.goals.length > GOALS_SHOWN) lines.push(`_…and ${leader.goals.length - GOALS_SHOWN} more goals_`);
  }
  if (leader.actions.length > 0) {
    lines.push(
      '*Actions*',
      ...leader.actions.map((a) => {
        const what = a.text === null ? 'An action (kept to a summary)' : quoteUserText(a.text, ACTION_MAX);
        return `• ${what} — ${ACTION_STATUS_LABELS[a.status]}, due ${formatShortDate(a.dueAt, tz)}`;
      }),
    );
  }
  return fittedSection(lines);
}

function sharedSection(leader: DigestLeader, tz: string): Block | null {
  if (leader.shared.length === 0 && leader.summarisedCount === 0) return null;
  const lines = ['*What they shared*', ...leader.shared.flatMap((item) => sharedItemLines(item, tz, ANSWER_MAX))];
  if (leader.summarisedCount > 0) {
    const n = leader.summarisedCount;
    lines.push(`_${n === 1 ? 'One more reflection was' : `${n} more reflections were`} kept to a summary._`);
  }
  return fittedSection(lines);
}

function questionsSection(leader: DigestLeader): Block | null {
  if (leader.signals.length === 0) return null;
  return fittedSection(['*Questions you might bring*', ...leader.signals.map((s) => `• ${signalQuestion(s)}`)]);
}

function leaderBlocks(leader: DigestLeader, tz: string): Block[] {
  return [factsSection(leader, tz), sharedSection(leader, tz), questionsSection(leader)].filter((b): b is Block => b !== null);
}

// A context element holds 2000 characters; the note names leaders while there is room.
const NOTE_MAX = 2000;

function restNote(names: string[]): string {
  const open = 'No room left here for ';
  const close = '. Your App Home has them.';
  const listed: string[] = [];
  for (const [i, name] of names.entries()) {
    const others = names.length - i - 1;
    const tail = others > 0 ? ` and ${others} more` : '';
    if (open.length + [...listed, name].join(', ').length + tail.length + close.length > NOTE_MAX) break;
    listed.push(name);
  }
  const unnamed = names.length - listed.length;
  return `${open}${listed.join(', ')}${unnamed > 0 ? ` and ${unnamed} more` : ''}${close}`;
}

/**
 * Leaders' groups of blocks in order, with dividers between them when everything fits
 * that way; otherwise without; and if even that is too many, as many leaders as fit and
 * a note naming the rest.
 */
function packLeaders(groups: { leaderId: string; blocks: Block[] }[], room: number): Block[] {
  const withDividers = groups.flatMap((g, i) => (i === 0 ? g.blocks : [divider(), ...g.blocks]));
  if (withDividers.length <= room) return withDividers;
  const out: Block[] = [];
  let shown = 0;
  for (const g of groups) {
    if (out.length + g.blocks.length > room - 1) break;
    out.push(...g.blocks);
    shown++;
  }
  if (shown === groups.length) return out;
  out.push(context(restNote(groups.slice(shown).map((g) => mention(g.leaderId)))));
  return out;
}

export function buildDigestMessage({ model, tz }: DigestMessageInput): NudgeMessage {
  const blocks: Block[] = [
    header('Your week with your leaders'),
    context(`The seven days to ${formatShortDate(model.until, tz)}. Only what each leader chose to share with you.`),
  ];
  if (model.leaders.length === 0) {
    blocks.push(fittedSection(['No active coaching engagements this week.']));
  } else {
    const groups = model.leaders.map((l) => ({ leaderId: l.leaderId, blocks: leaderBlocks(l, tz) }));
    blocks.push(...packLeaders(groups, MESSAGE_BLOCKS - blocks.length));
  }
  return message({ notification: 'Grow: your weekly coaching digest, what your leaders shared and questions to bring', blocks });
}
