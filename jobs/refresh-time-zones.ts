// Keeps people's time zones in step with Slack (users.info → people.tz): a scheduled
// sweep reads everyone not refreshed within a day, and the web side can apply a
// `user_change` event directly. A changed zone re-plans the leader's engagements, so
// nudges keep their wall-clock time in the new zone.
import type { Db } from '../db/client.js';
import { markPersonInactive, selectPeopleToRefresh, upsertPersonTz } from '../db/people.js';
import type { PlanSettings } from '../db/plan-sync.js';
import type { Logger } from '../src/logger.js';
import { applyUserChange } from '../src/services/people-sync.js';
import { createProcessor } from './processor.js';
import { repeatingSchedule, type KeptSchedule } from './keep-schedules.js';
import type { GrowQueue } from './queues.js';
import { classifySlackError, type SlackClients } from './slack-client.js';

const DAY_MS = 86_400_000;
// Hourly sweeps of a small batch spread users.info calls over the day.
export const REFRESH_EVERY_MS = 3_600_000;
const BATCH = 500;

/** The operator's settings ride along: a changed zone re-plans with the configured rhythm. */
export interface TimeZoneDeps extends PlanSettings {
  db: Db;
  slack: SlackClients;
  logger: Logger;
}

/** Reads one person's zone from Slack and applies it. */
export async function refreshPersonTimeZone(deps: TimeZoneDeps, teamId: string, userId: string, now: Date): Promise<boolean> {
  const client = await deps.slack.forTeam(teamId);
  const info = await client.users.info({ user: userId });
  return applyUserChange(deps, { teamId, userId, tz: info.user?.tz, deleted: info.user?.deleted }, now);
}

export async function refreshTimeZones(deps: TimeZoneDeps, now: Date, teamId?: string): Promise<{ checked: number; changed: number }> {
  const stale = await selectPeopleToRefresh(deps.db, { staleBefore: new Date(now.getTime() - DAY_MS), limit: BATCH, teamId });
  let checked = 0;
  let changed = 0;
  for (const person of stale) {
    try {
      if (await refreshPersonTimeZone(deps, person.teamId, person.userId, now)) changed++;
      checked++;
    } catch (error) {
      const failure = classifySlackError(error);
      // A rate limit ends this sweep; the oldest-first order lets the next one carry on.
      if (failure?.kind === 'rate_limited') break;
      if (failure?.kind === 'permanent' && failure.reason === 'user_not_found') {
        await markPersonInactive(deps.db, person.teamId, person.userId, now);
        continue;
      }
      deps.logger.warn({ teamId: person.teamId, userId: person.userId, reason: failure?.reason ?? 'error' }, 'time zone refresh failed');
      // Keep the zone, but move on: one broken workspace must not hold up every sweep.
      await upsertPersonTz(deps.db, person.teamId, person.userId, person.tz, now);
    }
  }
  return { checked, changed };
}

export function createRefreshTimeZonesProcessor(deps: TimeZoneDeps, now: () => Date) {
  return createProcessor('refresh-time-zones', (data) => refreshTimeZones(deps, now(), data.teamId));
}

/** The sweep's scheduler as the worker's keeper sees it: re-created when Redis lost it. */
export function timeZoneRefreshSchedule(queue: GrowQueue<'refresh-time-zones'>, everyMs = REFRESH_EVERY_MS): KeptSchedule {
  return repeatingSchedule(queue, everyMs);
}
