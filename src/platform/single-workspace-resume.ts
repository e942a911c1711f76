// Single-workspace mode (SLACK_BOT_TOKEN): after `app_uninstalled` or `tokens_revoked` the
// workspace is marked stopped and planners create nothing for it. The token comes from the
// environment, so Grow cannot be told of a re-install; instead, the next signed request
// from that workspace checks the configured token with a fresh auth.test, and only if Slack
// accepts it for that workspace is the mark lifted and every live engagement re-planned.
import { WebClient } from '@slack/web-api';
import { isDatabaseUnavailable } from '../../db/client.js';
import { liftSingleWorkspaceStop, uninstalledAt } from '../../db/workspaces.js';
import { resumeWorkspacePlans } from '../services/workspace-resume.js';
import type { SlackDeps } from '../slack/deps.js';

/** Resolves once the workspace is live; rejects when the token still does not work for it. */
export async function resumeIfTokenWorks(deps: SlackDeps, teamId: string, botToken: string): Promise<void> {
  let stoppedAt: Date | null | undefined;
  try {
    stoppedAt = await uninstalledAt(deps.db, teamId);
  } catch (error) {
    // Postgres away: authorise as before, so the listener answers "having trouble"
    // instead of the request being dropped as if Grow were not installed.
    if (isDatabaseUnavailable(error)) return;
    throw error;
  }
  if (!stoppedAt) return;
  const identity = await new WebClient(botToken, { slackApiUrl: deps.config.slack.apiUrl, retryConfig: { retries: 0 } }).auth.test();
  if (identity.team_id !== teamId) throw new Error('the configured token belongs to another workspace');
  if (!(await liftSingleWorkspaceStop(deps.db, teamId))) return;
  const resumed = await resumeWorkspacePlans(deps.db, { teamId, now: deps.now(), stoppedAt, rhythm: deps.rhythm, defaultWorkingHours: deps.defaultWorkingHours });
  deps.logger.info({ teamId, resumed }, 'workspace live again: the configured token works');
}
