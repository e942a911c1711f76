// The Settings surfaces are valid Block Kit for any window a person or operator can
// choose, and describe that window in words a person reads at a glance.
import { describe, expect, it } from 'vitest';
import { leaderHomeView } from '../../../src/slack/blocks/leader-home.js';
import { describeDays, settingsHomeBlocks, settingsModal } from '../../../src/slack/blocks/settings.js';
import { validateView } from '../../emulator/block-kit/validate-surface.js';

const windows = [
  { workDays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1050 },
  { workDays: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440 },
  { workDays: [7], startMinute: 1380, endMinute: 1439 },
];

describe('settings surfaces', () => {
  it('are valid Block Kit for every kind of window, including one that runs to midnight', () => {
    for (const window of windows) {
      const modal = settingsModal({ window, tz: 'America/Argentina/ComodRivadavia' });
      expect(validateView(modal as unknown as Record<string, unknown>)).toEqual([]);
      const home = leaderHomeView({ recent: [], localDate: () => '', extra: settingsHomeBlocks(window, 'Asia/Kolkata') });
      expect(validateView(home as unknown as Record<string, unknown>)).toEqual([]);
    }
  });

  it('names the days as ranges and lists', () => {
    expect(describeDays([1, 2, 3, 4, 5])).toBe('Mon–Fri');
    expect(describeDays([1, 2, 3, 4, 5, 6, 7])).toBe('every day');
    expect(describeDays([1, 3, 6, 7])).toBe('Mon, Wed, Sat, Sun');
    expect(describeDays([5, 1, 2, 3])).toBe('Mon–Wed, Fri');
  });
});
