import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStakeholders, planPulse, planRounds, reminderTime, type RoundsInput } from '../../../src/domain/pulse/index.js';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { defaultWorkingHours } from '../../../src/domain/time/working-hours.js';
import { workingHoursArb } from '../time/arbitraries.js';

const hours = { ...defaultWorkingHours, workDays: [1, 2, 3, 4, 5], tz: 'Europe/Berlin' };
const berlin = (date: string, time: string) => atLocalTime(date, time, 'Europe/Berlin');
const people = ['U_A', 'U_B', 'U_C', 'U_D'];

const base = (over: Partial<RoundsInput> = {}): RoundsInput => ({
  contractedAt: berlin('2026-03-02', '10:00'),
  stakeholders: people,
  namedAt: berlin('2026-03-02', '10:05'),
  stored: [],
  reviews: { midpoint: berlin('2026-04-27', '14:00'), closing: berlin('2026-06-08', '14:00') },
  hours,
  now: berlin('2026-03-02', '10:06'),
  ...over,
});

describe('checkStakeholders', () => {
  it('accepts three to eight distinct colleagues', () => {
    expect(checkStakeholders(['A', 'B', 'C', 'A'], 'L', 'C0')).toEqual({ ok: true, userIds: ['A', 'B', 'C'] });
    expect(checkStakeholders(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'], 'L', 'C0').ok).toBe(true);
  });

  it('refuses fewer than three, more than eight, the leader and the coach', () => {
    expect(checkStakeholders(['A', 'B'], 'L', 'C0').ok).toBe(false);
    expect(checkStakeholders(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I'], 'L', 'C0').ok).toBe(false);
    expect(checkStakeholders(['A', 'B', 'L'], 'L', 'C0')).toMatchObject({ ok: false, error: expect.stringContaining('not yourself') });
    expect(checkStakeholders(['A', 'B', 'C0'], 'L', 'C0').ok).toBe(false);
  });
});

describe('planRounds', () => {
  it('opens the baseline when the stakeholders are named after contracting, for five working days', () => {
    const [baseline] = planRounds(base());
    expect(baseline).toMatchObject({ stage: 'baseline', opensAt: berlin('2026-03-02', '10:05'), closesAt: berlin('2026-03-09', '10:05'), invitees: people });
  });

  it('closes the midpoint and closing rounds when the leader’s reviews fall due, opening five working days before', () => {
    const rounds = planRounds(base());
    expect(rounds.map((r) => r.stage)).toEqual(['baseline', 'midpoint', 'closing']);
    expect(rounds[1]).toMatchObject({ opensAt: berlin('2026-04-20', '14:00'), closesAt: berlin('2026-04-27', '14:00'), fixed: false });
    expect(rounds[2]).toMatchObject({ opensAt: berlin('2026-06-01', '14:00'), closesAt: berlin('2026-06-08', '14:00') });
  });

  it('has no rounds before contracting or without stakeholders', () => {
    expect(planRounds(base({ contractedAt: null }))).toEqual([]);
    expect(planRounds(base({ stakeholders: [], namedAt: null }))).toEqual([]);
  });

  it('keeps an opened round exactly as it was: its times and the people asked', () => {
    const stored = [{ stage: 'baseline' as const, opensAt: berlin('2026-03-02', '10:05'), closesAt: berlin('2026-03-09', '10:05'), invitees: ['U_A', 'U_B', 'U_C'] }];
    const [baseline] = planRounds(base({ stored, stakeholders: ['U_X', 'U_Y', 'U_Z'], now: berlin('2026-03-04', '12:00') }));
    expect(baseline).toEqual({ ...stored[0], fixed: true });
  });

  it('moves a round that has not opened with the review, and asks whoever is named now', () => {
    const stored = [{ stage: 'midpoint' as const, opensAt: berlin('2026-04-20', '14:00'), closesAt: berlin('2026-04-27', '14:00'), invitees: people }];
    const rounds = planRounds(base({ stored, stakeholders: ['U_X', 'U_Y', 'U_Z'], reviews: { midpoint: berlin('2026-05-04', '14:00') }, now: berlin('2026-04-01', '09:00') }));
    expect(rounds.find((r) => r.stage === 'midpoint')).toMatchObject({ closesAt: berlin('2026-05-04', '14:00'), invitees: ['U_X', 'U_Y', 'U_Z'], fixed: false });
  });

  it('opens now for five working days when the review is too close to give them', () => {
    const now = berlin('2026-04-24', '11:00');
    const mid = planRounds(base({ stored: [], now, reviews: { midpoint: berlin('2026-04-27', '14:00') } })).find((r) => r.stage === 'midpoint');
    expect(mid).toMatchObject({ opensAt: now, closesAt: berlin('2026-05-01', '11:00') });
  });

  it('opens a round no earlier than the one before it closed, so nobody is asked two things at once', () => {
    const late = base({ namedAt: berlin('2026-04-16', '10:00'), now: berlin('2026-04-16', '10:01') });
    const [baseline, mid] = planRounds(late);
    expect(baseline).toMatchObject({ stage: 'baseline', closesAt: berlin('2026-04-23', '10:00') });
    expect(mid).toMatchObject({ stage: 'midpoint', opensAt: berlin('2026-04-23', '10:00'), closesAt: berlin('2026-04-30', '10:00') });
  });

  it('has no baseline for people named after a later round opened', () => {
    const stored = [{ stage: 'midpoint' as const, opensAt: berlin('2026-04-20', '14:00'), closesAt: berlin('2026-04-27', '14:00'), invitees: people }];
    const rounds = planRounds(base({ stored, namedAt: berlin('2026-04-21', '10:00'), now: berlin('2026-04-21', '10:01') }));
    expect(rounds.map((r) => r.stage)).toEqual(['midpoint', 'closing']);
  });

  it('always gives a round a positive window, and a new one that has not closed (property)', () => {
    const nowMs = (days: number) => Date.UTC(2026, 0, 5, 12) + days * 86_400_000;
    fc.assert(
      fc.property(workingHoursArb, fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 60 }), (h, reviewDays, nowDays) => {
        const start = Date.UTC(2026, 0, 5, 12);
        const rounds = planRounds({
          ...base({ hours: h }),
          contractedAt: new Date(start),
          namedAt: new Date(start),
          reviews: { midpoint: new Date(start + reviewDays * 86_400_000), closing: new Date(start + (reviewDays + 40) * 86_400_000) },
          now: new Date(start + nowDays * 86_400_000),
        });
        expect(rounds.length).toBeGreaterThan(0);
        rounds.slice(1).forEach((r, i) => expect(r.opensAt.getTime()).toBeGreaterThanOrEqual(rounds[i]!.closesAt.getTime()));
        for (const r of rounds) {
          expect(r.closesAt.getTime()).toBeGreaterThan(r.opensAt.getTime());
          // A round planned now never closes before stakeholders could be asked.
          if (r.stage !== 'baseline') expect(r.closesAt.getTime()).toBeGreaterThan(nowMs(nowDays));
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('planPulse', () => {
  const engagement = { id: 'e1', leaderId: 'U_LEAD', coachId: 'U_COACH' };
  const rounds = planRounds(base());

  it('asks each stakeholder once per round, reminds each at most once, and gives the leader the results at the close', () => {
    const specs = planPulse({ engagement, rounds, hours });
    for (const r of rounds) {
      const mine = specs.filter((s) => s.ref.stage === r.stage);
      for (const who of people) {
        expect(mine.filter((s) => s.kind === 'pulse_question' && s.recipientId === who)).toHaveLength(1);
        expect(mine.filter((s) => s.kind === 'pulse_reminder' && s.recipientId === who)).toHaveLength(1);
      }
      expect(mine.filter((s) => s.kind === 'pulse_results')).toEqual([
        { kind: 'pulse_results', recipientId: 'U_LEAD', dedupeKey: `e1:pulse_results:${r.stage}`, dueAt: r.closesAt, ref: { stage: r.stage } },
      ]);
    }
    expect(new Set(specs.map((s) => s.dedupeKey)).size).toBe(specs.length);
    expect(specs.some((s) => s.kind === 'pulse_shared')).toBe(false);
  });

  it('reminds three working days after the question, before the close', () => {
    const baseline = rounds[0]!;
    const reminder = planPulse({ engagement, rounds: [baseline], hours }).find((s) => s.kind === 'pulse_reminder');
    expect(reminder?.dueAt).toEqual(berlin('2026-03-05', '10:05'));
    expect(reminder!.dueAt.getTime()).toBeLessThan(baseline.closesAt.getTime());
  });

  it('sends no reminder when the round would close first', () => {
    const short = { ...rounds[0]!, closesAt: berlin('2026-03-04', '10:05') };
    expect(reminderTime(short, hours)).toBeNull();
    expect(planPulse({ engagement, rounds: [short], hours }).filter((s) => s.kind === 'pulse_reminder')).toEqual([]);
  });

  it('tells the coach only after the leader shared, never before the close', () => {
    const sharedAt = berlin('2026-03-01', '09:00');
    const specs = planPulse({ engagement, rounds: [{ ...rounds[0]!, sharedAt }], hours });
    expect(specs.filter((s) => s.kind === 'pulse_shared')).toEqual([
      { kind: 'pulse_shared', recipientId: 'U_COACH', dedupeKey: 'e1:pulse_shared:baseline', dueAt: rounds[0]!.closesAt, ref: { stage: 'baseline' } },
    ]);
  });
});
