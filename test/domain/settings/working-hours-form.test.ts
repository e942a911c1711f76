// A person's own working hours from the Settings form: what is accepted, and which field
// each refusal is shown on.
import { describe, expect, it } from 'vitest';
import { checkWorkingHoursForm } from '../../../src/domain/settings/working-hours-form.js';

describe('working hours form', () => {
  it('accepts days and a window, sorted and without repeats', () => {
    expect(checkWorkingHoursForm({ days: ['5', '1', '3', '3'], start: '08:30', end: '16:00' })).toEqual({
      ok: true,
      window: { workDays: [1, 3, 5], startMinute: 510, endMinute: 960 },
    });
  });

  it('needs at least one day', () => {
    expect(checkWorkingHoursForm({ days: [], start: '09:00', end: '17:00' })).toEqual({ ok: false, errors: { work_days: 'Pick at least one day.' } });
  });

  it('needs the start before the end, and says so on the end', () => {
    for (const end of ['09:00', '08:59']) {
      expect(checkWorkingHoursForm({ days: ['1'], start: '09:00', end })).toEqual({ ok: false, errors: { work_end: 'The end must come after the start.' } });
    }
  });

  it('asks for a missing time on its own field', () => {
    const check = checkWorkingHoursForm({ days: ['1'], start: undefined, end: 'late' });
    expect(check.ok).toBe(false);
    expect(!check.ok && Object.keys(check.errors).sort()).toEqual(['work_end', 'work_start']);
  });

  it('does not trust day values no form of ours sends', () => {
    for (const days of [['0'], ['8'], ['1', 'monday'], ['1.5']]) {
      const check = checkWorkingHoursForm({ days, start: '09:00', end: '17:00' });
      expect(!check.ok && check.errors.work_days).toMatch(/could not be read/);
    }
  });
});
