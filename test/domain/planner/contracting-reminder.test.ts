// A leader who accepted without setting targets ("Later" on contracting) is reminded once,
// two working days after accepting, on their own clock; setting the targets drops it.
import { describe, expect, it } from 'vitest';
import { planEngagement } from '../../../src/domain/planner/plan-engagement.js';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { scenario } from './scenario.js';

const ny = (date: string, time: string) => atLocalTime(date, time, 'America/New_York');
const base = scenario({ tz: 'America/New_York', firstDate: '2024-06-24', time: '10:00' });
const reminders = (contracting: { acceptedAt: Date | null; contracted: boolean } | undefined) =>
  planEngagement({ ...base, contracting }).filter((s) => s.kind === 'contracting_reminder');

describe('planEngagement: the contracting reminder', () => {
  it('reminds once, two working days after accepting, at the same time of day', () => {
    // Accepted Thursday 11:00: Friday is one working day, Monday the second.
    const [reminder, ...more] = reminders({ acceptedAt: ny('2024-06-13', '11:00'), contracted: false });
    expect(more).toEqual([]);
    expect(reminder).toMatchObject({ recipientId: base.leader.userId, dedupeKey: 'e1:contracting_reminder:once' });
    expect(reminder!.dueAt).toEqual(ny('2024-06-17', '11:00'));
  });

  it('keeps to working hours when the leader accepted late in the evening', () => {
    const [reminder] = reminders({ acceptedAt: ny('2024-06-11', '22:15'), contracted: false });
    expect(reminder!.dueAt).toEqual(ny('2024-06-13', '17:29'));
  });

  it('plans nothing once the targets are set, before acceptance, or when the planner is not told', () => {
    expect(reminders({ acceptedAt: ny('2024-06-13', '11:00'), contracted: true })).toEqual([]);
    expect(reminders({ acceptedAt: null, contracted: false })).toEqual([]);
    expect(reminders(undefined)).toEqual([]);
  });
});
