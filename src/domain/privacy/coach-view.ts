// The one gate between what a leader writes and what their coach sees. Every
// coach-facing surface (digest, brief, roster) is built from `coachViewOf` and nothing
// else. The rules, by the leader's choice on each item:
//   private → nothing: not the text, not the score, not even that the item exists. A
//             private check-in does not count as "checked in" (counting it would tell
//             the coach something the leader kept to themselves).
//   summary → a check-in's goal and commitment score, its action's status and due date;
//             a reflection's kind, date and rating; a moment's date. No other text.
//   shared  → the full text, and a moment's permalink.
// An action carries the visibility of the check-in that made it (never more). Targets are agreed
// with the coach at contracting, so they are visible to the coach; they have no
// visibility of their own, except the closing review's ratings, which follow the
// visibility the leader chose in that review (`closingRatingsReachCoach`). Anyone other
// than the engagement's coach (a sponsor, HR, a manager, the leader's other coach) gets
// an empty view, as does an engagement the leader has not accepted. Items of another leader or another engagement are dropped.
import type {
  ActionRecord,
  CheckInRecord,
  CoachAction,
  CoachCheckIn,
  CoachMoment,
  CoachReflection,
  CoachView,
  LeaderRecord,
  ReflectionRecord,
  Visibility,
} from './types.js';

export const MOMENT_KIND = 'moment';

const byTime = <T extends { createdAt: Date }>(a: T, b: T) => a.createdAt.getTime() - b.createdAt.getTime();

function emptyView(record: LeaderRecord): CoachView {
  const { id, leaderId } = record.engagement;
  return { engagementId: id, leaderId, checkIns: [], actions: [], reflections: [], moments: [], targets: [], sessions: [] };
}

function viewCheckIn(c: CheckInRecord): CoachCheckIn | null {
  if (c.visibility === 'private') return null;
  const base = { id: c.id, createdAt: c.createdAt, goal: c.goal, commitment: c.commitment, targetId: c.targetId };
  if (c.visibility === 'summary') return { ...base, visibility: 'summary', detail: null };
  return { ...base, visibility: 'shared', detail: { reality: c.reality, options: c.options, will: c.will, makeItTen: c.makeItTen } };
}

const RANK: Record<Visibility, number> = { private: 0, summary: 1, shared: 2 };
const stricter = (a: Visibility, b: Visibility | undefined): Visibility => (b !== undefined && RANK[b] < RANK[a] ? b : a);

function viewAction(a: ActionRecord, visibility: Visibility): CoachAction | null {
  if (visibility === 'private') return null;
  return {
    id: a.id,
    status: a.status,
    dueAt: a.dueAt,
    createdAt: a.createdAt,
    answeredAt: a.answeredAt,
    text: visibility === 'shared' ? a.text : null,
  };
}

/** A private reflection or moment shows nothing; the others show their facts, and their words only when shared. */
function seenReflection(r: ReflectionRecord) {
  if (r.visibility === 'private') return null;
  return { facts: { id: r.id, createdAt: r.createdAt, visibility: r.visibility }, shared: r.visibility === 'shared' };
}

function viewReflection(r: ReflectionRecord): CoachReflection | null {
  const seen = seenReflection(r);
  if (!seen) return null;
  return { ...seen.facts, kind: r.kind, rating: r.rating, actionId: r.actionId, body: seen.shared ? { ...r.body } : null };
}

function viewMoment(r: ReflectionRecord): CoachMoment | null {
  const seen = seenReflection(r);
  if (!seen) return null;
  return { ...seen.facts, note: seen.shared ? (r.body.note ?? '') : null, permalink: seen.shared ? r.permalink : null };
}

const present = <T>(x: T | null): x is T => x !== null;

/**
 * The closing review's ratings are numbers, with no words of the leader's: `summary` and
 * `shared` both show them, `private` shows none. Before the leader chose, there is no
 * rating to show.
 */
export const closingRatingsReachCoach = (visibility: Visibility | null | undefined): boolean => visibility === 'summary' || visibility === 'shared';

/** What `viewerId` may see of the leader's record; see the module header for the rules. */
export function coachViewOf(viewerId: string, record: LeaderRecord): CoachView {
  const { engagement } = record;
  const view = emptyView(record);
  if (viewerId !== engagement.coachId || viewerId === engagement.leaderId) return view;
  if (engagement.status !== 'active' && engagement.status !== 'ended' && engagement.status !== 'completed') return view;
  // Items of another engagement (the leader may have another coach) stay out; items
  // without one (a saved moment) are the loader's to attribute.
  const ours = <T extends { leaderId: string; engagementId: string | null }>(item: T) =>
    item.leaderId === engagement.leaderId && (item.engagementId === null || item.engagementId === engagement.id);
  const reflections = record.reflections.filter(ours).sort(byTime);
  // An action is never more visible than the check-in it came from, whatever it carries.
  const checkInVisibility = new Map(record.checkIns.map((c) => [c.id, c.visibility]));
  return {
    ...view,
    checkIns: record.checkIns.filter(ours).sort(byTime).map(viewCheckIn).filter(present),
    actions: record.actions
      .filter(ours)
      .sort(byTime)
      .map((a) => viewAction(a, stricter(a.visibility, checkInVisibility.get(a.checkInId))))
      .filter(present),
    reflections: reflections.filter((r) => r.kind !== MOMENT_KIND).map(viewReflection).filter(present),
    moments: reflections.filter((r) => r.kind === MOMENT_KIND).map(viewMoment).filter(present),
    targets: record.targets
      .filter((t) => t.engagementId === engagement.id)
      .sort((a, b) => a.position - b.position)
      .map(({ engagementId: _, ...target }) => ({ ...target, closingRating: closingRatingsReachCoach(engagement.closingVisibility) ? target.closingRating : null })),
    sessions: record.sessions
      .filter((s) => s.engagementId === engagement.id)
      .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())
      .map((s) => ({ id: s.id, seq: s.seq, scheduledAt: s.scheduledAt, status: s.status })),
  };
}
