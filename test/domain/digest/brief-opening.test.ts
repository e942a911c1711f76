// The brief names the form of resistance the leader named at contracting, the style it
// set, and before the first session how to open it, as questions — only when the leader
// shared that answer, read through the coach's view.
import { describe, expect, it } from 'vitest';
import { composeBrief } from '../../../src/domain/digest/index.js';
import { sharedAnswersOf } from '../../../src/domain/digest/shared-answers.js';
import { OPENING_QUESTIONS } from '../../../src/domain/engagement/style.js';
import { coachViewOf, type LeaderRecord } from '../../../src/domain/privacy/index.js';
import type { Visibility } from '../../../src/domain/checkin/rules.js';
import { buildBriefMessage } from '../../../src/slack/blocks/brief-message.js';

const now = new Date('2026-03-09T09:00:00Z');
const at = (days: number) => new Date(now.getTime() + days * 86_400_000);
const engagement = { id: '00000000-0000-4000-8000-0000000000e1', coachId: 'U0COACH001', leaderId: 'U0LEADER01', status: 'active' as const };

function record(resistance: string | null, visibility: Visibility): LeaderRecord {
  return {
    engagement,
    checkIns: [],
    actions: [],
    targets: [],
    sessions: [1, 2].map((seq) => ({ id: `s${seq}`, engagementId: '00000000-0000-4000-8000-0000000000e1', seq, scheduledAt: at(seq * 14 - 13), status: 'scheduled' as const })),
    reflections: resistance
      ? [{ id: 'r1', leaderId: engagement.leaderId, engagementId: '00000000-0000-4000-8000-0000000000e1', kind: 'coachability_resistance', body: { resistance }, rating: null, permalink: null, visibility, createdAt: at(-1), actionId: null }]
      : [],
  };
}
const brief = (r: LeaderRecord, sessionId = 's1') => composeBrief(coachViewOf(engagement.coachId, r), sessionId, now)!;
const text = (r: LeaderRecord, sessionId = 's1') => JSON.stringify(buildBriefMessage({ model: brief(r, sessionId), tz: 'Europe/London' }).blocks);

describe('the brief and how the leader came in', () => {
  it('names the form and the style, and suggests questions to open the first session', () => {
    expect(brief(record('no_time', 'shared')).opening).toEqual({ resistance: 'I have no time', style: 'light', questions: OPENING_QUESTIONS.light });
    const t = text(record('not_sure', 'shared'));
    expect(t).toContain('at contracting they said “I’m not sure coaching works”');
    expect(t).toContain('Experiments');
    for (const q of OPENING_QUESTIONS.experiment) expect(t).toContain(q);
  });

  it('every suggestion for every form is a question', () => {
    for (const questions of Object.values(OPENING_QUESTIONS)) for (const q of questions) expect(q).toMatch(/\?$/);
  });

  it('after the first session it names the style without the opening questions', () => {
    expect(brief(record('did_not_work', 'shared'), 's2').opening).toEqual({ resistance: 'It didn’t help me before', style: 'chooser', questions: [] });
    expect(text(record('did_not_work', 'shared'), 's2')).not.toContain('To open the first session');
  });

  it('says nothing of it when the answer was kept to a summary or private, or not given', () => {
    for (const r of [record('dont_need', 'summary'), record('dont_need', 'private'), record(null, 'shared')]) {
      expect(brief(r).opening).toBeNull();
      expect(text(r)).not.toContain('How they came in');
    }
    expect(text(record('dont_need', 'shared'))).toContain('How they came in');
  });

  it('reads an answer in the earlier wording as the nearest form', () => {
    expect(brief(record('do_it_myself', 'shared')).opening).toMatchObject({ resistance: 'I can do this myself', style: 'goal_first' });
  });
});

describe('answers shared with the coach read with their questions', () => {
  it('the first prep’s “what would make this time different” and every resistance answer, old wording too', () => {
    expect(sharedAnswersOf({ body: { different: 'Weekly, short, in writing' } })).toEqual([{ question: 'What would make this time different from coaching that didn’t help before?', text: 'Weekly, short, in writing' }]);
    expect(sharedAnswersOf({ body: { resistance: 'no_time' } })[0]!.text).toBe('I have no time');
    expect(sharedAnswersOf({ body: { resistance: 'do_it_myself' } })[0]!.text).toBe('I can do this myself');
  });
});
