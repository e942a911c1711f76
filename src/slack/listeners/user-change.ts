// Slack tells us when someone's profile changes; a new time zone is recorded at once
// (and their pending nudges re-planned) so the next one goes out at the right local time.
// Slack sends this for everyone in the workspace: only people Grow already knows count.
import type { App } from '@slack/bolt';
import { findPerson } from '../../../db/people.js';
import { applyUserChange } from '../../../jobs/refresh-time-zones.js';
import type { SlackDeps } from '../deps.js';

export function registerUserChange(app: App, deps: SlackDeps): void {
  app.event('user_change', async ({ event, context }) => {
    const teamId = context.teamId ?? '';
    const user = event.user as { id: string; tz?: string; deleted?: boolean };
    if (!(await findPerson(deps.db, teamId, user.id))) return;
    await applyUserChange(deps, { teamId, userId: user.id, tz: user.tz, deleted: user.deleted }, deps.now());
  });
}
