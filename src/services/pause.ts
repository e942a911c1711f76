// `/grow pause` and `/grow resume`: while paused nothing is sent to the leader and what
// falls due is dropped, not saved up; the leader's engagements are re-planned either way, in the transaction that sets the pause.
import type { Db } from '../../db/client.js';
import { listEngagementsOf } from '../../db/engagements.js';
import { syncEngagementPlan } from '../../db/plan-sync.js';
import { findPerson, setPausedUntil } from '../../db/people.js';
import { pauseEndsAt } from '../domain/engagement/pause.js';
import { recordNoticeFor } from './coach-notices.js';
import type { ServiceContext } from './context.js';

/** The pause and the re-plan of the leader's live engagements commit together. */
async function setPauseAndReplan(ctx: ServiceContext, teamId: string, userId: string, until: Date | null, notice: 'leader_paused' | 'leader_resumed' | null): Promise<void> {
  const now = ctx.now();
  const { live, planned } = await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await setPausedUntil(db, teamId, userId, until, ctx.defaultWorkingHours);
    const rows = await listEngagementsOf(db, teamId, userId, ['invited', 'active'], 'leader');
    for (const e of rows) await syncEngagementPlan(db, { teamId, engagementId: e.id, now, rhythm: ctx.rhythm, defaultWorkingHours: ctx.defaultWorkingHours });
    // Each running engagement's coach hears that the leader paused or resumed, never why.
    const notices = [];
    if (notice) for (const e of rows.filter((r) => r.status === 'active')) notices.push(await recordNoticeFor(ctx, { teamId, engagement: e, event: notice }, db));
    return { live: rows, planned: notices.filter((n) => n !== null) };
  });
  for (const e of live) await ctx.handOff?.(teamId, e.id);
  if (planned.length > 0) await ctx.handOffNudges?.(planned.map((p) => ({ ...p, repaired: false })));
}

export async function pauseLeader(ctx: ServiceContext, input: { teamId: string; userId: string; days: number }): Promise<{ until: Date; tz: string }> {
  const person = await findPerson(ctx.db, input.teamId, input.userId);
  const tz = person?.tz ?? 'UTC';
  const until = pauseEndsAt(ctx.now(), input.days, tz);
  await setPauseAndReplan(ctx, input.teamId, input.userId, until, 'leader_paused');
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, days: input.days }, 'paused');
  return { until, tz };
}

/** Clears the pause; `wasPaused` is false when there was nothing to resume. */
export async function resumeLeader(ctx: ServiceContext, input: { teamId: string; userId: string }): Promise<{ wasPaused: boolean }> {
  const person = await findPerson(ctx.db, input.teamId, input.userId);
  const wasPaused = !!person?.pausedUntil && person.pausedUntil > ctx.now();
  await setPauseAndReplan(ctx, input.teamId, input.userId, null, wasPaused ? 'leader_resumed' : null);
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, wasPaused }, 'resumed');
  return { wasPaused };
}
