// The planner on concrete calendars, including the awkward ones.
import { describe, expect, it } from 'vitest';
import { planEngagement } from '../../../src/domain/planner/plan-engagement.js';
import type { NudgeSpec, PlanInput } from '../../../src/domain/planner/types.js';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { iso, scenario, withSession } from './scenario.js';

const find = (input: PlanInput, kind: NudgeSpec['kind'], sessionId?: string) =>
  planEngagement(input).find((s) => s.kind === kind && (sessionId === undefined || s.sessionId === sessionId));
const ny = (date: string, time: string) => atLocalTime(date, time, 'America/New_York');

describe('planEngagement on a DST weekend in Europe/London', () => {
  // Weekly Friday 16:00 sessions; the clocks go forward on Sunday 2024-03-31.
  const input = scenario({ tz: 'Europe/London', firstDate: '2024-03-22', time: '16:00', cadenceDays: 7 });

  it('prompts the check-in after the Friday session on Monday at 09:00 summer time', () => {
    const prompt = find(input, 'checkin_prompt', 's2');
    expect(iso(prompt?.dueAt)).toBe('2024-04-01T08:00:00.000Z');
    expect(prompt).toMatchObject({ dedupeKey: 'e1:checkin_prompt:2', sessionId: 's2', ref: { sessionId: 's2', seq: 2 } });
  });

  it('prepares a working day before, at the session’s local time on either side of the change', () => {
    expect(iso(find(input, 'session_prep', 's2')?.dueAt)).toBe('2024-03-28T16:00:00.000Z'); // Thu 16:00 GMT
    expect(iso(find(input, 'session_prep', 's3')?.dueAt)).toBe('2024-04-04T15:00:00.000Z'); // Thu 16:00 BST
  });
});

describe('planEngagement: check-in prompts', () => {
  it('moves the prompt after a Friday-evening session to Monday morning', () => {
    const input = scenario({ tz: 'America/New_York', firstDate: '2024-06-14', time: '18:30', sessionMinutes: 90 });
    expect(find(input, 'checkin_prompt', 's1')?.dueAt).toEqual(ny('2024-06-17', '09:00'));
  });

  it('sends it three hours after the session ends when that is inside working hours', () => {
    const input = scenario({ tz: 'America/New_York', firstDate: '2024-06-11', time: '10:00' });
    expect(find(input, 'checkin_prompt', 's1')?.dueAt).toEqual(ny('2024-06-11', '14:00'));
  });

  it('skips the prompt once the leader has checked in since the session began', () => {
    const input = scenario({ tz: 'America/New_York', firstDate: '2024-06-11', time: '10:00' });
    const checkedIn = { ...input, lastCheckInAt: ny('2024-06-11', '12:00') };
    expect(find(checkedIn, 'checkin_prompt', 's1')).toBeUndefined();
    expect(find(checkedIn, 'checkin_prompt', 's2')).toBeDefined();
  });
});

describe('planEngagement: session prep', () => {
  it('prepares for a Monday 09:00 session on the Friday before', () => {
    const input = scenario({ tz: 'America/New_York', firstDate: '2024-06-10', time: '09:00', cadenceDays: 7 });
    expect(find(input, 'session_prep', 's2')?.dueAt).toEqual(ny('2024-06-14', '09:00'));
  });

  it('clamps the session’s time of day into the prep day’s window', () => {
    const early = scenario({ tz: 'America/New_York', firstDate: '2024-06-04', time: '08:00' });
    expect(find(early, 'session_prep', 's1')?.dueAt).toEqual(ny('2024-06-03', '09:00'));
    const late = scenario({ tz: 'America/New_York', firstDate: '2024-06-04', time: '19:00' });
    expect(find(late, 'session_prep', 's1')?.dueAt).toEqual(ny('2024-06-03', '17:29'));
  });

  it('goes right after the previous session when a reschedule brings the two close', () => {
    const input = withSession(
      scenario({ tz: 'America/New_York', firstDate: '2024-06-10', time: '14:00' }),
      2,
      { scheduledAt: ny('2024-06-11', '10:00') },
    );
    expect(find(input, 'session_prep', 's2')?.dueAt).toEqual(ny('2024-06-10', '15:00'));
  });

  it('is left out when no working time separates the two sessions', () => {
    const input = withSession(
      scenario({ tz: 'America/New_York', firstDate: '2024-06-10', time: '17:00' }),
      2,
      { scheduledAt: ny('2024-06-10', '20:00') },
    );
    expect(find(input, 'session_prep', 's2')).toBeUndefined();
    expect(find(input, 'checkin_prompt', 's1')).toBeUndefined();
  });

  it('follows the rhythm setting for how many working days ahead', () => {
    const input = scenario({ tz: 'America/New_York', firstDate: '2024-06-10', time: '11:00' }, { rhythm: { prepWorkingDaysBefore: 2 } });
    expect(find(input, 'session_prep', 's1')?.dueAt).toEqual(ny('2024-06-06', '11:00'));
  });

  it('plans nothing for a cancelled session, and prepares the next one after the last live session', () => {
    const input = withSession(scenario({ tz: 'America/New_York', firstDate: '2024-06-04', time: '10:00', cadenceDays: 7 }), 2, {
      status: 'cancelled',
    });
    expect(planEngagement(input).filter((s) => s.sessionId === 's2')).toEqual([]);
    expect(find(input, 'session_prep', 's3')?.dueAt).toEqual(ny('2024-06-17', '10:00'));
  });
});

describe('planEngagement: reviews', () => {
  const eight = scenario({ tz: 'America/New_York', firstDate: '2024-06-04', time: '10:00', count: 8 });

  it('reviews the midpoint after session 4 of 8 and closes after session 8', () => {
    expect(find(eight, 'midpoint_review')).toMatchObject({ sessionId: 's4', dedupeKey: 'e1:midpoint_review:once' });
    expect(find(eight, 'midpoint_review')?.dueAt).toEqual(ny('2024-07-16', '13:00'));
    expect(find(eight, 'closing_review')).toMatchObject({ sessionId: 's8', dedupeKey: 'e1:closing_review:once' });
    expect(find(eight, 'closing_review')?.dueAt).toEqual(ny('2024-09-10', '13:00'));
  });

  it('moves the midpoint, under the same key, when a cancellation changes the count', () => {
    const input = withSession(eight, 2, { status: 'cancelled' });
    expect(find(input, 'midpoint_review')).toMatchObject({ sessionId: 's5', dedupeKey: 'e1:midpoint_review:once' });
  });

  it('closes after the last session that is not cancelled', () => {
    const input = withSession(eight, 8, { status: 'cancelled' });
    expect(find(input, 'closing_review')?.sessionId).toBe('s7');
  });
});

describe('planEngagement: follow-ups', () => {
  const base = scenario({ tz: 'America/New_York', firstDate: '2024-06-04', time: '10:00' });
  const action = { id: 'a1', dueAt: ny('2024-06-14', '17:00') };

  it('asks about an action due before the next session late on its due date', () => {
    const input = { ...base, openAction: action, lastCheckInAt: ny('2024-06-04', '10:30') };
    const followUp = find(input, 'follow_up');
    expect(followUp).toMatchObject({ dedupeKey: 'e1:follow_up:a1', ref: { actionId: 'a1' } });
    expect(followUp?.dueAt).toEqual(ny('2024-06-14', '17:00'));
  });

  it('asks the next working morning when the action is due on a day off', () => {
    const input = { ...base, openAction: { id: 'a1', dueAt: ny('2024-06-08', '17:30') }, lastCheckInAt: ny('2024-06-04', '10:30') };
    expect(find(input, 'follow_up')?.dueAt).toEqual(ny('2024-06-10', '09:00'));
  });

  it('asks the next working morning when the leader commits late on the due date itself', () => {
    const input = { ...base, openAction: { id: 'a1', dueAt: ny('2024-06-06', '17:30') }, lastCheckInAt: ny('2024-06-06', '17:10') };
    expect(find(input, 'follow_up')?.dueAt).toEqual(ny('2024-06-07', '09:00'));
  });

  it('asks halfway to the next session when the action is due at that session (no date chosen)', () => {
    const input = { ...base, openAction: { id: 'a1', dueAt: ny('2024-06-18', '10:00') }, lastCheckInAt: ny('2024-06-04', '10:30') };
    expect(find(input, 'follow_up')?.dueAt).toEqual(ny('2024-06-11', '10:15'));
  });

  it('asks halfway to the next session when the action is due after it', () => {
    const input = { ...base, openAction: { id: 'a1', dueAt: ny('2024-06-20', '17:30') }, lastCheckInAt: ny('2024-06-04', '10:30') };
    expect(find(input, 'follow_up')?.dueAt).toEqual(ny('2024-06-11', '10:15'));
  });

  it('leaves an action due the working day before a Monday-morning session to the session', () => {
    const monday = scenario({ tz: 'America/New_York', firstDate: '2024-06-03', time: '09:00', cadenceDays: 14 });
    const input = { ...monday, openAction: { id: 'a1', dueAt: ny('2024-06-15', '17:30') }, lastCheckInAt: ny('2024-06-03', '11:00') };
    expect(find(input, 'follow_up')).toBeUndefined();
  });

  it('gives a new action its own follow-up', () => {
    const input = { ...base, openAction: { ...action, id: 'a2' }, lastCheckInAt: ny('2024-06-04', '10:30') };
    expect(find(input, 'follow_up')?.dedupeKey).toBe('e1:follow_up:a2');
  });

  it('never comes before a late check-in', () => {
    const input = { ...base, openAction: action, lastCheckInAt: ny('2024-06-16', '20:00') };
    expect(find(input, 'follow_up')?.dueAt).toEqual(ny('2024-06-17', '09:00'));
  });

  it('moves a snoozed follow-up to a slot of its own at the end of the snooze', () => {
    const snoozedUntil = ny('2024-06-15', '10:00'); // a Saturday
    const input = { ...base, openAction: { ...action, snoozedUntil }, lastCheckInAt: ny('2024-06-04', '10:30') };
    const followUp = find(input, 'follow_up');
    expect(followUp?.dedupeKey).toBe(`e1:follow_up:a1:snoozed:${snoozedUntil.getTime()}`);
    expect(followUp?.dueAt).toEqual(ny('2024-06-17', '09:00'));
  });

  it('nudges about what would make it a 10 a working day before the follow-up, when asked', () => {
    const input = { ...base, openAction: { ...action, askPrecondition: true }, lastCheckInAt: ny('2024-06-04', '10:30') };
    const nudge = find(input, 'precondition');
    expect(nudge).toMatchObject({ dedupeKey: 'e1:precondition:a1', ref: { actionId: 'a1' } });
    expect(nudge?.dueAt).toEqual(ny('2024-06-13', '17:00'));
    expect(find({ ...input, openAction: action }, 'precondition')).toBeUndefined();
  });

  it('puts the precondition nudge halfway to a follow-up that is due the next working day', () => {
    const input = { ...base, openAction: { id: 'a1', dueAt: ny('2024-06-05', '17:30'), askPrecondition: true }, lastCheckInAt: ny('2024-06-04', '11:00') };
    expect(find(input, 'follow_up')?.dueAt).toEqual(ny('2024-06-05', '17:00'));
    const nudge = find(input, 'precondition')!;
    expect(nudge.dueAt.getTime()).toBeGreaterThan(ny('2024-06-04', '12:00').getTime() - 1);
    expect(nudge.dueAt.getTime()).toBeLessThan(ny('2024-06-05', '17:00').getTime());
  });

  it('backs off after two unanswered follow-ups: prep and reviews only', () => {
    const input = { ...base, openAction: action, leader: { ...base.leader, unansweredFollowUps: 2 } };
    expect(new Set(planEngagement(input).map((s) => s.kind))).toEqual(new Set(['session_prep', 'midpoint_review', 'closing_review']));
  });
});

describe('planEngagement: pause and status', () => {
  const base = scenario({ tz: 'America/New_York', firstDate: '2024-06-04', time: '10:00' });

  it('drops what falls in a pause instead of sending it afterwards', () => {
    const pausedUntil = ny('2024-06-18', '00:00');
    const paused = planEngagement({ ...base, leader: { ...base.leader, pausedUntil } });
    expect(paused.every((s) => s.dueAt >= pausedUntil)).toBe(true);
    expect(paused.find((s) => s.kind === 'session_prep' && s.sessionId === 's2')).toBeUndefined();
    expect(paused.find((s) => s.kind === 'checkin_prompt' && s.sessionId === 's2')).toBeDefined();
  });

  it('plans nothing unless the engagement is active', () => {
    for (const status of ['invited', 'declined', 'ended'] as const) {
      expect(planEngagement({ ...base, engagement: { ...base.engagement, status } })).toEqual([]);
    }
  });

  it('plans for an unknown zone as if it were UTC', () => {
    const input = scenario({ tz: 'UTC', firstDate: '2024-06-04', time: '10:00' });
    const unknown = { ...input, leader: { ...input.leader, hours: { ...input.leader.hours, tz: 'Atlantis/Capital' } } };
    expect(planEngagement(unknown)).toEqual(planEngagement(input));
  });
});
