// The sponsor's two DMs (what outcomes the organisation hopes for; what change they have
// seen), the modal that takes the answer, and the line the DM becomes once answered. Each
// says who will read the answer, as the code decides it.
import type { View } from '@slack/types';
import type { z } from 'zod';
import { SPONSOR_ANSWER_MAX } from '../../domain/notes/sponsor-answer.js';
import { encodeJson } from '../metadata.js';
import { encodeSponsorAsk, sponsorAnswerMetaSchema } from '../sponsor-button-value.js';
import { SPONSOR_ACTIONS, SPONSOR_CALLBACKS } from '../ids.js';
import { actionsBlock, context, message, plain, section, textInput, type Block, type Message } from './kit.js';

export type SponsorQuestion = 'outcomes' | 'change';

export const SPONSOR_ANSWER_BLOCK = 'sponsor_answer';

export interface SponsorQuestionInput {
  question: SponsorQuestion;
  nudgeId: string;
  leaderId: string;
  coachId: string;
}

export const SPONSOR_QUESTIONS: Record<SponsorQuestion, (leaderId: string) => string> = {
  outcomes: () => 'What outcomes would the organisation like from this coaching?',
  change: (leaderId) => `What change have you seen in how <@${leaderId}> leads since the coaching began?`,
};

/** Who reads the answer: what `sponsor-answer` and the surfaces that show it do. */
export const WHO_READS: Record<SponsorQuestion, (leaderId: string) => string> = {
  outcomes: (l) => `Your answer is not confidential: <@${l}> and their coach will see it, when they agree targets and before sessions.`,
  change: (l) => `<@${l}> will see your answer. Their coach sees it only if <@${l}> chooses to share it.`,
};

export function sponsorQuestionMessage(input: SponsorQuestionInput): Message {
  const { leaderId, coachId, question } = input;
  const opening =
    question === 'outcomes'
      ? `*<@${leaderId}> has started coaching with <@${coachId}>, and you are named as the sponsor.*`
      : `*<@${leaderId}>’s coaching with <@${coachId}> is coming to its close.*`;
  const blocks: Block[] = [
    section(`${opening}\n${SPONSOR_QUESTIONS[question](leaderId)}`),
    context(WHO_READS[question](leaderId)),
    actionsBlock('sponsor_actions', [{ text: 'Answer', actionId: SPONSOR_ACTIONS.answerOpen, value: encodeSponsorAsk(input.nudgeId), style: 'primary' }]),
  ];
  if (question === 'outcomes') {
    blocks.push(context(`As sponsor you see where the engagement stands (sessions held, reviews done, and when) on Grow’s App Home, never what <@${leaderId}> writes.`));
  }
  return message({
    notification: question === 'outcomes' ? 'Grow: as sponsor of a coaching engagement, what outcomes would you like?' : 'Grow: a coaching engagement you sponsor is closing; what change have you seen?',
    blocks,
  });
}

export function sponsorAnswerModal(input: { meta: z.input<typeof sponsorAnswerMetaSchema>; question: SponsorQuestion; leaderId: string }): View {
  return {
    type: 'modal',
    callback_id: SPONSOR_CALLBACKS.answer,
    private_metadata: encodeJson(sponsorAnswerMetaSchema, input.meta),
    title: plain(input.question === 'outcomes' ? 'Outcomes hoped for' : 'Change seen'),
    submit: plain('Send'),
    close: plain('Cancel'),
    blocks: [
      section(SPONSOR_QUESTIONS[input.question](input.leaderId)),
      textInput(SPONSOR_ANSWER_BLOCK, 'Your answer', SPONSOR_ANSWER_MAX, { multiline: true }),
      context(WHO_READS[input.question](input.leaderId)),
    ],
  };
}

export type SponsorAnswerNote = 'saved' | 'answered' | 'ended' | 'gone';

const NOTES: Record<SponsorAnswerNote, string> = {
  saved: '✅ Thank you — your answer is saved.',
  answered: 'This question has already been answered.',
  ended: 'This engagement has ended, so this question is closed.',
  gone: 'This engagement no longer exists in Grow.',
};

export function sponsorAnsweredMessage(note: SponsorAnswerNote): Message {
  return message({ notification: 'Grow: your answer as sponsor', blocks: [section(NOTES[note])] });
}
