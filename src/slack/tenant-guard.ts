// The tenant of a request is the team Bolt authorised (`context.teamId`), never another
// field of the body. A request whose user, team or installing team names a different
// workspace is refused before any listener runs: nothing is read or written for it.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from '../logger.js';

export const FOREIGN_TEAM_MESSAGE = 'Grow can only act for people in the workspace it is installed in, so nothing was changed.';

/** Every team id a Slack body names for the person or workspace it speaks for. */
export function claimedTeamIds(body: Record<string, unknown>): string[] {
  const ids: unknown[] = [body.team_id];
  const team = body.team as { id?: unknown } | null | undefined;
  ids.push(team?.id);
  const user = body.user as { team_id?: unknown } | undefined;
  if (user && typeof user === 'object') ids.push(user.team_id);
  const view = body.view as { team_id?: unknown; app_installed_team_id?: unknown } | undefined;
  if (view && typeof view === 'object') ids.push(view.team_id, view.app_installed_team_id);
  const event = body.event as { user?: unknown } | undefined;
  if (event && typeof event.user === 'object' && event.user !== null) ids.push((event.user as { team_id?: unknown }).team_id);
  return ids.filter((id): id is string => typeof id === 'string' && id !== '');
}

export function createTenantGuard(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const { context, body, next } = args;
    const teamId = context.teamId;
    const foreign = claimedTeamIds(body as unknown as Record<string, unknown>).filter((id) => id !== teamId);
    if (teamId && foreign.length === 0) return next();
    logger.warn({ teamId, foreignTeams: foreign.length }, 'refused a request naming another workspace');
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    if (!ack) return; // Events are acknowledged by Bolt already; ignoring them is the refusal.
    const type = (body as { type?: string }).type;
    if ('command' in body) return ack({ response_type: 'ephemeral', text: FOREIGN_TEAM_MESSAGE });
    if (type === 'view_submission') {
      return ack({
        response_action: 'update',
        view: { type: 'modal', title: { type: 'plain_text', text: 'Grow' }, close: { type: 'plain_text', text: 'Close' }, blocks: [{ type: 'section', text: { type: 'plain_text', text: FOREIGN_TEAM_MESSAGE } }] },
      });
    }
    return ack();
  };
}
