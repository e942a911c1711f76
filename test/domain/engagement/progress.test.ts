// "Session k of n" by time: the one count App Home, the roster, the brief and the digest share.
import { describe, expect, it } from 'vitest';
import { composeBrief, composeDigest } from '../../../src/domain/digest/index.js';
import { describeProgress, sessionProgress } from '../../../src/domain/engagement/progress.js';
import { rosterSignals } from '../../../src/domain/engagement/roster.js';
import { coachViewOf } from '../../../src/domain/privacy/index.js';

const day = 86_400_000;
const now = new Date('2026-03-10T12:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * day);
type Status = 'scheduled' | 'held' | 'cancelled';
const session = (seq: number, days: number, status: Status) => ({ id: `s${seq}`, engagementId: 'e1', seq, scheduledAt: at(days), status });

describe('sessionProgress', () => {
  it('counts a past session whether or not anyone marked it held, and leaves cancelled ones out of both numbers', () => {
    const sessions = [session(1, -20, 'held'), session(2, -6, 'scheduled'), session(3, -3, 'cancelled'), session(4, 8, 'scheduled'), session(5, 22, 'scheduled')];
    expect(sessionProgress(sessions, now)).toEqual({ past: 2, total: 4 });
    expect(describeProgress(sessionProgress(sessions, now))).toBe('session 2 of 4');
  });

  it('counts a session from the moment it begins', () => {
    const sessions = [session(1, 0, 'scheduled'), session(2, 14, 'scheduled')];
    expect(sessionProgress(sessions, new Date(now.getTime() - 1))).toEqual({ past: 0, total: 2 });
    expect(sessionProgress(sessions, now)).toEqual({ past: 1, total: 2 });
  });

  it('says how many are ahead before the first one', () => {
    expect(describeProgress({ past: 0, total: 8 })).toBe('8 sessions ahead');
    expect(describeProgress({ past: 0, total: 1 })).toBe('1 session ahead');
    expect(describeProgress({ past: 0, total: 0 })).toBe('no sessions planned');
  });

  it('gives App Home’s roster, the digest and the brief the same count', () => {
    // Session 2 was never marked held; the brief is for session 4, the next one.
    const sessions = [session(1, -20, 'held'), session(2, -6, 'scheduled'), session(3, -3, 'cancelled'), session(4, 1, 'scheduled'), session(5, 15, 'scheduled')];
    const record = {
      engagement: { id: 'e1', coachId: 'UC', leaderId: 'UL', status: 'active' as const },
      checkIns: [], actions: [], reflections: [], targets: [], sessions,
    };
    const view = coachViewOf('UC', record);
    expect(rosterSignals('active', view, now).progress).toEqual({ past: 2, total: 4 });
    expect(composeDigest([view], now).leaders[0]!.progress).toEqual({ past: 2, total: 4 });
    // The brief names the session it is for: the third of four on the calendar.
    expect(composeBrief(view, 's4', now)!.progress).toEqual({ past: 3, total: 4 });
  });
});
