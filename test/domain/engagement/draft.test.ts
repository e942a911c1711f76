// The new-engagement form: what is refused, and the session calendar an accepted draft implies.
import { describe, expect, it } from 'vitest';
import { checkEngagementDraft, parseEngagementDraft, type EngagementDraft } from '../../../src/domain/engagement/draft.js';

const now = new Date('2026-03-02T12:00:00Z'); // Monday
const leader = { isBot: false, deleted: false, tz: 'Europe/Paris' };
const values = { leader: 'U0LEADER01', startDate: '2026-03-10', sessionTime: '10:00' };

function draft(over: Partial<Record<string, unknown>> = {}): EngagementDraft {
  const parsed = parseEngagementDraft({ ...values, ...over });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.draft;
}

describe('parseEngagementDraft', () => {
  it('defaults to 8 sessions, every two weeks, 60 minutes', () => {
    expect(draft()).toMatchObject({ sessionCount: 8, cadenceDays: 14, sessionMinutes: 60 });
  });

  it('refuses sessions outside 6–12, an unknown cadence and a length outside 60–90, field by field', () => {
    const parsed = parseEngagementDraft({ ...values, sessions: '13', cadence: '10', sessionLength: '45' });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.keys(parsed.errors).sort()).toEqual(['cadence', 'sessionLength', 'sessions']);
  });

  it('asks for the leader, the date and the time when missing', () => {
    const parsed = parseEngagementDraft({});
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(Object.keys(parsed.errors).sort()).toEqual(['leader', 'sessionTime', 'startDate']);
  });
});

describe('checkEngagementDraft', () => {
  const check = (over: Partial<Parameters<typeof checkEngagementDraft>[0]> = {}) =>
    checkEngagementDraft({ draft: draft(), coachId: 'U0COACH001', leader, now, ...over });

  it('refuses coaching yourself', () => {
    expect(check({ coachId: 'U0LEADER01' })).toEqual({ ok: false, errors: { leader: expect.stringContaining('yourself') } });
  });

  it('refuses a bot and a deactivated account', () => {
    expect(check({ leader: { ...leader, isBot: true } })).toMatchObject({ ok: false, errors: { leader: expect.any(String) } });
    expect(check({ leader: { ...leader, deleted: true } })).toMatchObject({ ok: false, errors: { leader: expect.any(String) } });
  });

  it('refuses a start date that has passed on the leader’s calendar, even when it is still that day elsewhere', () => {
    // 23:30 UTC on the 9th is already the 10th in Tokyo.
    const late = new Date('2026-03-09T23:30:00Z');
    const tokyo = { ...leader, tz: 'Asia/Tokyo' };
    expect(check({ draft: draft({ startDate: '2026-03-09' }), leader: tokyo, now: late })).toMatchObject({ ok: false, errors: { startDate: expect.any(String) } });
    // …while in Los Angeles it is still the afternoon of the 9th.
    expect(check({ draft: draft({ startDate: '2026-03-09', sessionTime: '18:00' }), leader: { ...leader, tz: 'America/Los_Angeles' }, now: late }).ok).toBe(true);
  });

  it('refuses a first session earlier today than now', () => {
    expect(check({ draft: draft({ startDate: '2026-03-02', sessionTime: '09:00' }) })).toMatchObject({ ok: false, errors: { sessionTime: expect.any(String) } });
  });

  it('places every session at the same wall-clock time in the leader’s zone across the DST change', () => {
    const result = check({ draft: draft({ sessions: '6', cadence: '7' }) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.sessionTimes).toHaveLength(6);
    // Paris moves to summer time on 29 March 2026: 10:00 is 09:00Z before, 08:00Z after.
    expect(result.sessionTimes[0]!.toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(result.sessionTimes[3]!.toISOString()).toBe('2026-03-31T08:00:00.000Z');
    expect(result.sessionTimes[5]!.toISOString()).toBe('2026-04-14T08:00:00.000Z');
  });
});
