// Something happened in an engagement that its coach hears about in their next quiet
// notice (jobs/kinds/coach-notice.ts): contracting done, a session the leader moved or
// cancelled, the leader pausing or resuming, the closing review done. Only the event is
// recorded, never what was written or why.
import type { Db } from '../../db/client.js';
import { recordCoachNotice } from '../../db/coach-notices.js';
import type { NoticeEvent } from '../domain/notices/index.js';
import type { ServiceContext } from './context.js';

export interface CoachNoticeEvent {
  teamId: string;
  engagement: { id: string; coachId: string; leaderId: string };
  event: NoticeEvent;
  sessionId?: string;
}

/** Records the item (in `db`, a caller's transaction when given) and returns the row to queue once committed. */
export async function recordNoticeFor(ctx: ServiceContext, e: CoachNoticeEvent, db: Db = ctx.db) {
  return recordCoachNotice(db, {
    teamId: e.teamId,
    engagementId: e.engagement.id,
    coachId: e.engagement.coachId,
    leaderId: e.engagement.leaderId,
    event: e.event,
    ...(e.sessionId ? { sessionId: e.sessionId } : {}),
    now: ctx.now(),
    defaultWorkingHours: ctx.defaultWorkingHours,
  });
}

/** Records the item and queues the coach's notice row if it was just planned. */
export async function tellCoach(ctx: ServiceContext, e: CoachNoticeEvent): Promise<void> {
  const planned = await recordNoticeFor(ctx, e);
  if (planned) await ctx.handOffNudges?.([{ ...planned, repaired: false }]);
}
