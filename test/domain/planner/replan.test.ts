// Re-planning after sessions move, and what `diffPlan` may do to the rows already there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffPlan, isEmptyDiff, type ExistingNudge, type NudgeRowStatus, type PlanDiff } from '../../../src/domain/planner/diff-plan.js';
import { planEngagement } from '../../../src/domain/planner/plan-engagement.js';
import type { NudgeSpec, PlanInput } from '../../../src/domain/planner/types.js';
import { planInputArb } from './arbitraries.js';

const statusArb = fc.constantFrom<NudgeRowStatus>('pending', 'pending', 'pending', 'sending', 'sent', 'skipped', 'cancelled', 'failed');
const HOUR_MS = 3_600_000;

/** What the data layer does with a diff. */
function applyDiff(rows: ExistingNudge[], diff: PlanDiff<NudgeSpec>): ExistingNudge[] {
  const moved = new Map([...diff.reschedule, ...diff.restore].map((r) => [r.id, r.dueAt]));
  const cancelled = new Set(diff.cancel);
  return [
    ...rows.map((r) => ({
      ...r,
      dueAt: moved.get(r.id) ?? r.dueAt,
      status: cancelled.has(r.id) ? ('cancelled' as const) : moved.has(r.id) ? ('pending' as const) : r.status,
    })),
    ...diff.insert.map((s, i) => ({ id: `new${i}`, dedupeKey: s.dedupeKey, dueAt: s.dueAt, status: 'pending' as const })),
  ];
}

/** A plan's rows, each in a random state of delivery. */
const scenarioArb = planInputArb().chain((input) => {
  const specs = planEngagement(input);
  return fc.record({
    input: fc.constant(input),
    statuses: fc.array(statusArb, { minLength: specs.length, maxLength: specs.length }),
    moved: fc.integer({ min: 0, max: input.sessions.length - 1 }),
    shiftHours: fc.integer({ min: -10 * 24, max: 10 * 24 }).filter((h) => h !== 0),
  });
});

function reschedule(input: PlanInput, index: number, shiftHours: number): PlanInput {
  const sessions = input.sessions.map((s, i) =>
    i === index ? { ...s, scheduledAt: new Date(s.scheduledAt.getTime() + shiftHours * HOUR_MS) } : s,
  );
  return { ...input, sessions };
}

describe('re-planning after a reschedule', () => {
  it('changes only pending rows, and applying the diff converges', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, statuses, moved, shiftHours }) => {
        const rows: ExistingNudge[] = planEngagement(input).map((s, i) => ({
          id: `n${i}`,
          dedupeKey: s.dedupeKey,
          dueAt: s.dueAt,
          status: statuses[i]!,
        }));
        const replanned = planEngagement(reschedule(input, moved, shiftHours));
        const diff = diffPlan(rows, replanned);
        const byId = new Map(rows.map((r) => [r.id, r]));
        for (const { id } of diff.reschedule) expect(byId.get(id)?.status).toBe('pending');
        for (const id of diff.cancel) expect(byId.get(id)?.status).toBe('pending');
        for (const { id } of diff.restore) expect(byId.get(id)?.status).toBe('cancelled');
        const existingKeys = new Set(rows.map((r) => r.dedupeKey));
        for (const spec of diff.insert) expect(existingKeys.has(spec.dedupeKey)).toBe(false);
        expect(isEmptyDiff(diffPlan(applyDiff(rows, diff), replanned))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the dedupe key of every slot that is still planned', () => {
    fc.assert(
      fc.property(scenarioArb, ({ input, moved, shiftHours }) => {
        const slot = (s: NudgeSpec) => `${s.kind}/${s.kind.endsWith('_review') ? '' : (s.sessionId ?? s.ref.actionId)}`;
        const before = new Map(planEngagement(input).map((s) => [slot(s), s.dedupeKey]));
        for (const spec of planEngagement(reschedule(input, moved, shiftHours))) {
          const key = before.get(slot(spec));
          if (key !== undefined) expect(spec.dedupeKey).toBe(key);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('diffPlan', () => {
  const keyArb = fc.constantFrom('e:a:1', 'e:a:2', 'e:b:1', 'e:b:2', 'e:c:1', 'e:c:2', 'e:d:1');
  const dueArb = fc.integer({ min: 0, max: 5 }).map((h) => new Date(Date.UTC(2025, 0, 6, 9 + h)));
  const rowsArb = fc.uniqueArray(fc.record({ dedupeKey: keyArb, dueAt: dueArb, status: statusArb }), {
    selector: (r) => r.dedupeKey,
  });
  const specsArb = fc.uniqueArray(fc.record({ dedupeKey: keyArb, dueAt: dueArb }), { selector: (s) => s.dedupeKey });

  it('never touches a row that is sending, sent, skipped or failed', () => {
    fc.assert(
      fc.property(rowsArb, specsArb, (raw, specs) => {
        const rows = raw.map((r, i) => ({ ...r, id: `n${i}` }));
        const diff = diffPlan(rows, specs);
        const touched = new Set([...diff.reschedule.map((r) => r.id), ...diff.restore.map((r) => r.id), ...diff.cancel]);
        for (const row of rows) {
          if (!['pending', 'cancelled'].includes(row.status)) expect(touched.has(row.id)).toBe(false);
        }
        expect(diff.insert.every((s) => !rows.some((r) => r.dedupeKey === s.dedupeKey))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('cancels exactly the pending rows that are no longer planned', () => {
    fc.assert(
      fc.property(rowsArb, specsArb, (raw, specs) => {
        const rows = raw.map((r, i) => ({ ...r, id: `n${i}` }));
        const planned = new Set(specs.map((s) => s.dedupeKey));
        const expected = rows.filter((r) => r.status === 'pending' && !planned.has(r.dedupeKey)).map((r) => r.id);
        expect(diffPlan(rows, specs).cancel).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
