// Moving a session: a date and a time on the viewer's own clock.
import type { View } from '@slack/types';
import { DateTime } from 'luxon';
import { encodeJson } from '../metadata.js';
import { rescheduleMetaSchema } from '../engagement-button-value.js';
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
