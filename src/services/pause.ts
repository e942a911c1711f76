// `/grow pause` and `/grow resume`: while paused nothing is sent to the leader and what
// falls due is dropped, not saved up; the leader's engagements are re-planned either way.
import { listEngagementsOf } from '../../db/engagements.js';
import { findPerson, setPausedUntil } from '../../db/people.js';
import { pauseEndsAt } from '../domain/engagement/pause.js';
import type { ServiceContext } from './context.js';

async function replanLeader(ctx: ServiceContext, teamId: string, userId: string): Promise<void> {
  const live = await listEngagementsOf(ctx.db, teamId, userId, ['invited', 'active'], 'leader');
  for (const e of live) await ctx.replan?.(teamId, e.id);
}

export async function pauseLeader(ctx: ServiceContext, input: { teamId: string; userId: string; days: number }): Promise<{ until: Date; tz: string }> {
  const person = await findPerson(ctx.db, input.teamId, input.userId);
  const tz = person?.tz ?? 'UTC';
  const until = pauseEndsAt(ctx.now(), input.days, tz);
  await setPausedUntil(ctx.db, input.teamId, input.userId, until, ctx.defaultWorkingHours);
  await replanLeader(ctx, input.teamId, input.userId);
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, days: input.days }, 'paused');
  return { until, tz };
}

/** Clears the pause; `wasPaused` is false when there was nothing to resume. */
export async function resumeLeader(ctx: ServiceContext, input: { teamId: string; userId: string }): Promise<{ wasPaused: boolean }> {
  const person = await findPerson(ctx.db, input.teamId, input.userId);
  const wasPaused = !!person?.pausedUntil && person.pausedUntil > ctx.now();
  await setPausedUntil(ctx.db, input.teamId, input.userId, null, ctx.defaultWorkingHours);
  await replanLeader(ctx, input.teamId, input.userId);
  ctx.logger.info({ teamId: input.teamId, userId: input.userId, wasPaused }, 'resumed');
  return { wasPaused };
}
