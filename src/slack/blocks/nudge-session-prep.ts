// The DM one working day before a session: what the leader already said since the last
// session (their own words, to them alone), then one real example to bring and what they
// want from it. Answering opens a modal built elsewhere.
import { DateTime } from 'luxon';
import { encodeNudgeValue } from '../nudge-button-value.js';
import { actionsBlock, context, message, section, type Block } from './kit.js';
import { PREP_QUESTIONS } from '../../domain/engagement/reflection.js';
import { LIGHT_DURATION, type Style } from '../../domain/engagement/style.js';
import { userTextSection, type NudgeMessage } from './nudge-message.js';
import { ownWordsBlocks, type OwnWordsItem } from './own-words.js';
import { NUDGE_ACTIONS } from '../ids.js';

export const SESSION_PREP_BLOCK_ID = 'prep_actions';

export interface SessionPrepInput {
  nudgeId: string;
  sessionId: string;
  sessionAt: Date;
  tz: string;
  /** The leader's open action, decrypted, when there is one. */
  actionText?: string | null;
  /** The engagement's style: the light rhythm says how long this takes. */
  style?: Style;
  /** What the prep modal will ask (`prepQuestionsFor`); the usual two when absent. */
  questions?: Record<string, string>;
  /** What the leader wrote since the last session (reflections, saved moments), newest first. */
  saidSince?: OwnWordsItem[];
  /** Actions the leader answered since the last session, newest first. */
  answeredSince?: { text: string; status: 'done' | 'partly' | 'not_yet'; answeredAt: Date }[];
}

/** At most this many of the leader's own entries are shown back; the DM stays readable. */
export const SAID_SINCE_MAX = 5;

/** "Thursday 3 December at 10:00", on the leader's own clock. */
export function formatSessionTime(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: tz }).toFormat("cccc d LLLL 'at' HH:mm");
}

const ANSWER_TEXT = { done: 'Done', partly: 'Partly', not_yet: 'Not yet' } as const;

export function buildSessionPrepMessage(input: SessionPrepInput): NudgeMessage {
  const blocks: Block[] = [section(`*Your next coaching session is ${formatSessionTime(input.sessionAt, input.tz)}.* What will you bring to it?`)];
  if (input.actionText) blocks.push(userTextSection('_You committed to:_', input.actionText));
  const answered = (input.answeredSince ?? []).slice(0, SAID_SINCE_MAX);
  const said = (input.saidSince ?? []).slice(0, SAID_SINCE_MAX);
  if (answered.length + said.length > 0) {
    blocks.push(context('What you already said since your last session — only you see this here:'));
    for (const a of answered) {
      const day = DateTime.fromJSDate(a.answeredAt, { zone: input.tz }).toFormat('ccc d LLL');
      blocks.push(userTextSection(`_Your action — you answered *${ANSWER_TEXT[a.status]}* on ${day}:_`, a.text, 600));
    }
    blocks.push(...ownWordsBlocks(said, input.tz));
  }
  blocks.push(
    section(Object.values(input.questions ?? PREP_QUESTIONS).map((q) => `• ${q}`).join('\n')),
    actionsBlock(SESSION_PREP_BLOCK_ID, [
      {
        text: 'Answer',
        actionId: NUDGE_ACTIONS.prepAnswer,
        value: encodeNudgeValue({ nudgeId: input.nudgeId, sessionId: input.sessionId }),
        style: 'primary',
      },
    ]),
  );
  if (input.style === 'light') blocks.push(context(LIGHT_DURATION.session_prep!));
  return message({ notification: 'Grow: what do you want from your next coaching session?', blocks });
}
