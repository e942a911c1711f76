// Slack tells us when someone's profile changes; a new time zone is recorded at once so
// the next nudge goes out at the right local time.
import type { App } from '@slack/bolt';
import { and, eq } from 'drizzle-orm';
import { people } from '../../../db/schema/index.js';
import type { SlackDeps } from '../deps.js';

export function registerUserChange(app: App, deps: SlackDeps): void {
  app.event('user_change', async ({ event, body }) => {
    const teamId = (body as { team_id?: string }).team_id ?? '';
    const user = event.user as { id: string; tz?: string; deleted?: boolean };
    if (!user.tz && user.deleted === undefined) return;
    await deps.db
      .update(people)
      .set({ ...(user.tz ? { tz: user.tz, tzRefreshedAt: deps.now() } : {}), ...(user.deleted !== undefined ? { isActive: !user.deleted } : {}) })
      .where(and(eq(people.teamId, teamId), eq(people.userId, user.id)));
  });
}
