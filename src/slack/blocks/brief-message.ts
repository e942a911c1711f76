// The coach's brief before a session: targets with their ratings so far, goals and the
// commitment trend, what the leader wants from this session, actions and what they
// shared since last time, and questions to bring. Rendered from the brief model (built
// only from a coach view); every leader's word is escaped.
import type { BriefModel } from '../../domain/digest/index.js';
import { signalQuestion } from '../../domain/digest/index.js';
import { commitmentSparkline } from '../../domain/checkin/sparkline.js';
import { groupByLevel, levelLabel } from '../../domain/engagement/levels.js';
import { STYLE_TEXT } from '../../domain/engagement/style.js';
import { describeProgress } from '../../domain/engagement/progress.js';
import { escapeMrkdwn, quoteUserText } from '../mrkdwn.js';
import { actionsBlock, context, message, section, type Block, type Message } from './kit.js';
import { encodeEngagementValue } from '../engagement-button-value.js';
import { COACH_ACTIONS } from '../ids.js';
import { ACTION_STATUS_LABELS, fittedSection, type CoachMessageInput, formatCoachTime, formatShortDate, mention, sharedItemLines } from './digest-text.js';
import type { NudgeMessage } from './nudge-message.js';

/** How many characters of each leader's text a brief shows before cutting it short. */
const MAX = { target: 400, goal: 300, action: 300, answer: 800, checkInPart: 550 } as const;

export type BriefMessageInput = CoachMessageInput<BriefModel> & {
  /** What of the sponsor's answers the coach may read. */
  sponsor?: Block[];
  /** The coach's own last note on this engagement: only ever in the brief to that coach. */
  note?: { text: string; createdAt: Date } | null;
};

/** How much of the coach's last note a brief shows. */
const NOTE_SHOWN = 1500;

function targetLines(model: BriefModel): string[] {
  if (model.targets.length === 0) return [];
  const line = (t: BriefModel['targets'][number]) => {
    const ratings = [`started at ${t.baseline}/10`];
    if (t.midpointRating !== null) ratings.push(`midpoint ${t.midpointRating}/10`);
    if (t.closingRating !== null) ratings.push(`closing ${t.closingRating}/10`);
    return `${t.position}. ${quoteUserText(t.description, MAX.target)} — ${ratings.join(', ')}`;
  };
  // Grouped by level, foundation first, so the coach sees where the work sits on the hierarchy.
  return [
    '*Targets* (agreed at contracting)',
    ...groupByLevel(model.targets).flatMap((g) => [`_${g.level !== null ? escapeMrkdwn(levelLabel(g.level)) : 'No level chosen'}_`, ...g.targets.map(line)]),
  ];
}

function goalLines(model: BriefModel): string[] {
  const lines: string[] = [];
  if (model.goals.length > 0) lines.push('*Goals they are working on*', ...model.goals.map((g) => `• ${quoteUserText(g, MAX.goal)}`));
  lines.push(
    model.commitments.length > 0
      ? `*Commitment* ${commitmentSparkline(model.commitments)} ${model.commitments.join(' → ')}`
      : '*Commitment* no check-ins shared yet',
  );
  return lines;
}

function checkInLines(model: BriefModel, tz: string): string[] {
  const c = model.latestShared;
  if (!c) return [];
  const part = (label: string, text: string | null) => (text ? [`_${label}_ ${quoteUserText(text.replace(/\s+/g, ' '), MAX.checkInPart)}`] : []);
  return [
    `*Their latest shared check-in* (${formatShortDate(c.createdAt, tz)})`,
    ...part('Goal:', c.goal),
    ...part('Reality:', c.reality),
    ...part('Options:', c.options),
    ...part('Will:', c.will),
    ...part('What would make it a 10:', c.makeItTen),
  ];
}

function prepLines(model: BriefModel): string[] {
  const title = '*What they want from this session*';
  if (!model.prep) return [title, 'Nothing shared yet. What would they like to leave the session with?'];
  if (model.prep.visibility === 'summary') return [title, 'They prepared, and kept their answers to a summary.'];
  return [title, ...model.prep.answers.map((a) => `• ${a.question ? `_${a.question}_ ` : ''}${quoteUserText(a.text.replace(/\s+/g, ' '), MAX.answer)}`)];
}

/** A rating the leader let the coach see at contracting (by the rule, any rating not kept private). */
function contractingLines(model: BriefModel): string[] {
  if (model.contractingRatings.length === 0) return [];
  return ['*At contracting*', ...model.contractingRatings.map((r) => `• _${escapeMrkdwn(r.question)}_ ${r.rating}/10`)];
}

function actionLines(model: BriefModel, tz: string): string[] {
  if (model.actions.length === 0) return [];
  return [
    '*Actions since last time*',
    ...model.actions.map((a) => {
      const what = a.text === null ? 'An action (kept to a summary)' : quoteUserText(a.text, MAX.action);
      return `• ${what} — ${ACTION_STATUS_LABELS[a.status]}, due ${formatShortDate(a.dueAt, tz)}`;
    }),
  ];
}

/** Shared reflections and moments get a section of their own, so actions cannot crowd them out. */
function sharedLines(model: BriefModel, tz: string): string[] {
  const lines: string[] = [];
  if (model.shared.length > 0) lines.push('*What they shared*', ...model.shared.flatMap((item) => sharedItemLines(item, tz, MAX.answer)));
  if (model.summarisedCount > 0) {
    const n = model.summarisedCount;
    lines.push(`_${n === 1 ? 'One reflection was' : `${n} reflections were`} kept to a summary._`);
  }
  return lines;
}

/** The form of resistance they shared, the style Grow started them on, and, before the first session, how to open. */
function openingLines(model: BriefModel): string[] {
  const o = model.opening;
  if (!o) return [];
  return [
    `*How they came in* — at contracting they said “${escapeMrkdwn(o.resistance)}”, so Grow started them on *${escapeMrkdwn(STYLE_TEXT[o.style].name)}*: ${escapeMrkdwn(STYLE_TEXT[o.style].line)}`,
    ...(o.questions.length > 0 ? ['_To open the first session, you might ask:_', ...o.questions.map((q) => `• ${escapeMrkdwn(q)}`)] : []),
  ];
}

export function buildBriefMessage({ model, tz, sponsor = [], note = null }: BriefMessageInput): NudgeMessage {
  const who = mention(model.leaderId);
  const of = model.progress.past > 0 ? ` (${describeProgress(model.progress)})` : '';
  const since = model.previousAt ? `Since the last session on ${formatShortDate(model.previousAt, tz)}. ` : '';
  const blocks: Block[] = [
    fittedSection([`*Your session with ${who} is ${formatCoachTime(model.session.scheduledAt, tz)}*${of}.`]),
    context(`${since}Only what ${who} chose to share with you.`),
  ];
  for (const lines of [openingLines(model), targetLines(model), goalLines(model), checkInLines(model, tz), prepLines(model), contractingLines(model), actionLines(model, tz), sharedLines(model, tz)]) {
    if (lines.length > 0) blocks.push(fittedSection(lines));
  }
  blocks.push(...sponsor.slice(0, 2));
  const questions = [...model.signals.map((s) => signalQuestion(s)), ...(model.foundation ? [model.foundation] : [])];
  if (questions.length > 0) blocks.push(fittedSection(['*Questions you might bring*', ...questions.map((q) => `• ${q}`)]));
  if (note) blocks.push(fittedSection([`*Your last note* (${formatShortDate(note.createdAt, tz)}, only you can see it)`, quoteUserText(note.text, NOTE_SHOWN)]));
  blocks.push(actionsBlock('coach_brief_actions', [{ text: note ? 'Add another note' : 'Add a private note', actionId: COACH_ACTIONS.noteOpen, value: encodeEngagementValue(model.engagementId) }]));
  return message({ notification: 'Grow: your brief for the next coaching session', blocks });
}

/** The acknowledgement of `/grow brief @leader`: the leader named in the blocks, where it shows and pings no one. */
export function briefOnItsWayMessage(leaderId: string): Message {
  return message({
    notification: 'Grow: building your brief',
    blocks: [section(`Building your brief for ${mention(leaderId)}… it will arrive in your messages from Grow.`)],
  });
}
