// Moving a session (a date and a time on the viewer's own clock), and cancelling one
// (asked first, saying who will be told).
import type { View } from '@slack/types';
import { DateTime } from 'luxon';
import { encodeJson } from '../metadata.js';
import { cancelSessionMetaSchema, rescheduleMetaSchema } from '../engagement-button-value.js';
import { context, plain, section } from './kit.js';
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
