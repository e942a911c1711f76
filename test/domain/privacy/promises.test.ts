// Every sentence that tells a leader what their coach sees, read against
// the rule itself: for each kind of item and each visibility, the parts the coach's view
// actually holds are exactly the parts the sentence names, and the parts it withholds at
// "summary" are exactly the parts the sentence says are not seen.
import { describe, expect, it } from 'vitest';
import {
  COACH_SEES,
  coachSeesSentence,
  coachViewOf,
  type CoachView,
  type LeaderRecord,
  type PromiseSubject,
  type SeenPart,
  type Visibility,
} from '../../../src/domain/privacy/index.js';

const COACH = 'U0COACH001';
const LEADER = 'U0LEADER01';
const E = 'e0000000-0000-4000-8000-000000000001';
const at = new Date('2026-03-02T10:00:00Z');
const VISIBILITIES: Visibility[] = ['private', 'summary', 'shared'];

/** A record holding one item of `subject` at `visibility`, every field filled in. */
function recordWith(subject: PromiseSubject, visibility: Visibility): LeaderRecord {
  const base: LeaderRecord = {
    engagement: { id: E, coachId: COACH, leaderId: LEADER, status: 'active' },
    checkIns: [],
    actions: [],
    reflections: [],
    targets: [],
    sessions: [],
  };
  const own = { leaderId: LEADER, engagementId: E, createdAt: at, visibility };
  if (subject === 'check_in') {
    base.checkIns.push({ ...own, id: 'c1', goal: 'G', reality: 'R', options: 'O', will: 'W', makeItTen: 'T', commitment: 7, targetId: null });
    base.actions.push({ ...own, id: 'a1', checkInId: 'c1', text: 'W', status: 'done', dueAt: at, answeredAt: at });
  } else {
    const body: Record<string, string> = subject === 'moment' ? { note: 'N' } : { happened: 'H' };
    const kind = subject === 'moment' ? 'moment' : 'coachability_openness';
    base.reflections.push({ ...own, id: 'r1', kind, body, rating: subject === 'moment' ? null : 6, permalink: subject === 'moment' ? 'https://x.slack.com/p1' : null, actionId: null });
  }
  return base;
}

/** What the view actually holds of the one item, read field by field. */
function partsSeen(subject: PromiseSubject, view: CoachView): Set<SeenPart> {
  const seen = new Set<SeenPart>();
  const add = (part: SeenPart, present: unknown) => {
    if (present !== null && present !== undefined && present !== false) seen.add(part);
  };
  if (subject === 'check_in') {
    const c = view.checkIns[0];
    const a = view.actions[0];
    add('exists', c ?? a);
    add('goal', c?.goal);
    add('commitment', c?.commitment);
    add('action_status', a?.status);
    add('reality', c?.detail?.reality);
    add('options', c?.detail?.options);
    add('will', c?.detail?.will ?? a?.text);
    add('make_it_ten', c?.detail?.makeItTen);
  } else if (subject === 'reflection') {
    const r = view.reflections[0];
    add('exists', r);
    add('date', r?.createdAt);
    add('rating', r?.rating);
    add('answers', r?.body);
  } else {
    const m = view.moments[0];
    add('exists', m);
    add('date', m?.createdAt);
    add('note', m?.note);
    add('link', m?.permalink);
  }
  return seen;
}

const SUBJECTS: PromiseSubject[] = ['check_in', 'reflection', 'moment'];

describe('what a leader is told their coach sees', () => {
  for (const subject of SUBJECTS) {
    for (const visibility of VISIBILITIES) {
      it(`${subject} at ${visibility}: the table is exactly what coachViewOf keeps`, () => {
        const seen = partsSeen(subject, coachViewOf(COACH, recordWith(subject, visibility)));
        expect(seen).toEqual(new Set(COACH_SEES[subject][visibility]));
      });
    }
  }

  it('names, at summary, each part the coach sees and each part they do not', () => {
    expect(coachSeesSentence('check_in', 'summary')).toBe(
      'Your coach sees your goal as you wrote it, your commitment score and whether you did your action, and by when it was due, not your reality, your options, your action in your words or what would make it a 10.',
    );
    expect(coachSeesSentence('reflection', 'summary')).toBe('Your coach sees when you answered and any rating you gave, not your answers.');
    expect(coachSeesSentence('moment', 'summary')).toBe('Your coach sees when you answered, not your note or a link to the message.');
  });

  it('says a private item is not even known to exist, and a shared one is seen whole', () => {
    for (const subject of SUBJECTS) {
      expect(coachSeesSentence(subject, 'private')).toMatch(/^Only you see this .*does not even see that it exists\.$/);
      expect(coachSeesSentence(subject, 'shared')).toMatch(/^Your coach sees all of it: /);
      expect(coachSeesSentence(subject, 'shared')).not.toMatch(/, not /);
    }
  });
});
