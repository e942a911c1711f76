// The follow-up DM on the leader's open action: their words, when it is due, and five
// answers. The buttons are answered elsewhere; this only builds the message.
import { formatLocalDate } from '../../domain/checkin/due-date.js';
import { encodeNudgeValue } from '../nudge-button-value.js';
import { actionsBlock, context, message, section } from './kit.js';
import { LIGHT_DURATION, type Style } from '../../domain/engagement/style.js';
import { defaultQuestion } from '../../domain/questions/draw.js';
import { userTextSection, type NudgeMessage } from './nudge-message.js';
import { NUDGE_ACTIONS } from '../ids.js';

export const FOLLOW_UP_BLOCK_ID = 'followup_answers';

export interface FollowUpInput {
  nudgeId: string;
  actionId: string;
  /** Decrypted action text, as the leader wrote it. */
  actionText: string;
  dueAt: Date;
  tz: string;
  /** The engagement's style; the full rhythm when absent. */
  style?: Style;
  /** The experiment style's prediction, decrypted, when the leader made one. */
  expectation?: string | null;
  /** Asked under the prediction: what did happen, drawn from the bank (its first when absent). */
  outcomeQuestion?: string;
}

const HEADING: Partial<Record<Style, string>> = {
  experiment: '*How did your experiment go?*',
  goal_first: '*How is it going with what you wanted for yourself?*',
};

export function buildFollowUpMessage(input: FollowUpInput): NudgeMessage {
  const value = encodeNudgeValue({ nudgeId: input.nudgeId, actionId: input.actionId });
  return message({
    notification: 'Grow: how is it going with what you committed to?',
    blocks: [
      section(HEADING[input.style ?? 'standard'] ?? '*How is it going with what you committed to?*'),
      userTextSection(`_Your action, due ${formatLocalDate(input.dueAt, input.tz)}:_`, input.actionText),
      ...(input.expectation ? [userTextSection('_You expected:_', input.expectation), section(`*${input.outcomeQuestion ?? defaultQuestion('outcome')}* Tap how it went, then *Reflect…* to note what happened.`)] : []),
      ...(input.style === 'light' ? [context(LIGHT_DURATION.follow_up!)] : []),
      actionsBlock(FOLLOW_UP_BLOCK_ID, [
        { text: 'Done', actionId: NUDGE_ACTIONS.followUpDone, value, style: 'primary' },
        { text: 'Partly', actionId: NUDGE_ACTIONS.followUpPartly, value },
        { text: 'Not yet', actionId: NUDGE_ACTIONS.followUpNotYet, value },
        { text: 'Snooze 2 working days', actionId: NUDGE_ACTIONS.followUpSnooze, value },
        { text: 'Reflect…', actionId: NUDGE_ACTIONS.followUpReflect, value },
      ]),
      context('What got in the way, or what helped? *Reflect…* keeps a note for your next session.'),
    ],
  });
}
