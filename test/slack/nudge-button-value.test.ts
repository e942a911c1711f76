// Button values are encoded and parsed only through the schema: what goes in comes back
// out, and anything else (old formats, tampering, junk) reads as stale, never as data.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUTTON_VALUE_MAX, encodeNudgeValue, parseNudgeValue, type NudgeButtonValue } from '../../src/slack/nudge-button-value.js';

const value: fc.Arbitrary<NudgeButtonValue> = fc.record(
  { nudgeId: fc.uuid(), actionId: fc.uuid(), sessionId: fc.uuid(), engagementId: fc.uuid() },
  { requiredKeys: ['nudgeId'] },
);

describe('nudge button values', () => {
  it('round-trip and stay far within Slack’s 2000 characters', () => {
    fc.assert(
      fc.property(value, (v) => {
        const encoded = encodeNudgeValue(v);
        expect(encoded.length).toBeLessThan(BUTTON_VALUE_MAX / 5);
        expect(parseNudgeValue(encoded)).toEqual(v);
      }),
    );
  });

  it('refuse to encode what the schema does not allow', () => {
    expect(() => encodeNudgeValue({ nudgeId: 'not-a-uuid' })).toThrow();
    expect(() => encodeNudgeValue({ nudgeId: '11111111-1111-4111-8111-111111111111', extra: 'x' } as never)).toThrow();
  });

  it('parse junk, tampered and foreign values as undefined', () => {
    for (const raw of [undefined, null, '', 'followup_done:123', '{', '[]', 'null', '{"nudgeId":"x"}', '{"nudgeId":"11111111-1111-4111-8111-111111111111","token":"xoxb-1"}']) {
      expect(parseNudgeValue(raw)).toBeUndefined();
    }
    fc.assert(
      fc.property(fc.string(), (raw) => {
        expect(() => parseNudgeValue(raw)).not.toThrow();
      }),
    );
  });
});
