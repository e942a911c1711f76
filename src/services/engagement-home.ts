// What App Home shows a leader about their own engagements, in full; the coach's roster
// is src/services/coach-roster.ts.
import { and, desc, eq, inArray } from 'drizzle-orm';
import { listEngagementsOf, listSessions, type EngagementRow, type SessionRow } from '../../db/engagements.js';
import { checkIns } from '../../db/schema/index.js';
import { listTargets, type TargetView } from '../../db/targets.js';
import type { ServiceContext } from './context.js';

export interface HomeEngagement {
  engagement: EngagementRow;
  sessions: SessionRow[];
}

export interface LeaderEngagementView extends HomeEngagement {
  targets: TargetView[];
  /** The leader's own commitment scores in this engagement, oldest first. */
  commitments: number[];
}

// Enough history for a trend and the latest shared check-in, without reading everything.
const CHECK_INS_PER_ENGAGEMENT = 10;

export async function withSessions(ctx: ServiceContext, teamId: string, rows: EngagementRow[]): Promise<HomeEngagement[]> {
  const sessions = await listSessions(ctx.db, teamId, rows.map((e) => e.id));
  return rows.map((engagement) => ({ engagement, sessions: sessions.filter((s) => s.engagementId === engagement.id) }));
}

type CheckInRow = Pick<typeof checkIns.$inferSelect, 'id' | 'teamId' | 'leaderId' | 'engagementId' | 'createdAt' | 'goalEnc' | 'realityEnc' | 'optionsEnc' | 'willEnc' | 'makeItTenEnc' | 'commitment' | 'targetId' | 'visibility'>;

/** The latest check-ins of each engagement, newest first, still sealed. */
async function recentCheckIns(ctx: ServiceContext, teamId: string, engagementIds: string[]): Promise<Map<string, CheckInRow[]>> {
  const byEngagement = new Map<string, CheckInRow[]>();
  if (engagementIds.length === 0) return byEngagement;
  const rows = await ctx.db
    .select()
    .from(checkIns)
    .where(and(eq(checkIns.teamId, teamId), inArray(checkIns.engagementId, engagementIds)))
    .orderBy(desc(checkIns.createdAt))
    .limit(CHECK_INS_PER_ENGAGEMENT * engagementIds.length);
  for (const r of rows) {
    const list = byEngagement.get(r.engagementId!) ?? [];
    if (list.length < CHECK_INS_PER_ENGAGEMENT) list.push(r);
    byEngagement.set(r.engagementId!, list);
  }
  return byEngagement;
}

export async function loadLeaderEngagements(ctx: ServiceContext, teamId: string, userId: string): Promise<LeaderEngagementView[]> {
  const live = await withSessions(ctx, teamId, await listEngagementsOf(ctx.db, teamId, userId, ['invited', 'active'], 'leader'));
  const history = await recentCheckIns(ctx, teamId, live.map((e) => e.engagement.id));
  return Promise.all(
    live.map(async (e) => ({
      ...e,
      targets: await listTargets(ctx.db, ctx.cipher, teamId, e.engagement.id),
      commitments: (history.get(e.engagement.id) ?? []).map((c) => c.commitment).reverse(),
    })),
  );
}
