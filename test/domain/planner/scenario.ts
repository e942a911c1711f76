// A small factory for example-based planner tests: an active engagement with sessions
// laid out from a local date and time, every field overridable.
import { sessionTimes } from '../../../src/domain/planner/session-times.js';
import type { PlanInput, PlanSession } from '../../../src/domain/planner/types.js';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { defaultWorkingHours, type WorkingHours } from '../../../src/domain/time/working-hours.js';

export interface ScenarioOptions {
  tz: string;
  firstDate: string;
  time: string;
  count?: number;
  cadenceDays?: number;
  sessionMinutes?: number;
  hours?: Partial<WorkingHours>;
  now?: Date;
}

export function scenario(o: ScenarioOptions, overrides: Partial<PlanInput> = {}): PlanInput {
  const count = o.count ?? 6;
  const cadenceDays = o.cadenceDays ?? 14;
  const times = sessionTimes(atLocalTime(o.firstDate, o.time, o.tz), count, cadenceDays, o.tz);
  const sessions: PlanSession[] = times.map((scheduledAt, i) => ({ id: `s${i + 1}`, seq: i + 1, scheduledAt, status: 'scheduled' }));
  return {
    engagement: { id: 'e1', status: 'active', sessionCount: count, cadenceDays, sessionMinutes: o.sessionMinutes ?? 60 },
    sessions,
    leader: { userId: 'U1', hours: { ...defaultWorkingHours, workDays: [1, 2, 3, 4, 5], tz: o.tz, ...o.hours }, unansweredFollowUps: 0 },
    now: o.now ?? times[0]!,
    ...overrides,
  };
}

/** Replace one session's fields (by seq). */
export function withSession(input: PlanInput, seq: number, change: Partial<PlanSession>): PlanInput {
  return { ...input, sessions: input.sessions.map((s) => (s.seq === seq ? { ...s, ...change } : s)) };
}

export const iso = (d: Date | undefined) => d?.toISOString();
