// The coach's "New engagement" modal (callback `engagement_new`): the leader, when the
// first session is on the leader's clock, how many, how often, how long.
import type { View } from '@slack/types';
import { CADENCES, DEFAULT_CADENCE_DAYS, INVITATION_NOTE_MAX, SESSION_COUNT, SESSION_MINUTES, type DraftErrors, type DraftField } from '../../domain/engagement/draft.js';
import { selectInput } from './engagement-inputs.js';
import { context, plain, textInput, type Block } from './kit.js';
import { CALLBACKS } from '../ids.js';

/** Block ids are stable identifiers (see DESIGN.md). */
export const NEW_ENGAGEMENT_BLOCKS: Record<DraftField, string> = {
  leader: 'leader',
  sponsor: 'sponsor',
  startDate: 'start_date',
  sessionTime: 'session_time',
  sessions: 'sessions',
  cadence: 'cadence',
  sessionLength: 'session_length',
  note: 'note',
};

export function engagementNewModal(): View {
  const counts = Array.from({ length: SESSION_COUNT.max - SESSION_COUNT.min + 1 }, (_, i) => String(SESSION_COUNT.min + i));
  const blocks: Block[] = [
    {
      type: 'input',
      block_id: 'leader',
      label: plain('Which leader will you coach?'),
      element: { type: 'users_select', action_id: 'leader', placeholder: plain('Choose a person') },
    },
    {
      type: 'input',
      block_id: 'sponsor',
      optional: true,
      label: plain('Who sponsors this coaching, if anyone?'),
      hint: plain('The leader’s manager or HR partner, for example. The invitation tells the leader who the sponsor is and that a sponsor sees process facts only, never what the leader writes.'),
      element: { type: 'users_select', action_id: 'sponsor', placeholder: plain('Choose a person') },
    },
    {
      type: 'input',
      block_id: 'start_date',
      label: plain('When is the first session?'),
      element: { type: 'datepicker', action_id: 'start_date', placeholder: plain('Pick a date') },
    },
    {
      type: 'input',
      block_id: 'session_time',
      label: plain('At what time?'),
      hint: plain('In the leader’s time zone. Grow shows each of you the time on your own clock, and keeps it the same across daylight-saving changes.'),
      element: { type: 'timepicker', action_id: 'session_time', initial_time: '10:00' },
    },
    selectInput('sessions', 'How many sessions?', counts.map((n) => ({ text: n, value: n })), { initial: String(SESSION_COUNT.default) }),
    selectInput('cadence', 'How often?', CADENCES.map((c) => ({ text: c.label, value: String(c.days) })), { initial: String(DEFAULT_CADENCE_DAYS) }),
    selectInput('session_length', 'How long is each session?', SESSION_MINUTES.choices.map((m) => ({ text: `${m} minutes`, value: String(m) })), {
      initial: String(SESSION_MINUTES.default),
    }),
    textInput('note', 'Why would you like to work with this leader?', INVITATION_NOTE_MAX, {
      optional: true,
      multiline: true,
      hint: 'A personal note in your own words, shown in the invitation. The leader reads it before deciding.',
    }),
    context('The leader is invited first. Nothing is scheduled for them until they accept, and they may decline.'),
  ];
  return {
    type: 'modal',
    callback_id: CALLBACKS.engagementNew,
    title: plain('New engagement'),
    submit: plain('Invite'),
    close: plain('Cancel'),
    blocks,
  };
}

/** Draft errors keyed by the modal's block ids, as `response_action: 'errors'` wants them. */
export function newEngagementErrors(errors: DraftErrors): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors)) if (message) out[NEW_ENGAGEMENT_BLOCKS[field as DraftField]] = message;
  return out;
}
