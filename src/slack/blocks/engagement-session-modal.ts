// Moving a session (a date and a time on the viewer's own clock), cancelling one (asked
// first, saying who will be told), and ending the engagement (with an optional reason).
import type { View } from '@slack/types';
import { DateTime } from 'luxon';
import { encodeJson } from '../metadata.js';
import { cancelSessionMetaSchema, endEngagementMetaSchema, rescheduleMetaSchema } from '../engagement-button-value.js';
import { context, plain, section, textInput } from './kit.js';
import { formatSessionTime } from './nudge-session-prep.js';
import { CALLBACKS } from '../ids.js';

export function rescheduleModal(input: { sessionId: string; seq: number; at: Date; tz: string }): View {
  const local = DateTime.fromJSDate(input.at, { zone: input.tz });
  return {
    type: 'modal',
    callback_id: CALLBACKS.reschedule,
    title: plain('Move a session'),
    submit: plain('Move'),
    close: plain('Cancel'),
    private_metadata: encodeJson(rescheduleMetaSchema, { sessionId: input.sessionId }),
    blocks: [
      section(`Session ${input.seq} is now *${formatSessionTime(input.at, input.tz)}*. When should it be?`),
      {
        type: 'input',
        block_id: 'date',
        label: plain('On what date?'),
        element: { type: 'datepicker', action_id: 'date', initial_date: local.toFormat('yyyy-LL-dd') },
      },
      {
        type: 'input',
        block_id: 'time',
        label: plain('At what time?'),
        element: { type: 'timepicker', action_id: 'time', initial_time: local.toFormat('HH:mm') },
      },
      context(`On your clock (${input.tz}). The other person sees it on theirs.`),
    ],
  };
}

/** "Cancel session 3?": the session on the viewer's clock, and that the other person is told. */
export function cancelSessionModal(input: { sessionId: string; seq: number; at: Date; tz: string; otherId: string }): View {
  return {
    type: 'modal',
    callback_id: CALLBACKS.cancelSession,
    title: plain('Cancel a session'),
    submit: plain('Cancel session'),
    close: plain('Keep it'),
    private_metadata: encodeJson(cancelSessionMetaSchema, { sessionId: input.sessionId }),
    blocks: [
      section(`Cancel session ${input.seq}, *${formatSessionTime(input.at, input.tz)}*?`),
      context(`<@${input.otherId}> will be told. Its session prep and reminders will not be sent. To change the time instead, choose *Move…*.`),
    ],
  };
}

/** What replaces the confirmation when the session could not be cancelled (already changed, no longer allowed). */
export function sessionNoticeView(text: string): View {
  return { type: 'modal', title: plain('Cancel a session'), close: plain('OK'), blocks: [section(text)] };
}

export const END_REASON_MAX = 500;

/**
 * Ending an engagement (or withdrawing an invitation): asked first, with an optional
 * reason that only the person ending it and the coach see.
 */
export function endEngagementModal(input: { engagementId: string; invited: boolean; enderIsCoach: boolean; otherId: string }): View {
  const who = input.enderIsCoach ? `Only you see it; <@${input.otherId}> is told only that it ended.` : `Only you and <@${input.otherId}> (your coach) see it.`;
  return {
    type: 'modal',
    callback_id: CALLBACKS.endEngagement,
    title: plain(input.invited ? 'Withdraw invitation' : 'End engagement'),
    submit: plain(input.invited ? 'Withdraw' : 'End it'),
    close: plain('Keep it'),
    private_metadata: encodeJson(endEngagementMetaSchema, { engagementId: input.engagementId }),
    blocks: [
      section(`*${input.invited ? 'Withdraw this invitation' : 'End this engagement'}?* Nothing more will be sent for it. What was already written stays with its author.`),
      textInput('reason', 'Why are you ending it?', END_REASON_MAX, { optional: true, multiline: true }),
      context(`The reason is optional. ${who}`),
    ],
  };
}
