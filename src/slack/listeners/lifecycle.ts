// When a workspace uninstalls Grow or revokes its tokens, Grow stops writing to it at
// once: the installation is marked and every pending nudge for the team is cancelled.
import type { App } from '@slack/bolt';
import { and, eq } from 'drizzle-orm';
import { installations, nudges } from '../../../db/schema/index.js';
import type { SlackDeps } from '../deps.js';

export function registerLifecycle(app: App, deps: SlackDeps): void {
  const stop = async (teamId: string, reason: string) => {
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      await tx.update(installations).set({ uninstalledAt: now }).where(eq(installations.teamId, teamId));
      await tx
        .update(nudges)
        .set({ status: 'cancelled', reason, updatedAt: now })
        .where(and(eq(nudges.teamId, teamId), eq(nudges.status, 'pending')));
    });
    deps.logger.info({ teamId, reason }, 'workspace stopped');
  };
  app.event('app_uninstalled', async ({ context }) => stop(context.teamId ?? '', 'app_uninstalled'));
  app.event('tokens_revoked', async ({ event, context }) => {
    if ((event.tokens.bot ?? []).length > 0) await stop(context.teamId ?? '', 'tokens_revoked');
  });
}
