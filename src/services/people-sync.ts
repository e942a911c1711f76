// Keeps a person's time zone in step with Slack. Called on first contact and whenever
// the stored zone is more than a day old; failures only leave the old zone in place.
import type { WebClient } from '@slack/web-api';
import { findPerson, upsertPersonTz } from '../../db/people.js';
import type { SlackDeps } from '../slack/deps.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function syncPersonTz(deps: SlackDeps, client: WebClient, teamId: string, userId: string): Promise<string> {
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
