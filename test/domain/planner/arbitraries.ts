// Random engagements for property tests of the planner: sessions laid out by
// `sessionTimes` in the leader's zone at any local time of day, some held or cancelled,
// with random working hours, pauses, back-off and open actions around them.
import fc from 'fast-check';
import { sessionTimes } from '../../../src/domain/planner/session-times.js';
import type { PlanInput, PlanSession, SessionStatus } from '../../../src/domain/planner/types.js';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { defaultWorkingHours, type WorkingHours } from '../../../src/domain/time/working-hours.js';
import { quarterHourArb, workingHoursArb, zoneArb } from '../time/arbitraries.js';

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2016, 0, 1);
const LAST_DAY = Date.UTC(2030, 6, 1);

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

export const localDateArb = fc
  .integer({ min: 0, max: (LAST_DAY - FIRST_DAY) / DAY_MS })
  .map((d) => new Date(FIRST_DAY + d * DAY_MS).toISOString().slice(0, 10));

/** Mostly ordinary meeting times, often early or late ones, now and then any time at all. */
export const sessionMinuteArb = fc.oneof(
  { arbitrary: quarterHourArb(8 * 60, 18 * 60), weight: 3 },
  { arbitrary: fc.constantFrom(7 * 60, 7 * 60 + 30, 8 * 60, 9 * 60, 17 * 60 + 30, 19 * 60, 20 * 60 + 30, 21 * 60), weight: 3 },
  { arbitrary: quarterHourArb(0, 23 * 60 + 45), weight: 1 },
);

const statusArb: fc.Arbitrary<SessionStatus> = fc.oneof(
  { arbitrary: fc.constant<SessionStatus>('scheduled'), weight: 6 },
  { arbitrary: fc.constant<SessionStatus>('held'), weight: 3 },
  { arbitrary: fc.constant<SessionStatus>('cancelled'), weight: 1 },
);

/** Default Mon–Fri 09:00–17:30 half the time, so the common case is well covered. */
const leaderHoursArb: fc.Arbitrary<WorkingHours> = fc.oneof(
  zoneArb.map((tz): WorkingHours => ({ ...defaultWorkingHours, workDays: [1, 2, 3, 4, 5], tz })),
  workingHoursArb,
);

/** An instant somewhere in (or just around) the span of the sessions. */
const aroundArb = (times: Date[]) => {
  const min = times[0]!.getTime() - 7 * DAY_MS;
  const max = times[times.length - 1]!.getTime() + 21 * DAY_MS;
  return fc.integer({ min, max }).map((ms) => new Date(ms));
};

export const planInputArb = (hoursArb: fc.Arbitrary<WorkingHours> = leaderHoursArb): fc.Arbitrary<PlanInput> =>
  fc
    .record({
      hours: hoursArb,
      date: localDateArb,
      minute: sessionMinuteArb,
      cadenceDays: fc.constantFrom(7, 14, 21),
      sessionCount: fc.integer({ min: 6, max: 12 }),
      sessionMinutes: fc.integer({ min: 60, max: 90 }),
      statuses: fc.array(statusArb, { minLength: 12, maxLength: 12 }),
      unansweredFollowUps: fc.integer({ min: 0, max: 3 }),
    })
    .chain((e) => {
      const times = sessionTimes(atLocalTime(e.date, hhmm(e.minute), e.hours.tz), e.sessionCount, e.cadenceDays, e.hours.tz);
      const sessions: PlanSession[] = times.map((scheduledAt, i) => ({
        id: `s${i + 1}`,
        seq: i + 1,
        scheduledAt,
        status: e.statuses[i]!,
      }));
      const around = aroundArb(times);
      return fc
        .record({
          now: around,
          pausedUntil: fc.option(around, { freq: 4 }),
          lastCheckInAt: fc.option(around, { freq: 3 }),
          openAction: fc.option(
            fc.record({ id: fc.constantFrom('a1', 'a2', 'a3'), dueAt: around, snoozedUntil: fc.option(around, { freq: 3 }) }),
            { freq: 4 },
          ),
        })
        .map(
          (r): PlanInput => ({
            engagement: {
              id: 'e1',
              status: 'active',
              sessionCount: e.sessionCount,
              cadenceDays: e.cadenceDays,
              sessionMinutes: e.sessionMinutes,
            },
            sessions,
            leader: { userId: 'U1', hours: e.hours, pausedUntil: r.pausedUntil, unansweredFollowUps: e.unansweredFollowUps },
            openAction: r.openAction,
            lastCheckInAt: r.lastCheckInAt,
            now: r.now,
          }),
        );
    });

/** Sessions that still count, in calendar order, as the planner sees them. */
export function liveOf(input: PlanInput): PlanSession[] {
  return input.sessions
    .filter((s) => s.status !== 'cancelled')
    .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || a.seq - b.seq);
}

export const endOf = (s: PlanSession, input: PlanInput) => s.scheduledAt.getTime() + input.engagement.sessionMinutes * 60_000;
