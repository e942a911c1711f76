// What Slack says of a person's standing in the workspace: an admin or owner is a
// programme admin by right. Read fresh from users.info each time it decides something,
// so a demoted admin loses the programme at once; an error reads as "not an admin".
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../logger.js';

export async function isSlackAdmin(client: WebClient, userId: string, log?: Logger): Promise<boolean> {
  try {
    const info = await client.users.info({ user: userId });
    const user = info.user;
    return !!(user && !user.deleted && !user.is_bot && (user.is_admin || user.is_owner || user.is_primary_owner));
  } catch (error) {
    log?.warn({ err: error }, 'could not read workspace admin status');
    return false;
  }
}
