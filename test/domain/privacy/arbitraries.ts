// Random leader records for the privacy properties. Every free-text field, every id and
// every permalink carries a marker that appears nowhere else, so a test can serialise a
// coach view (or a message built from one) and ask of each marker: did it get through?
// Some items belong to another leader or another engagement and must never get through.
import fc from 'fast-check';
import type { LeaderRecord, Visibility } from '../../../src/domain/privacy/index.js';

export const COACH = 'U0COACH001';
export const LEADER = 'U0LEADER01';
export const ENGAGEMENT = 'e0000000-0000-4000-8000-000000000001';
const OTHER_LEADER = 'U0OTHER001';
const OTHER_ENGAGEMENT = 'e0000000-0000-4000-8000-000000000002';

export type ItemType = 'checkIn' | 'action' | 'reflection' | 'moment' | 'target';

export interface Marker {
  value: string;
  type: ItemType;
  itemId: string;
  field: string;
  /** Targets are contracted with the coach and have no visibility of their own. */
  visibility: Visibility | 'contracted';
  /** Another leader's or another engagement's item. */
  foreign: boolean;
}

export interface MarkedRecord {
  record: LeaderRecord;
  markers: Marker[];
  now: Date;
}

type Owner = 'own' | 'other_leader' | 'other_engagement';

const RANK: Record<Visibility, number> = { private: 0, summary: 1, shared: 2 };
/** The stricter of two visibilities: what an action shows when it and its check-in disagree. */
export const stricter = (a: Visibility, b: Visibility): Visibility => (RANK[b] < RANK[a] ? b : a);

const visibilityArb = fc.constantFrom<Visibility>('private', 'summary', 'shared');
const ownerArb = fc.oneof(
  { arbitrary: fc.constant<Owner>('own'), weight: 8 },
  { arbitrary: fc.constantFrom<Owner>('other_leader', 'other_engagement'), weight: 2 },
);
// Printable ASCII, including the characters Slack cares about; never the marker's '§'.
const fillerArb = fc.string({ maxLength: 12 });
const dayArb = fc.integer({ min: 0, max: 40 });
const KINDS = ['follow_up', 'session_prep', 'review', 'coachability_worked', 'coachability_openness', 'coachability_resistance', 'moment'];
const BODY_KEYS = ['happened', 'learned', 'try_next', 'commitment', 'example', 'want', 'worked', 'worthwhile', 'resistance', 'unknown_id'];

const itemArb = fc.record({ visibility: visibilityArb, owner: ownerArb, day: dayArb, fillers: fc.array(fillerArb, { minLength: 2, maxLength: 2 }) });
const checkInArb = fc.record({ item: itemArb, commitment: fc.integer({ min: 1, max: 10 }), makeItTen: fc.boolean() });
const actionArb = fc.record({
  item: itemArb,
  status: fc.constantFrom('open', 'done', 'partly', 'not_yet', 'dropped' as const),
  dueDay: fc.integer({ min: -10, max: 30 }),
  matchesCheckIn: fc.boolean(),
});
const reflectionArb = fc.record({
  item: itemArb,
  kind: fc.constantFrom(...KINDS),
  keys: fc.subarray(BODY_KEYS, { minLength: 0, maxLength: 4 }),
  rating: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  nullEngagement: fc.boolean(),
});

export const markedRecordArb: fc.Arbitrary<MarkedRecord> = fc
  .record({
    status: fc.constantFrom('active', 'ended' as const),
    checkIns: fc.array(checkInArb, { maxLength: 8 }),
    actions: fc.array(actionArb, { maxLength: 6 }),
    reflections: fc.array(reflectionArb, { maxLength: 8 }),
    targets: fc.integer({ min: 0, max: 3 }),
    sessions: fc.integer({ min: 0, max: 4 }),
  })
  .map((spec) => {
    const now = new Date(Date.UTC(2026, 2, 2, 9));
    const at = (day: number) => new Date(now.getTime() - day * 86_400_000);
    const markers: Marker[] = [];
    let n = 0;
    const mark = (type: ItemType, itemId: string, field: string, visibility: Marker['visibility'], foreign: boolean, fillers: string[] = ['', '']) => {
      const value = `§${type}${n++}${field}§`;
      markers.push({ value, type, itemId, field, visibility, foreign });
      return `${fillers[0]} ${value} ${fillers[1]}`;
    };
    const owner = (o: Owner) => ({
      leaderId: o === 'other_leader' ? OTHER_LEADER : LEADER,
      engagementId: o === 'other_engagement' ? OTHER_ENGAGEMENT : ENGAGEMENT,
      foreign: o !== 'own',
    });
    const checkIns = spec.checkIns.map((c, i) => {
      const o = owner(c.item.owner);
      const id = mark('checkIn', `c${i}`, 'id', c.item.visibility, o.foreign).trim();
      const text = (field: string) => mark('checkIn', id, field, c.item.visibility, o.foreign, c.item.fillers);
      return {
        id, leaderId: o.leaderId, engagementId: o.engagementId, createdAt: at(c.item.day),
        goal: text('goal'), reality: text('reality'), options: text('options'), will: text('will'),
        makeItTen: c.makeItTen ? text('makeItTen') : null, commitment: c.commitment, targetId: null, visibility: c.item.visibility,
      };
    });
    const actions = spec.actions.map((a, i) => {
      const o = owner(a.item.owner);
      // Usually the check-in's own visibility, as the loader sets it; sometimes not, to
      // show an action is never more visible than its check-in.
      const source = checkIns[i];
      const visibility = a.matchesCheckIn && source ? source.visibility : a.item.visibility;
      const effective = source ? stricter(visibility, source.visibility) : visibility;
      const id = mark('action', `a${i}`, 'id', effective, o.foreign).trim();
      return {
        id, leaderId: o.leaderId, engagementId: o.engagementId, checkInId: source?.id ?? 'none',
        visibility, text: mark('action', id, 'text', effective, o.foreign, a.item.fillers),
        status: a.status, dueAt: at(-a.dueDay), createdAt: at(a.item.day), answeredAt: null,
      };
    });
    const reflections = spec.reflections.map((r, i) => {
      const o = owner(r.item.owner);
      const type: ItemType = r.kind === 'moment' ? 'moment' : 'reflection';
      const id = mark(type, `r${i}`, 'id', r.item.visibility, o.foreign).trim();
      const keys = r.kind === 'moment' ? ['note'] : r.keys;
      const body = Object.fromEntries(keys.map((k) => [k, mark(type, id, `body.${k}`, r.item.visibility, o.foreign, r.item.fillers)]));
      const permalink = r.kind === 'moment' ? `https://acme.slack.com/archives/C01/p${mark(type, id, 'permalink', r.item.visibility, o.foreign).trim()}` : null;
      return {
        id, leaderId: o.leaderId, engagementId: r.nullEngagement && o.engagementId === ENGAGEMENT ? null : o.engagementId,
        kind: r.kind, body, rating: r.rating, permalink, visibility: r.item.visibility, createdAt: at(r.item.day), actionId: null,
      };
    });
    const targets = Array.from({ length: spec.targets }, (_, i) => ({
      id: `t${i}`, engagementId: ENGAGEMENT, position: i + 1, description: mark('target', `t${i}`, 'description', 'contracted', false),
      baseline: 4, level: null, midpointRating: null, closingRating: null,
    }));
    const sessions = Array.from({ length: spec.sessions }, (_, i) => ({
      id: `s${i}`, engagementId: ENGAGEMENT, seq: i + 1, scheduledAt: at(28 - i * 14), status: 'scheduled' as const,
    }));
    const record: LeaderRecord = {
      engagement: { id: ENGAGEMENT, coachId: COACH, leaderId: LEADER, status: spec.status },
      checkIns, actions, reflections, targets, sessions,
    };
    return { record, markers, now };
  });

/** Markers that must never leave the leader's side: private items and other people's. */
export const forbiddenMarkers = (m: MarkedRecord) => m.markers.filter((k) => k.foreign || k.visibility === 'private');

/** Markers of summary items that are not the goal: only goal, score and status may pass. */
export const summaryHiddenMarkers = (m: MarkedRecord) =>
  m.markers.filter((k) => !k.foreign && k.visibility === 'summary' && k.field !== 'id' && k.field !== 'goal');
