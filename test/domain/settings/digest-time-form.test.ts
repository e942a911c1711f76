// A coach's digest day and time as submitted in Settings.
import { describe, expect, it } from 'vitest';
import { checkDigestTimeForm } from '../../../src/domain/settings/digest-time-form.js';

describe('the digest day and time form', () => {
  it('reads a weekday and a clock time', () => {
    expect(checkDigestTimeForm({ day: '5', time: '16:30' })).toEqual({ ok: true, time: { day: 5, minute: 990 } });
  });

  it('refuses a day outside Monday–Sunday and a missing time, on their fields', () => {
    expect(checkDigestTimeForm({ day: '0', time: '09:00' })).toEqual({ ok: false, errors: { digest_day: 'On which day would you like your weekly digest?' } });
    expect(checkDigestTimeForm({ day: '1' })).toEqual({ ok: false, errors: { digest_time: 'At what time would you like it?' } });
    expect(checkDigestTimeForm({ day: 'x', time: '25:00' }).ok).toBe(false);
  });
});
