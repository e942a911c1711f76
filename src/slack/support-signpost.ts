// One call for any code that has a leader's own words (a check-in, a reflection, session
// prep, a saved moment, a DM reply): when they match SUPPORT_PHRASES, the leader alone
// gets the support message by DM at once. Nothing goes to the coach or sponsor, the words
// are not logged, and what was saved keeps the visibility the leader chose.
import type { WebClient } from '@slack/web-api';
import { needsSignpost } from '../domain/support/signpost.js';
import type { Logger } from '../logger.js';
import { supportSignposts } from '../observability/metrics.js';
import { supportSignpostMessage } from './blocks/support-signpost.js';
import type { SlackDeps } from './deps.js';
import { sendDm } from './listeners/engagement-interaction.js';

export type SignpostSurface = 'checkin' | 'reflection' | 'prep' | 'moment' | 'dm';

/** Returns whether the signpost was offered. Never throws: a failed DM is logged without the words. */
export async function offerSupportIfNeeded(
  deps: Pick<SlackDeps, 'config' | 'db'>,
  client: WebClient,
  who: { teamId: string; userId: string },
  texts: readonly (string | null | undefined)[],
  surface: SignpostSurface,
  log: Logger,
): Promise<boolean> {
  if (!needsSignpost(texts, deps.config.support.phrases)) return false;
  supportSignposts.inc({ surface });
  await sendDm(client, who.userId, supportSignpostMessage(deps.config.support.message), log, { db: deps.db, teamId: who.teamId });
  return true;
}
