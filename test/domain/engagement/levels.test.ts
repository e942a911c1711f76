// The level lens: targets grouped by level wherever they are listed, the level guide where
// a leader picks one, and the brief's question about the foundation, from the coach's view.
import { describe, expect, it } from 'vitest';
import { composeBrief } from '../../../src/domain/digest/index.js';
import { foundationQuestion, groupByLevel, LEVEL_DESCRIPTIONS, LEVELS, levelLabel } from '../../../src/domain/engagement/levels.js';
import type { CoachView } from '../../../src/domain/privacy/index.js';
import { buildBriefMessage } from '../../../src/slack/blocks/brief-message.js';
import { contractingModal } from '../../../src/slack/blocks/contracting-modal.js';
import { leaderEngagementBlocks } from '../../../src/slack/blocks/engagement-home.js';
import { validateMessageBlocks, validateView } from '../../emulator/block-kit/validate-surface.js';

const now = new Date('2026-03-09T09:00:00Z');
const E1 = '00000000-0000-4000-8000-000000000001';
const target = (position: number, level: number | null, baseline: number) => ({
  id: `t${position}`, position, description: `Target number ${position}`, level, baseline, midpointRating: null, closingRating: null, createdAt: now,
});
const view = (targets: ReturnType<typeof target>[]): CoachView =>
  ({ engagementId: '00000000-0000-4000-8000-0000000000e1', leaderId: 'U0LEADER01', checkIns: [], actions: [], reflections: [], moments: [], targets, sessions: [{ id: 's1', seq: 1, scheduledAt: now, status: 'scheduled' }] }) as unknown as CoachView;

describe('the five levels', () => {
  it('each have a name, a one-line description and a label that fits a select option', () => {
    expect(LEVELS).toHaveLength(5);
    expect(LEVEL_DESCRIPTIONS).toHaveLength(5);
    for (let level = 1; level <= 5; level++) expect(levelLabel(level).length).toBeLessThanOrEqual(75);
    expect(levelLabel(1)).toBe('Level 1 · Self-awareness & emotional intelligence');
  });

  it('group targets by level, foundation first, targets without a level last', () => {
    const groups = groupByLevel([target(1, 4, 5), target(2, null, 6), target(3, 1, 3)]);
    expect(groups.map((g) => [g.level, g.targets.map((t) => t.position)])).toEqual([[1, [3]], [4, [1]], [null, [2]]]);
  });
});

describe('whether the foundation comes first', () => {
  it('is asked when the work aims at level 4 or 5 and the leader rates a lower-level target low', () => {
    const q = foundationQuestion([target(1, 4, 6), target(2, 2, 3)]);
    expect(q).toMatch(/\?$/);
    expect(q).toContain('target 2 (level 2)');
    expect(q).toContain('3/10');
  });

  it('is asked when every target sits at level 4 or 5 and the leader\'s own baseline is low', () => {
    expect(foundationQuestion([target(1, 5, 2), target(2, 4, 7)])).toContain('every target sits at level 4 or 5');
  });

  it('is not asked when the baselines are not low, when nothing aims high, or without levels', () => {
    expect(foundationQuestion([target(1, 4, 6), target(2, 2, 7)])).toBeNull();
    expect(foundationQuestion([target(1, 5, 8), target(2, 4, 5)])).toBeNull();
    expect(foundationQuestion([target(1, 2, 2), target(2, 3, 1)])).toBeNull();
    expect(foundationQuestion([target(1, null, 1)])).toBeNull();
  });
});

describe('the brief and the Home, through the level lens', () => {
  it('the brief groups targets by level and brings the foundation question, from the coach\'s view', () => {
    const brief = composeBrief(view([target(1, 5, 6), target(2, 1, 2)]), 's1', now)!;
    expect(brief.foundation).toContain('Does the foundation');
    const message = buildBriefMessage({ model: brief, tz: 'Europe/Paris' });
    const text = JSON.stringify(message.blocks);
    expect(text.indexOf('Level 1 · Self-awareness')).toBeGreaterThan(-1);
    expect(text.indexOf('Level 1 · Self-awareness')).toBeLessThan(text.indexOf('Level 5 · Mastery'));
    expect(text).toContain('Questions you might bring');
    expect(text).toContain('Does the foundation');
    expect(validateMessageBlocks(message.blocks as never)).toEqual([]);
  });

  it('the brief asks nothing about the foundation when it does not arise', () => {
    const message = buildBriefMessage({ model: composeBrief(view([target(1, 2, 3)]), 's1', now)!, tz: 'Europe/Paris' });
    expect(JSON.stringify(message.blocks)).not.toContain('foundation');
  });

  it('the leader\'s Home groups targets under each level\'s name and description', () => {
    const blocks = leaderEngagementBlocks(
      [{ engagement: { id: E1, coachId: 'U0COACH001', status: 'active', sessionCount: 8, cadenceDays: 14, sessionMinutes: 60 }, sessions: [], targets: [target(1, 3, 5), target(2, 1, 4)], commitments: [] }],
      'Europe/Paris',
      now,
    );
    const text = JSON.stringify(blocks);
    expect(text).toContain(LEVEL_DESCRIPTIONS[0]);
    expect(text.indexOf('Level 1 ·')).toBeLessThan(text.indexOf('Target 2'));
    expect(text.indexOf('Target 2')).toBeLessThan(text.indexOf('Level 3 ·'));
    expect(text.indexOf('Level 3 ·')).toBeLessThan(text.indexOf('Target 1'));
  });

  it('the contracting modal names and describes every level where the leader picks one', () => {
    const modal = contractingModal({ engagementId: E1, coachId: 'U0COACH001' });
    const text = JSON.stringify(modal.blocks);
    for (let i = 0; i < 5; i++) {
      expect(text).toContain(LEVEL_DESCRIPTIONS[i]);
      expect(text).toContain(levelLabel(i + 1));
    }
    expect(validateView(modal as never)).toEqual([]);
  });
});
