// The coach's roster: every engagement they run or have offered, most in need of
// attention first. Every signal comes from `coachViewOf` and `sharedPulseStagesOf`
// (src/domain/privacy), never from the rows themselves; the whole roster is read with a
// fixed number of queries however many leaders the coach has.
import { loadLeaderRecords } from '../../db/coach-view.js';
import { listEngagementsOf } from '../../db/engagements.js';
import { listPulseSharing } from '../../db/pulse-sharing.js';
import { attentionOf, byNeed, type AttentionSignal } from '../domain/engagement/attention.js';
import { rosterSignals, type RosterSignals } from '../domain/engagement/roster.js';
import { coachViewOf, sharedPulseStagesOf } from '../domain/privacy/index.js';
import type { ServiceContext } from './context.js';
import { withSessions, type HomeEngagement } from './engagement-home.js';

export interface CoachRosterEntry extends HomeEngagement {
  signals: RosterSignals;
  /** What may need the coach's attention, most weighty first; none while invited. */
  attention: AttentionSignal[];
}

export async function loadCoachRoster(ctx: ServiceContext, teamId: string, userId: string, now: Date): Promise<CoachRosterEntry[]> {
  const live = await withSessions(ctx, teamId, await listEngagementsOf(ctx.db, teamId, userId, ['invited', 'active'], 'coach'));
  const running = live.filter((e) => e.engagement.status === 'active').map(({ engagement: e }) => ({ id: e.id, coachId: e.coachId, leaderId: e.leaderId, status: e.status }));
  const [records, pulse] = await Promise.all([
    loadLeaderRecords(ctx.db, ctx.cipher, { teamId, engagements: running }),
    listPulseSharing(ctx.db, teamId, running.map((e) => e.id)),
  ]);
  const recordOf = new Map(records.map((r) => [r.engagement.id, r]));
  const entries = live.map((e) => {
    const parties = { id: e.engagement.id, coachId: e.engagement.coachId, leaderId: e.engagement.leaderId, status: e.engagement.status };
    const record = recordOf.get(e.engagement.id) ?? { engagement: parties, checkIns: [], actions: [], reflections: [], targets: [], sessions: e.sessions };
    const view = coachViewOf(userId, record);
    const signals = rosterSignals(e.engagement.status, view, now);
    const attention = e.engagement.status === 'active' ? attentionOf(view, sharedPulseStagesOf(userId, parties, pulse.get(e.engagement.id) ?? []), now) : [];
    return { ...e, signals, attention };
  });
  // Invitations wait at the end: there is nothing to ask about until the leader accepts.
  const rank = (x: CoachRosterEntry) => ({ leaderId: x.engagement.leaderId, signals: x.attention, nextSessionAt: x.signals.nextSessionAt });
  return entries.sort((a, b) => Number(a.engagement.status === 'invited') - Number(b.engagement.status === 'invited') || byNeed(rank(a), rank(b)));
}
