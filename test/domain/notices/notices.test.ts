// The coach's notice slots and which pending items are still worth telling.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { itemsToTell, nextNoticeSlot, type NoticeEvent, type NoticeItem } from '../../../src/domain/notices/index.js';

const LONDON = { tz: 'Europe/London', workDays: [1, 2, 3, 4, 5], startMinute: 9 * 60, endMinute: 17 * 60 + 30 };
const local = (at: Date, tz = 'Europe/London') => DateTime.fromJSDate(at, { zone: tz }).toFormat('ccc HH:mm');
// Tuesday 1 December 2026.
const tue = (hhmm: string, tz = 'Europe/London') => DateTime.fromISO(`2026-12-01T${hhmm}`, { zone: tz }).toJSDate();

describe('nextNoticeSlot', () => {
  it('is late morning, then mid afternoon, then the next working morning', () => {
    expect(local(nextNoticeSlot(tue('08:00'), LONDON))).toBe('Tue 11:00');
    expect(local(nextNoticeSlot(tue('11:00'), LONDON))).toBe('Tue 15:00');
    expect(local(nextNoticeSlot(tue('16:00'), LONDON))).toBe('Wed 11:00');
  });

  it('skips days off: after Friday afternoon comes Monday', () => {
    const friday = DateTime.fromISO('2026-12-04T16:00', { zone: 'Europe/London' }).toJSDate();
    expect(local(nextNoticeSlot(friday, LONDON))).toBe('Mon 11:00');
  });

  it('stays inside a working window that misses both slots, on the coach’s own clock', () => {
    const evenings = { tz: 'America/New_York', workDays: [1, 2, 3, 4, 5, 6, 7], startMinute: 16 * 60, endMinute: 22 * 60 };
    const slot = nextNoticeSlot(tue('09:00', 'America/New_York'), evenings);
    expect(local(slot, 'America/New_York')).toBe('Tue 16:00');
    expect(local(nextNoticeSlot(slot, evenings), 'America/New_York')).toBe('Wed 16:00');
  });
});

let n = 0;
const item = (event: NoticeEvent, over: Partial<NoticeItem> = {}): NoticeItem => ({
  id: `i${++n}`,
  engagementId: 'e1',
  leaderId: 'U0LEAD',
  event,
  sessionId: null,
  createdAt: new Date(Date.UTC(2026, 11, 1, 9, n)),
  ...over,
});

describe('itemsToTell', () => {
  it('keeps every topic that is on, oldest first', () => {
    const items = [item('contracting_done'), item('review_done'), item('session_cancelled', { sessionId: 's1' })];
    expect(itemsToTell(items, []).map((i) => i.event)).toEqual(['contracting_done', 'review_done', 'session_cancelled']);
  });

  it('drops each topic turned off', () => {
    const items = [item('contracting_done'), item('session_moved', { sessionId: 's1' }), item('leader_paused'), item('review_done')];
    expect(itemsToTell(items, ['contracting']).map((i) => i.event)).toEqual(['session_moved', 'leader_paused', 'review_done']);
    expect(itemsToTell(items, ['sessions']).map((i) => i.event)).toEqual(['contracting_done', 'leader_paused', 'review_done']);
    expect(itemsToTell(items, ['pause']).map((i) => i.event)).toEqual(['contracting_done', 'session_moved', 'review_done']);
    expect(itemsToTell(items, ['review']).map((i) => i.event)).toEqual(['contracting_done', 'session_moved', 'leader_paused']);
    expect(itemsToTell(items, ['contracting', 'sessions', 'pause', 'review'])).toEqual([]);
  });

  it('tells only a session’s latest change', () => {
    const items = [item('session_moved', { sessionId: 's1' }), item('session_cancelled', { sessionId: 's1' }), item('session_moved', { sessionId: 's2' })];
    expect(itemsToTell(items, []).map((i) => [i.event, i.sessionId])).toEqual([['session_cancelled', 's1'], ['session_moved', 's2']]);
  });

  it('withdraws a pause the leader undid before the coach heard, and keeps a later pause', () => {
    expect(itemsToTell([item('leader_paused'), item('leader_resumed')], [])).toEqual([]);
    expect(itemsToTell([item('leader_resumed'), item('leader_paused')], []).map((i) => i.event)).toEqual(['leader_paused']);
  });
});
