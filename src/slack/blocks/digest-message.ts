// The coach's weekly digest DM: per leader, what they let the coach see this week, the
// next session on the coach's clock, and questions worth bringing. Rendered from the
// digest model (itself built only from coach views); every leader's word is escaped.
import type { DigestLeader, DigestModel } from '../../domain/digest/index.js';
import { signalQuestion } from '../../domain/digest/index.js';
import { describeProgress } from '../../domain/engagement/progress.js';
import { quoteUserText } from '../mrkdwn.js';
import { attentionQuestion, needsAttention } from '../../domain/engagement/attention.js';
import { context, header, message, type Block } from './kit.js';
import { packDigest, type LeaderGroup } from './digest-packing.js';
import { ACTION_STATUS_LABELS, fittedSection, type CoachMessageInput, formatCoachTime, formatShortDate, mention, sharedItemLines } from './digest-text.js';
import type { NudgeMessage } from './nudge-message.js';

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
  // The attention questions cover unanswered follow-ups; the older signal says it once.
  const older = leader.attention.length > 0 ? leader.signals.filter((s) => s.kind !== 'follow_ups_unanswered') : leader.signals;
  const questions = [...leader.attention.map(attentionQuestion), ...older.map(signalQuestion)];
  if (questions.length === 0) return null;
  return fittedSection(['*Questions you might bring*', ...questions.map((q) => `• ${q}`)]);
}

function leaderBlocks(leader: DigestLeader, tz: string): Block[] {
  return [factsSection(leader, tz), sharedSection(leader, tz), questionsSection(leader)].filter((b): b is Block => b !== null);
}

/** One line for a leader who needs no more this week, or whose brief comes within a day. */
function oneLine(leader: DigestLeader, tz: string): string {
  const parts = [`*${mention(leader.leaderId)}*`];
  if (leader.briefAt && leader.nextSessionAt) parts.push(`session ${formatCoachTime(leader.nextSessionAt, tz)} — brief tomorrow, with this week in it`);
  else parts.push(leader.nextSessionAt ? `next session ${formatCoachTime(leader.nextSessionAt, tz)}` : 'no session booked');
  if (!leader.briefAt) parts.push(leader.checkInCount > 0 ? `${leader.checkInCount} check-ins (commitment ${leader.scores.join(', ')})` : 'no check-ins shared this week');
  return `• ${parts.join(' · ')}`;
}

/** Full detail for those with something to ask about, unless their brief is about to carry it. */
const inFull = (leader: DigestLeader) => leader.briefAt === null && (needsAttention(leader.attention) || leader.signals.length > 0);

function oneLineGroups(leaders: DigestLeader[], tz: string): LeaderGroup[] {
  // One section per ten leaders keeps each well inside a section's 3000 characters.
  const groups: LeaderGroup[] = [];
  for (let i = 0; i < leaders.length; i += 10) {
    const slice = leaders.slice(i, i + 10);
    const title = i === 0 ? ['*Everyone else this week*'] : [];
    groups.push({ leaderIds: slice.map((l) => l.leaderId), blocks: [fittedSection([...title, ...slice.map((l) => oneLine(l, tz))])] });
  }
  return groups;
}

export interface DigestParts {
  /** The digest itself. */
  message: NudgeMessage;
  about: string[];
  /** Replies in its thread, when one message cannot hold every leader. */
  replies: { message: NudgeMessage; about: string[] }[];
}

const NOTIFICATION = 'Grow: your weekly coaching digest, what your leaders shared and questions to bring';

/** Every leader, in order of need: in full when there is something to ask, otherwise one line; overflow in the thread. */
export function buildDigestParts({ model, tz }: DigestMessageInput): DigestParts {
  const head: Block[] = [
    header('Your week with your leaders'),
    context(`From ${formatShortDate(model.since, tz)} to ${formatShortDate(model.until, tz)}. Only what each leader chose to share with you.`),
  ];
  if (model.leaders.length === 0) {
    return { message: message({ notification: NOTIFICATION, blocks: [...head, fittedSection(['No active coaching engagements this week.'])] }), about: [], replies: [] };
  }
  const full = model.leaders.filter(inFull);
  const rest = model.leaders.filter((l) => !inFull(l));
  const groups: LeaderGroup[] = [...full.map((l) => ({ leaderIds: [l.leaderId], blocks: leaderBlocks(l, tz) })), ...oneLineGroups(rest, tz)];
  const parts = packDigest(head, groups, (n) => context(`Your week with your leaders, continued (${n}).`));
  const [first, ...more] = parts.map((p, i) => ({ message: message({ notification: i === 0 ? NOTIFICATION : 'Grow: your weekly coaching digest, continued', blocks: p.blocks }), about: p.leaderIds }));
  return { ...first!, replies: more };
}

/** The first message of the digest (the whole digest when it fits in one). */
export function buildDigestMessage(input: DigestMessageInput): NudgeMessage {
  return buildDigestParts(input).message;
}
