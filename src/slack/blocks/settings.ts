// A person's settings: the App Home section that shows their working window with a
// "Settings" button, and the modal that changes it. Times are on the person's Slack
// clock; the zone itself is shown but not offered, because it follows their profile.
import type { View } from '@slack/types';
import { z } from 'zod';
import type { DigestTime } from '../../domain/digest/index.js';
import { NOTICE_TOPICS, TOPIC_LABELS, type NoticeTopic } from '../../domain/notices/index.js';
import { formatClock, type WorkingWindow } from '../../domain/time/working-window.js';
import { encodeJson } from '../metadata.js';
import { actionsBlock, context, divider, option, plain, section, type Block } from './kit.js';
import { CALLBACKS, PERSON_ACTIONS } from '../ids.js';

export const SETTINGS = {
  days: 'work_days',
  start: 'work_start',
  end: 'work_end',
  digestDay: 'digest_day',
  digestTime: 'digest_time',
  notices: 'coach_notices',
} as const;

/** The form's version: a modal opened by an older release is read as outdated, not trusted. */
export const settingsMetaSchema = z.object({ v: z.literal(1), notices: z.literal(true).optional() }).strict();

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const DAY_LABELS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const dayOption = (day: number) => option(DAY_LABELS[day - 1]!, String(day));

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,6,7] → "Mon, Wed, Sat, Sun"; all seven → "every day". */
export function describeDays(days: number[]): string {
  if (days.length === 7) return 'every day';
  const runs: number[][] = [];
  for (const d of [...days].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === d - 1) last.push(d);
    else runs.push([d]);
  }
  const name = (d: number) => DAY_NAMES[d - 1]!;
  return runs.map((r) => (r.length >= 3 ? `${name(r[0]!)}–${name(r[r.length - 1]!)}` : r.map(name).join(', '))).join(', ');
}

export const describeWindow = (w: WorkingWindow) => `${describeDays(w.workDays)}, ${formatClock(w.startMinute)}–${formatClock(w.endMinute)}`;

const DAY_FULL = (day: number) => DAY_LABELS[day - 1]!;

/** "all on", "all off" or the kinds still on, for the coach's Settings line. */
function describeNotices(off: readonly string[]): string {
  const on = NOTICE_TOPICS.filter((t) => !off.includes(t));
  if (on.length === NOTICE_TOPICS.length) return 'Quiet updates about your engagements: all on.';
  if (on.length === 0) return 'Quiet updates about your engagements: all off.';
  return `Quiet updates about your engagements: ${on.map((t) => TOPIC_LABELS[t].replace(/^A leader /, '').toLowerCase()).join('; ')}.`;
}

export function settingsHomeBlocks(window: WorkingWindow, tz: string, digest: DigestTime | null = null, noticesOff: readonly string[] = []): Block[] {
  const digestLine = digest ? `\nYour weekly digest comes on ${DAY_FULL(digest.day)} at ${formatClock(digest.minute)}.\n${describeNotices(noticesOff)}` : '';
  return [
    divider(),
    section(`*Settings*\nGrow writes to you ${describeWindow(window)} (${tz}).${digestLine}`),
    actionsBlock('settings_actions', [{ text: 'Settings', actionId: PERSON_ACTIONS.settingsOpen }]),
  ];
}

// A time picker stops at 23:59; a window that runs to midnight is shown as ending then.
const pickerTime = (minute: number) => formatClock(Math.min(minute, 23 * 60 + 59));

/** For a coach: the day and time of the weekly digest, on their own clock. */
function digestBlocks(digest: DigestTime): Block[] {
  return [
    {
      type: 'input',
      block_id: SETTINGS.digestDay,
      label: plain('On which day would you like your weekly digest?'),
      element: { type: 'static_select', action_id: SETTINGS.digestDay, options: [1, 2, 3, 4, 5, 6, 7].map(dayOption), initial_option: dayOption(digest.day) },
    },
    {
      type: 'input',
      block_id: SETTINGS.digestTime,
      label: plain('At what time?'),
      hint: plain('It covers the seven days before it, and waits for your working hours if it falls outside them.'),
      element: { type: 'timepicker', action_id: SETTINGS.digestTime, initial_time: formatClock(digest.minute) },
    },
  ];
}

const noticeOption = (topic: NoticeTopic) => option(TOPIC_LABELS[topic], topic);

/** For a coach: which quiet updates they get, late morning and mid afternoon in their working hours. */
function noticeBlocks(off: readonly string[]): Block[] {
  const on = NOTICE_TOPICS.filter((t) => !off.includes(t));
  return [
    {
      type: 'input',
      block_id: SETTINGS.notices,
      optional: true,
      label: plain('Tell me, in one quiet update at most twice a day, when…'),
      hint: plain('Only that it happened: never what a leader wrote or why they paused.'),
      element: { type: 'checkboxes', action_id: SETTINGS.notices, options: NOTICE_TOPICS.map(noticeOption), ...(on.length > 0 ? { initial_options: on.map(noticeOption) } : {}) },
    },
  ];
}

export function settingsModal(input: { window: WorkingWindow; tz: string; digest?: DigestTime | null; noticesOff?: readonly string[] }): View {
  const { window, tz } = input;
  return {
    type: 'modal',
    callback_id: CALLBACKS.settings,
    title: plain('Settings'),
    submit: plain('Save'),
    close: plain('Cancel'),
    private_metadata: encodeJson(settingsMetaSchema, input.digest ? { v: 1, notices: true } : { v: 1 }),
    blocks: [
      section('When may Grow write to you? Follow-ups, session prep and reviews arrive only then.'),
      {
        type: 'input',
        block_id: SETTINGS.days,
        label: plain('On which days do you work?'),
        element: {
          type: 'checkboxes',
          action_id: SETTINGS.days,
          options: [1, 2, 3, 4, 5, 6, 7].map(dayOption),
          ...(window.workDays.length > 0 ? { initial_options: window.workDays.map(dayOption) } : {}),
        },
      },
      {
        type: 'input',
        block_id: SETTINGS.start,
        label: plain('When does your working day start?'),
        element: { type: 'timepicker', action_id: SETTINGS.start, initial_time: pickerTime(window.startMinute) },
      },
      {
        type: 'input',
        block_id: SETTINGS.end,
        label: plain('When does it end?'),
        element: { type: 'timepicker', action_id: SETTINGS.end, initial_time: pickerTime(window.endMinute) },
      },
      ...(input.digest ? digestBlocks(input.digest) : []),
      ...(input.digest ? noticeBlocks(input.noticesOff ?? []) : []),
      context(`Your time zone: *${tz}*. It follows your Slack profile; change it there and Grow follows.`),
    ],
  };
}
