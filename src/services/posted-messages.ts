// Notes where Grow posted a message or file outside the nudge rows, so `/grow delete`
// can remove it later. Locations and ids only; never the text that was posted.
import { recordPostedMessages, type PostedMessage } from '../../db/posted-messages.js';
import type { ServiceContext } from './context.js';

export type { PostedMessage };

/** A failure to note a post never undoes what Slack already shows; callers log it. */
export async function notePosted(ctx: Pick<ServiceContext, 'db'>, posted: PostedMessage | PostedMessage[]): Promise<void> {
  await recordPostedMessages(ctx.db, Array.isArray(posted) ? posted : [posted]);
}
