// Keeps people in step with Slack: a person's time zone on first contact and whenever the
// stored zone is more than a day old (failures only leave the old zone in place), and what
// a `user_change` event or the hourly sweep says about them. A changed zone re-plans the
// leader's engagements, so nudges keep their wall-clock time in the new zone.
import type { WebClient } from '@slack/web-api';
import type { Db } from '../../db/client.js';
import { findPerson, markPersonInactive, upsertPersonTz } from '../../db/people.js';
import { syncLeaderPlans, type PlanSettings } from '../../db/plan-sync.js';
import type { ServiceContext } from './context.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function syncPersonTz(deps: ServiceContext, client: WebClient, teamId: string, userId: string): Promise<string> {
  const now = deps.now();
  const person = await findPerson(deps.db, teamId, userId);
  if (person?.tzRefreshedAt && now.getTime() - person.tzRefreshedAt.getTime() < DAY_MS) return person.tz;
  try {
    const info = await client.users.info({ user: userId });
    const tz = info.user?.tz ?? person?.tz ?? 'UTC';
    await upsertPersonTz(deps.db, teamId, userId, tz, now, deps.defaultWorkingHours);
    return tz;
  } catch (error) {
    deps.logger.warn({ teamId, userId, err: error }, 'could not refresh time zone');
    return person?.tz ?? 'UTC';
  }
}

/** The zone Grow has for a person, UTC when it has none. */
export async function personZone(ctx: Pick<ServiceContext, 'db'>, teamId: string, userId: string): Promise<string> {
  return (await findPerson(ctx.db, teamId, userId))?.tz ?? 'UTC';
}

/** Whether Grow has met this person (Slack tells Grow about everyone in the workspace). */
export async function isKnownPerson(ctx: Pick<ServiceContext, 'db'>, teamId: string, userId: string): Promise<boolean> {
  return (await findPerson(ctx.db, teamId, userId)) !== undefined;
}

export interface SlackUserChange {
  teamId: string;
  userId: string;
  tz?: string | null;
  deleted?: boolean;
}

/** Applies what Slack says about a user; true when the zone changed. */
export async function applyUserChange(ctx: Pick<ServiceContext, 'db'> & PlanSettings, change: SlackUserChange, now: Date): Promise<boolean> {
  if (change.deleted) {
    await markPersonInactive(ctx.db, change.teamId, change.userId, now);
    return false;
  }
  const before = await findPerson(ctx.db, change.teamId, change.userId);
  const tz = change.tz ?? before?.tz ?? 'UTC';
  const changed = before !== undefined && before.tz !== tz;
  // The new zone and the plans it moves commit together: were they apart, a crash between
  // the two would leave the plans in the old zone, and nothing would notice again.
  await ctx.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    await upsertPersonTz(db, change.teamId, change.userId, tz, now, ctx.defaultWorkingHours);
    if (changed) await syncLeaderPlans(db, { teamId: change.teamId, leaderId: change.userId, now, rhythm: ctx.rhythm, defaultWorkingHours: ctx.defaultWorkingHours });
  });
  return changed;
}
