// When a workspace uninstalls Grow or revokes its tokens, Grow stops writing to it at
// once: its stored token is deleted, the installation is marked (planners skip it until
// it installs Grow again) and every pending nudge for the team is cancelled.
import type { App } from '@slack/bolt';
import { stopWorkspaceFor } from '../../services/workspace-stop.js';
import type { SlackDeps } from '../deps.js';

export function registerLifecycle(app: App, deps: SlackDeps): void {
  const stop = async (teamId: string, reason: string) => {
    if (!teamId) return;
    const cancelled = await stopWorkspaceFor(deps, teamId, reason);
    deps.logger.info({ teamId, reason, cancelled }, 'workspace stopped');
  };
  app.event('app_uninstalled', async ({ context }) => stop(context.teamId ?? '', 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await stop(context.teamId ?? '', 'tokens_revoked');
  });
}
