// The registry of nudge kinds: one definition for every kind the domain names, each
// saying who receives it and how it is planned, consistent with what the engagement plan
// owns, and with buttons only where the message has them.
import { describe, expect, it } from 'vitest';
import { KIND_DEFINITIONS } from '../../jobs/kinds/index.js';
import { definitionOf } from '../../jobs/kinds/decide-nudge.js';
import { ENGAGEMENT_PLAN_KINDS, NUDGE_KINDS, PULSE_KINDS, RHYTHM_KINDS, SPONSOR_KINDS } from '../../src/domain/nudge-kinds.js';

describe('nudge kind registry', () => {
  it('defines exactly the kinds the domain names', () => {
    expect(Object.keys(KIND_DEFINITIONS).sort()).toEqual([...NUDGE_KINDS].sort());
    for (const kind of NUDGE_KINDS) expect(definitionOf(kind)).toBe(KIND_DEFINITIONS[kind]);
  });

  it('knows nothing of a kind the domain does not name', () => {
    expect(definitionOf('sponsor_gossip')).toBeUndefined();
  });

  it('plans through the engagement exactly the kinds the engagement plan owns', () => {
    const byEngagement = NUDGE_KINDS.filter((k) => KIND_DEFINITIONS[k].plannedBy.some((p) => p.startsWith('engagement-')));
    expect(byEngagement.sort()).toEqual([...ENGAGEMENT_PLAN_KINDS].sort());
    const byRhythm = NUDGE_KINDS.filter((k) => KIND_DEFINITIONS[k].plannedBy.includes('engagement-rhythm'));
    expect(byRhythm.sort()).toEqual([...RHYTHM_KINDS].sort());
  });

  it('sends coaches what the coach schedule plans and the pulse results a leader shared, stakeholders and sponsors their questions, and leaders the rest', () => {
    const coachFromPulse = ['pulse_shared'];
    const toStakeholders = ['pulse_question', 'pulse_reminder'];
    const toSponsors: string[] = [...SPONSOR_KINDS];
    for (const kind of NUDGE_KINDS) {
      const d = KIND_DEFINITIONS[kind];
      const expected = d.plannedBy.includes('coach-schedule') || d.plannedBy.includes('coach-notice') || coachFromPulse.includes(kind) ? 'coach' : toStakeholders.includes(kind) ? 'stakeholder' : toSponsors.includes(kind) ? 'sponsor' : 'leader';
      expect(d.recipient, kind).toBe(expected);
    }
    expect(NUDGE_KINDS.filter((k) => KIND_DEFINITIONS[k].plannedBy.includes('engagement-pulse')).sort()).toEqual([...PULSE_KINDS].sort());
    expect(NUDGE_KINDS.filter((k) => KIND_DEFINITIONS[k].plannedBy.includes('engagement-sponsor')).sort()).toEqual([...SPONSOR_KINDS].sort());
  });

  it('backs off only the unanswered-follow-up kinds, and every kind waits for working hours', () => {
    expect(NUDGE_KINDS.filter((k) => KIND_DEFINITIONS[k].rules.backOff).sort()).toEqual(['checkin_prompt', 'follow_up', 'precondition']);
    for (const kind of NUDGE_KINDS) expect(KIND_DEFINITIONS[kind].rules.workingHours, kind).toBe(true);
  });

  it('names the buttons of the leader-facing messages, and none for the coach digests', () => {
    expect(KIND_DEFINITIONS.follow_up.actions).toHaveLength(5);
    expect(KIND_DEFINITIONS.invitation.actions).toEqual(['engagement_accept', 'engagement_decline']);
    expect(KIND_DEFINITIONS.digest.actions).toEqual([]);
    expect(KIND_DEFINITIONS.brief.actions).toEqual([]);
    expect(KIND_DEFINITIONS.pulse_question.actions).toEqual(['pulse_answer_open', 'pulse_decline']);
    expect(KIND_DEFINITIONS.pulse_shared.actions).toEqual([]);
    expect(KIND_DEFINITIONS.sponsor_outcomes.actions).toEqual(['sponsor_answer_open']);
    expect(KIND_DEFINITIONS.sponsor_change.actions).toEqual(['sponsor_answer_open']);
  });
});
