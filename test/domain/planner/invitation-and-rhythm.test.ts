import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RHYTHM_VARIABLES } from '../../../src/config.js';
import { isDomainError } from '../../../src/domain/errors.js';
import { planInvitation } from '../../../src/domain/planner/invitation.js';
import { planEngagement } from '../../../src/domain/planner/plan-engagement.js';
import { defaultRhythm, resolveRhythm } from '../../../src/domain/planner/rhythm.js';
import { atLocalTime } from '../../../src/domain/time/local-time.js';
import { defaultWorkingHours } from '../../../src/domain/time/working-hours.js';
import { scenario } from './scenario.js';

const hours = { ...defaultWorkingHours, workDays: [1, 2, 3, 4, 5], tz: 'Asia/Tokyo' };
const tokyo = (date: string, time: string) => atLocalTime(date, time, 'Asia/Tokyo');
const invite = (now: Date, status: 'invited' | 'active' = 'invited') =>
  planInvitation({ engagement: { id: 'e1', status }, leader: { userId: 'U1', hours }, now });

describe('planInvitation', () => {
  it('invites right away during the leader’s working hours', () => {
    const now = tokyo('2024-06-12', '11:05');
    expect(invite(now)).toEqual({
      kind: 'invitation',
      recipientId: 'U1',
      dedupeKey: 'e1:invitation:once',
      dueAt: now,
      ref: { engagementId: 'e1' },
    });
  });

  it('waits for the leader’s working day when the coach starts it at night', () => {
    expect(invite(tokyo('2024-06-14', '22:00'))?.dueAt).toEqual(tokyo('2024-06-17', '09:00'));
  });

  it('plans no invitation once the engagement is no longer invited', () => {
    expect(invite(tokyo('2024-06-12', '11:05'), 'active')).toBeNull();
  });
});

describe('rhythm settings', () => {
  it('ships the defaults the README documents, one variable per setting', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const documented = Object.fromEntries(
      Object.entries(RHYTHM_VARIABLES).map(([variable, key]) => {
        const row = readme.split('\n').find((line) => line.startsWith(`| \`${variable}\``));
        return [key, Number(row?.match(/\| `([^`]+)` \|\s*$/)?.[1])];
      }),
    );
    expect(Object.keys(documented).sort()).toEqual(Object.keys(defaultRhythm).sort());
    expect(resolveRhythm()).toEqual(documented);
    expect(resolveRhythm({ followUpFraction: undefined })).toEqual(defaultRhythm);
  });

  it('rejects settings that cannot make a rhythm', () => {
    for (const bad of [{ followUpFraction: 1.5 }, { prepWorkingDaysBefore: 0 }, { checkinPromptHoursAfter: -1 }, { backOffAfterUnanswered: 0 }]) {
      let caught: unknown;
      try {
        resolveRhythm(bad);
      } catch (e) {
        caught = e;
      }
      expect(isDomainError(caught) && caught.code === 'invalid_input').toBe(true);
    }
  });

  it('moves every offset it names', () => {
    const input = scenario({ tz: 'Asia/Tokyo', firstDate: '2024-06-04', time: '10:00' });
    const later = planEngagement({ ...input, rhythm: { checkinPromptHoursAfter: 5, closingReviewHoursAfter: 4 } });
    expect(later.find((s) => s.kind === 'checkin_prompt' && s.sessionId === 's1')?.dueAt).toEqual(tokyo('2024-06-04', '16:00'));
    expect(later.find((s) => s.kind === 'closing_review')?.dueAt).toEqual(tokyo('2024-08-13', '15:00'));
  });
});
