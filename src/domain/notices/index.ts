// A coach's quiet notices: what happened in an engagement that the coach may want to know
// between digests (contracting done, a session the leader moved or cancelled, a leader
// pausing or resuming, a closing review done), never what was written or why. Items are
// batched into at most two slots a day inside the coach's working hours; one message
// tells every item still worth telling.
import { addCalendarDays, isoWeekday, localParts, type LocalDate } from '../time/zone-clock.js';
import type { WorkingHours } from '../time/working-hours.js';
import { DateTime } from 'luxon';

export const NOTICE_EVENTS = ['contracting_done', 'session_moved', 'session_cancelled', 'leader_paused', 'leader_resumed', 'review_done'] as const;
export type NoticeEvent = (typeof NOTICE_EVENTS)[number];

/** What a coach can turn off in Settings, one switch per kind of news. */
export const NOTICE_TOPICS = ['contracting', 'sessions', 'pause', 'review'] as const;
export type NoticeTopic = (typeof NOTICE_TOPICS)[number];

export const TOPIC_OF: Record<NoticeEvent, NoticeTopic> = {
  contracting_done: 'contracting',
  session_moved: 'sessions',
  session_cancelled: 'sessions',
  leader_paused: 'pause',
  leader_resumed: 'pause',
  review_done: 'review',
};

export const TOPIC_LABELS: Record<NoticeTopic, string> = {
  contracting: 'A leader finished contracting',
  sessions: 'A leader moved or cancelled a session',
  pause: 'A leader paused or resumed',
  review: 'A leader finished their closing review',
};

export const isNoticeTopic = (value: string): value is NoticeTopic => (NOTICE_TOPICS as readonly string[]).includes(value);

/** The two moments of a day a coach's notices go out, on their own clock: late morning and mid afternoon. */
export const NOTICE_SLOT_MINUTES = [11 * 60, 15 * 60] as const;

/**
 * The coach's next notice slot after `now`: 11:00 or 15:00 their time, each moved inside
 * their working window when it falls outside, on a working day. At most two a day.
 */
export function nextNoticeSlot(now: Date, hours: WorkingHours): Date {
  const today = localParts(now, hours.tz);
  const lastStart = Math.max(hours.startMinute, hours.endMinute - 1);
  for (let d = 0; d <= 14; d++) {
    const date: LocalDate = addCalendarDays({ year: today.year, month: today.month, day: today.day }, d);
    if (!hours.workDays.includes(isoWeekday(date))) continue;
    for (const slot of NOTICE_SLOT_MINUTES) {
      const minute = Math.min(Math.max(slot, hours.startMinute), lastStart);
      const at = DateTime.fromObject({ ...date, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone: hours.tz }).toJSDate();
      if (at > now) return at;
    }
  }
  return new Date(now.getTime() + 86_400_000);
}

export const noticeDedupeKey = (coachId: string, slot: Date) => `coach_notice:${coachId}:${slot.toISOString()}`;

export interface NoticeItem {
  id: string;
  engagementId: string;
  leaderId: string;
  event: NoticeEvent;
  sessionId: string | null;
  createdAt: Date;
}

/** An item as the notice shows it: the session's number and current time when it is about one. */
export interface PendingNotice extends NoticeItem {
  sessionSeq: number | null;
  sessionAt: Date | null;
}

/**
 * The items worth telling, oldest first: turned-off topics are dropped; per session only
 * its latest change is kept (moved then cancelled is cancelled); per leader a pause and a
 * later resume cancel out, and otherwise only the latest of the two is kept.
 */
export function itemsToTell<T extends NoticeItem>(items: readonly T[], off: readonly string[]): T[] {
  const sorted = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const on = sorted.filter((i) => !off.includes(TOPIC_OF[i.event]));
  const keep = new Set<T>();
  const lastSession = new Map<string, T>();
  const pauses = new Map<string, T[]>();
  for (const item of on) {
    if (item.event === 'session_moved' || item.event === 'session_cancelled') {
      lastSession.set(item.sessionId ?? item.id, item);
    } else if (item.event === 'leader_paused' || item.event === 'leader_resumed') {
      const key = `${item.engagementId}`;
      pauses.set(key, [...(pauses.get(key) ?? []), item]);
    } else {
      keep.add(item);
    }
  }
  for (const item of lastSession.values()) keep.add(item);
  for (const list of pauses.values()) {
    const first = list[0]!;
    const last = list[list.length - 1]!;
    // Paused and back again before the coach heard: nothing changed for them.
    if (first.event === 'leader_paused' && last.event === 'leader_resumed') continue;
    keep.add(last);
  }
  return sorted.filter((i) => keep.has(i));
}
