// The stakeholder's DM: what this is, that it is anonymous, the question for each of the
// leader's targets, and two buttons — answer (a modal) or decline for this round.
import { DateTime } from 'luxon';
import type { PulseStage } from '../../domain/pulse/index.js';
import { actionsBlock, context, message, section, type Block, type Message } from './kit.js';
import { quoteUserText } from '../mrkdwn.js';
import { encodePulseRound } from '../pulse-button-value.js';
import { PULSE_ACTIONS } from '../ids.js';

export const PULSE_QUESTION_BLOCK_ID = 'pulse_actions';
// Up to three targets, each in a section of its own.
export const TARGET_TEXT_MAX = 1000;

export interface PulseQuestionInput {
  roundId: string;
  stage: PulseStage;
  leaderId: string;
  /** The leader's targets, decrypted, in order. */
  targets: string[];
  closesAt: Date;
  /** The stakeholder's own zone, for the closing date. */
  tz: string;
  reminder: boolean;
}

/** "Monday 9 March", on the reader's own calendar. */
export const formatDay = (at: Date, tz: string): string => DateTime.fromJSDate(at, { zone: tz }).toFormat('cccc d LLLL');

/** The question asked about each target at each stage; the target above it names the leader. */
export function pulseQuestion(stage: PulseStage): string {
  return stage === 'baseline'
    ? 'What is one thing they could do to be more effective at this?'
    : 'Over the last weeks, have they become more or less effective at this?';
}

/**
 * One target as a stakeholder reads it: introduced as the leader's own words (a target is
 * written in the first person, "my team"), quoted, then the question about it.
 */
export function pulseTargetSection(n: number, stage: PulseStage, leaderId: string, target: string): Block {
  const intro = `*${n}.* <@${leaderId}> is working on this, in their own words:`;
  const question = pulseQuestion(stage);
  const room = TARGET_TEXT_MAX - intro.length - question.length - 2;
  return { type: 'section', text: { type: 'mrkdwn', text: `${intro}\n${quoteUserText(target, room)}\n${question}`, verbatim: true } };
}

export function pulseQuestionMessage(input: PulseQuestionInput): Message {
  const closes = formatDay(input.closesAt, input.tz);
  const blocks: Block[] = [
    section(
      input.reminder
        ? `*A reminder:* <@${input.leaderId}> would still value your view, until ${closes}. If you would rather not answer, decline below and you will not be asked again this round.`
        : `*<@${input.leaderId}> is working with a coach on how they lead, and has asked for your view.* It takes a minute.`,
    ),
    context(
      `Your answers are anonymous: they are shown to <@${input.leaderId}> only after this round closes on ${closes}, only if at least three people answered, and never with who said what.`,
    ),
  ];
  input.targets.slice(0, 3).forEach((target, i) => {
    blocks.push(pulseTargetSection(i + 1, input.stage, input.leaderId, target));
  });
  const value = encodePulseRound(input.roundId);
  blocks.push(
    actionsBlock(PULSE_QUESTION_BLOCK_ID, [
      { text: 'Answer', actionId: PULSE_ACTIONS.answerOpen, value, style: 'primary' },
      { text: 'Decline', actionId: PULSE_ACTIONS.decline, value },
    ]),
  );
  const notification = input.reminder ? 'Grow: a reminder, a colleague would still value your anonymous view' : 'Grow: a colleague would value your anonymous view, it takes a minute';
  return message({ notification, blocks });
}

const NOTES = {
  saved: '✅ Thank you. Your answers are in, without your name.',
  declined: 'You declined this round. You will not be asked again until the next one.',
  answered: 'You have already answered this round. Thank you.',
  closed: 'This round has closed.',
  not_open: 'This round has not opened yet.',
  ended: 'This coaching engagement has ended, so there is nothing to answer.',
} as const;

export type PulseNote = keyof typeof NOTES;

/** Replaces the question once it is answered, declined or out of date. */
export function pulseAnsweredMessage(note: PulseNote): Message {
  return message({ notification: `Grow: ${NOTES[note]}`, blocks: [section(NOTES[note])] });
}
