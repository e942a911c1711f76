// The rhythm each style plans: the light rhythm sends only follow-ups and session prep,
// the other styles keep the full rhythm, and a kind the leader turned off is never planned.
import { describe, expect, it } from 'vitest';
import { planEngagement } from '../../../src/domain/planner/plan-engagement.js';
import type { PlanInput } from '../../../src/domain/planner/types.js';
import { STYLES, styleForResistance, type Style } from '../../../src/domain/engagement/style.js';
import { scenario } from './scenario.js';

const base = scenario({ tz: 'Europe/Berlin', firstDate: '2024-06-11', time: '10:00' });
const withOpenAction: PlanInput = { ...base, openAction: { id: 'a1', dueAt: new Date('2024-06-20T10:00:00Z') }, now: new Date('2024-06-12T08:00:00Z') };
const styled = (style: Style, mutedKinds: string[] = []): PlanInput => ({ ...withOpenAction, engagement: { ...withOpenAction.engagement, style, mutedKinds } });
const kindsOf = (input: PlanInput) => [...new Set(planEngagement(input).map((s) => s.kind))].sort();

describe('the rhythm each style plans', () => {
  it('the full rhythm plans follow-up, prep, check-in prompts and both reviews', () => {
    expect(kindsOf(styled('standard'))).toEqual(['checkin_prompt', 'closing_review', 'follow_up', 'midpoint_review', 'session_prep']);
  });

  it('the light rhythm plans only the follow-up and session prep', () => {
    expect(kindsOf(styled('light'))).toEqual(['follow_up', 'session_prep']);
  });

  it('the light rhythm keeps the same times for what it does send', () => {
    const full = planEngagement(styled('standard')).filter((s) => s.kind === 'follow_up' || s.kind === 'session_prep');
    expect(planEngagement(styled('light'))).toEqual(full);
    expect(full.length).toBeGreaterThan(6);
  });

  it.each(['experiment', 'goal_first', 'chooser'] as const)('%s keeps the full rhythm', (style) => {
    expect(planEngagement(styled(style))).toEqual(planEngagement(styled('standard')));
  });

  it('an engagement with no style plans as the full rhythm', () => {
    expect(planEngagement(withOpenAction)).toEqual(planEngagement(styled('standard')));
  });

  it('never plans a kind the leader turned off, in any style', () => {
    for (const style of STYLES) {
      const kinds = kindsOf(styled(style, ['follow_up', 'checkin_prompt']));
      expect(kinds).not.toContain('follow_up');
      expect(kinds).not.toContain('checkin_prompt');
      expect(kinds).toContain('session_prep');
    }
    expect(kindsOf(styled('chooser', ['follow_up', 'session_prep', 'checkin_prompt', 'midpoint_review', 'closing_review']))).toEqual([]);
  });

  it('the contracting answer sets the style; none sets the full rhythm', () => {
    expect(styleForResistance('no_time')).toBe('light');
    expect(styleForResistance('not_sure')).toBe('experiment');
    expect(styleForResistance('dont_need')).toBe('goal_first');
    expect(styleForResistance('did_not_work')).toBe('chooser');
    expect(styleForResistance(null)).toBe('standard');
    expect(styleForResistance('something else')).toBe('standard');
  });
});
