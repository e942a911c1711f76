// The confidentiality promise, as properties over random records: whatever a leader
// writes, a private item never reaches the coach (not even its existence), a summary
// item reaches them as goal, score and status only, a shared item in full, and anyone
// other than the coach gets nothing at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coachViewOf, type CoachView } from '../../../src/domain/privacy/index.js';
import { COACH, ENGAGEMENT, forbiddenMarkers, LEADER, markedRecordArb, stricter, summaryHiddenMarkers } from './arbitraries.js';

const RUNS = { numRuns: 300 };
const serialise = (view: CoachView) => JSON.stringify(view);
const isEmpty = (v: CoachView) =>
  [v.checkIns, v.actions, v.reflections, v.moments, v.targets, v.sessions].every((list) => list.length === 0);

describe('coachViewOf', () => {
  it('never lets a marker of a private item, or of another leader or engagement, through', () => {
    fc.assert(
      fc.property(markedRecordArb, (m) => {
        const out = serialise(coachViewOf(COACH, m.record));
        for (const marker of forbiddenMarkers(m)) expect(out).not.toContain(marker.value);
      }),
      RUNS,
    );
  });

  it('does not count private check-ins: the coach cannot tell they happened', () => {
    fc.assert(
      fc.property(markedRecordArb, (m) => {
        const view = coachViewOf(COACH, m.record);
        const visible = m.record.checkIns.filter((c) => c.visibility !== 'private' && c.leaderId === LEADER && c.engagementId === ENGAGEMENT);
        expect(view.checkIns.map((c) => c.id).sort()).toEqual(visible.map((c) => c.id).sort());
      }),
      RUNS,
    );
  });

  it('shows a summary item as goal, score and status only', () => {
    fc.assert(
      fc.property(markedRecordArb, (m) => {
        const view = coachViewOf(COACH, m.record);
        const out = serialise(view);
        for (const marker of summaryHiddenMarkers(m)) expect(out).not.toContain(marker.value);
        for (const c of view.checkIns.filter((c) => c.visibility === 'summary')) {
          const source = m.record.checkIns.find((s) => s.id === c.id)!;
          expect(c).toEqual({ id: source.id, createdAt: source.createdAt, visibility: 'summary', goal: source.goal, commitment: source.commitment, targetId: null, detail: null });
        }
        for (const a of view.actions) {
          const source = m.record.actions.find((s) => s.id === a.id)!;
          const checkIn = m.record.checkIns.find((c) => c.id === source.checkInId);
          const visibility = checkIn ? stricter(source.visibility, checkIn.visibility) : source.visibility;
          expect(a.status).toBe(source.status);
          expect(a.text).toBe(visibility === 'shared' ? source.text : null);
        }
        for (const r of view.reflections.filter((r) => r.visibility === 'summary')) expect(r.body).toBeNull();
        for (const mo of view.moments.filter((mo) => mo.visibility === 'summary')) expect([mo.note, mo.permalink]).toEqual([null, null]);
      }),
      RUNS,
    );
  });

  it('shows a shared item in full, and the contracted targets', () => {
    fc.assert(
      fc.property(markedRecordArb, (m) => {
        const out = serialise(coachViewOf(COACH, m.record));
        const expected = m.markers.filter((k) => !k.foreign && (k.visibility === 'shared' || k.visibility === 'contracted'));
        for (const marker of expected) expect(out).toContain(marker.value);
      }),
      RUNS,
    );
  });

  it('gives anyone but the coach (a sponsor, the leader, another coach) an empty view', () => {
    const viewerArb = fc.oneof(fc.constantFrom('U0SPONSOR1', 'U0HRADMIN1', LEADER, ''), fc.string({ minLength: 1, maxLength: 11 }).filter((s) => s !== COACH));
    fc.assert(
      fc.property(markedRecordArb, viewerArb, (m, viewer) => {
        const view = coachViewOf(viewer, m.record);
        expect(isEmpty(view)).toBe(true);
        const out = serialise(view);
        for (const marker of m.markers) expect(out).not.toContain(marker.value);
      }),
      RUNS,
    );
  });

  it('gives the coach nothing of an engagement the leader has not accepted', () => {
    fc.assert(
      fc.property(markedRecordArb, fc.constantFrom('invited', 'declined' as const), (m, status) => {
        const view = coachViewOf(COACH, { ...m.record, engagement: { ...m.record.engagement, status } });
        expect(isEmpty(view)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps a coach who is also the leader (a misconfigured engagement) from seeing anything', () => {
    fc.assert(
      fc.property(markedRecordArb, (m) => {
        const record = { ...m.record, engagement: { ...m.record.engagement, coachId: LEADER } };
        expect(isEmpty(coachViewOf(LEADER, record))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});

describe('coachViewOf, by example', () => {
  const base = {
    engagement: { id: ENGAGEMENT, coachId: COACH, leaderId: LEADER, status: 'active' as const },
    actions: [], reflections: [], targets: [], sessions: [],
  };
  const checkIn = (visibility: 'private' | 'summary' | 'shared') => ({
    id: `c-${visibility}`, leaderId: LEADER, engagementId: ENGAGEMENT, createdAt: new Date('2026-03-01T10:00:00Z'),
    goal: 'Delegate the roadmap', reality: 'I rewrite every draft', options: 'Ask Sam to own it', will: 'Hand over on Monday',
    makeItTen: 'A clear deadline', commitment: 7, targetId: null, visibility,
  });

  it('carries reality, options, will and "make it a 10" only for a shared check-in', () => {
    const view = coachViewOf(COACH, { ...base, checkIns: [checkIn('private'), checkIn('summary'), checkIn('shared')] });
    expect(view.checkIns.map((c) => [c.id, c.detail?.reality ?? null])).toEqual([
      ['c-summary', null],
      ['c-shared', 'I rewrite every draft'],
    ]);
  });

  it('gives a summary moment its date only: the permalink would say which conversation', () => {
    const moment = {
      id: 'm1', leaderId: LEADER, engagementId: null, kind: 'moment', body: { note: 'How I handled the pushback' },
      rating: null, permalink: 'https://acme.slack.com/archives/C1/p1', visibility: 'summary' as const, createdAt: new Date(), actionId: null,
    };
    const view = coachViewOf(COACH, { ...base, checkIns: [], reflections: [moment] });
    expect(view.moments).toEqual([{ id: 'm1', createdAt: moment.createdAt, visibility: 'summary', note: null, permalink: null }]);
  });

  it('never shows an action more than the check-in it came from', () => {
    const action = {
      id: 'a1', leaderId: LEADER, engagementId: ENGAGEMENT, checkInId: 'c-private', visibility: 'shared' as const,
      text: 'Hand over on Monday', status: 'open' as const, dueAt: new Date(), createdAt: new Date(), answeredAt: null,
    };
    expect(coachViewOf(COACH, { ...base, checkIns: [checkIn('private')], actions: [action] }).actions).toEqual([]);
    const fromSummary = coachViewOf(COACH, { ...base, checkIns: [checkIn('summary')], actions: [{ ...action, checkInId: 'c-summary' }] });
    expect(fromSummary.actions.map((a) => a.text)).toEqual([null]);
  });
});
