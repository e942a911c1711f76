import { describe, expect, it } from 'vitest';
import { diffPlan, isEmptyDiff, type ExistingNudge } from '../../../src/domain/planner/diff-plan.js';

const at = (h: number) => new Date(Date.UTC(2025, 0, 6, h));
const spec = (dedupeKey: string, h: number) => ({ dedupeKey, dueAt: at(h) });
const row = (id: string, dedupeKey: string, h: number, status: ExistingNudge['status']): ExistingNudge => ({
  id,
  dedupeKey,
  dueAt: at(h),
  status,
});

describe('diffPlan', () => {
  it('inserts slots with no row, reschedules pending rows that moved, cancels pending rows no longer planned', () => {
    const rows = [row('n1', 'e:prep:1', 9, 'pending'), row('n2', 'e:prep:2', 9, 'pending'), row('n3', 'e:prep:3', 9, 'pending')];
    const diff = diffPlan(rows, [spec('e:prep:1', 9), spec('e:prep:2', 11), spec('e:prep:4', 12)]);
    expect(diff).toEqual({
      insert: [spec('e:prep:4', 12)],
      reschedule: [{ id: 'n2', dueAt: at(11) }],
      cancel: ['n3'],
      restore: [],
    });
  });

  it('leaves rows that are sending, sent, skipped or failed exactly as they are', () => {
    const rows = [
      row('n1', 'e:a:1', 9, 'sending'),
      row('n2', 'e:a:2', 9, 'sent'),
      row('n3', 'e:a:3', 9, 'skipped'),
      row('n4', 'e:a:4', 9, 'failed'),
    ];
    expect(isEmptyDiff(diffPlan(rows, [spec('e:a:1', 10), spec('e:a:2', 11)]))).toBe(true);
  });

  it('revives a cancelled row whose slot is planned again, since its key cannot be inserted twice', () => {
    const diff = diffPlan([row('n1', 'e:prep:2', 9, 'cancelled')], [spec('e:prep:2', 10)]);
    expect(diff).toEqual({ insert: [], reschedule: [], cancel: [], restore: [{ id: 'n1', dueAt: at(10) }] });
  });

  it('keeps cancelled rows cancelled when their slot is still not planned', () => {
    expect(isEmptyDiff(diffPlan([row('n1', 'e:prep:2', 9, 'cancelled')], []))).toBe(true);
  });
});
