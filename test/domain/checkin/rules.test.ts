import { describe, expect, it } from 'vitest';
import { COMMITMENT_THRESHOLD, LIMITS, needsRevisit, validateCheckInDraft } from '../../../src/domain/checkin/rules.js';
import { resolveActionDue } from '../../../src/domain/checkin/due-date.js';
import { commitmentSparkline } from '../../../src/domain/checkin/sparkline.js';

const complete = { goal: 'Delegate the weekly report', reality: 'I redo it every Friday', options: 'Pair once; write a checklist', will: 'Hand it to Sam on Monday', commitment: '9' };

describe('GROW check-in rules', () => {
  it('accepts a complete draft and defaults visibility to summary', () => {
    const r = validateCheckInDraft(complete);
    expect(r).toMatchObject({ ok: true, draft: { commitment: 9, visibility: 'summary' } });
  });

  it.each(['reality', 'options', 'will'] as const)('requires %s', (field) => {
    const r = validateCheckInDraft({ ...complete, [field]: '   ' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(Object.keys(r.errors)).toEqual([field]);
  });

  it('requires a goal or a target', () => {
    const noGoal = validateCheckInDraft({ ...complete, goal: undefined });
    expect(noGoal.ok).toBe(false);
    const target = validateCheckInDraft({ ...complete, goal: undefined, targetId: '6f1c8b5e-4a4b-4b7a-9f7e-0d8a1f7b2c3d' });
    expect(target.ok).toBe(true);
  });

  it.each([undefined, '0', '11', 'seven', '7.5'])('rejects commitment %s', (commitment) => {
    const r = validateCheckInDraft({ ...complete, commitment });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.commitment).toMatch(/1 to 10/);
  });

  it('rejects text over the limits, telling the leader the length', () => {
    const r = validateCheckInDraft({ ...complete, will: 'w'.repeat(LIMITS.will + 1) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.will).toContain(String(LIMITS.will + 1));
    expect(validateCheckInDraft({ ...complete, will: 'w'.repeat(LIMITS.will) }).ok).toBe(true);
  });

  it('asks to revisit below 8, once', () => {
    expect(COMMITMENT_THRESHOLD).toBe(8);
    expect(needsRevisit({ commitment: 7 }, false)).toBe(true);
    expect(needsRevisit({ commitment: 8 }, false)).toBe(false);
    expect(needsRevisit({ commitment: 1 }, true)).toBe(false);
  });
});

describe('action due dates', () => {
  const now = new Date('2026-03-02T10:00:00Z');
  it('uses the chosen date at the end of the leader’s day, in their zone', () => {
    expect(resolveActionDue({ chosenDate: '2026-03-05', tz: 'America/New_York', now }).toISOString()).toBe('2026-03-05T22:30:00.000Z');
  });
  it('ends the due day when the leader’s working day ends', () => {
    expect(resolveActionDue({ chosenDate: '2026-03-05', tz: 'UTC', now, endMinute: 16 * 60 }).toISOString()).toBe('2026-03-05T16:00:00.000Z');
    expect(resolveActionDue({ chosenDate: '2026-03-05', tz: 'UTC', now, endMinute: 1440 }).toISOString()).toBe('2026-03-05T23:59:00.000Z');
  });

  it('brings a default deadline that falls on a day off back to the last working day', () => {
    const saturday = new Date('2026-11-21T18:00:00Z');
    expect(resolveActionDue({ tz: 'UTC', now: saturday }).toISOString()).toBe('2026-12-04T17:30:00.000Z');
    expect(resolveActionDue({ tz: 'UTC', now: saturday, workDays: [1, 2, 3, 4, 5, 6] }).toISOString()).toBe('2026-12-05T17:30:00.000Z');
  });

  it('defaults to the next session, else 14 days', () => {
    const session = new Date('2026-03-09T14:00:00Z');
    expect(resolveActionDue({ nextSessionAt: session, tz: 'UTC', now })).toEqual(session);
    expect(resolveActionDue({ tz: 'Europe/Paris', now }).toISOString()).toBe('2026-03-16T16:30:00.000Z');
  });
});

describe('commitment sparkline', () => {
  it('maps 1..10 onto eight bars, oldest first', () => {
    expect(commitmentSparkline([1, 10, 5])).toBe('▁█▄');
    expect(commitmentSparkline([])).toBe('');
  });
});
