// Slack tells us when someone's profile changes; a new time zone is recorded at once
// (and their pending nudges re-planned) so the next one goes out at the right local time,
// and someone deactivated, or back after being deactivated, is marked so.
// Slack sends this for everyone in the workspace: only people Grow already knows count.
import type { App } from '@slack/bolt';
import { z } from 'zod';
import { applyUserChange, isKnownPerson } from '../../services/people-sync.js';
import type { SlackDeps } from '../deps.js';

const isZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The part of `user_change` Grow reads; anything else in it is ignored. */
export const userChangeSchema = z.object({
  id: z.string().regex(/^[UW][A-Z0-9]{2,30}$/),
  tz: z.string().max(64).refine(isZone).nullish(),
  deleted: z.boolean().optional(),
});

export function registerUserChange(app: App, deps: SlackDeps): void {
  app.event('user_change', async ({ event, context }) => {
    const teamId = context.teamId ?? '';
    const parsed = userChangeSchema.safeParse(event.user);
    if (!parsed.success) {
      deps.logger.warn({ teamId, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'ignored a malformed user_change');
      return;
    }
    const user = parsed.data;
    if (!(await isKnownPerson(deps, teamId, user.id))) return;
    await applyUserChange(deps, { teamId, userId: user.id, tz: user.tz, deleted: user.deleted }, deps.now());
  });
}
