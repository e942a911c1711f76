// The support signpost: the organisation's support message, that coaching is not a
// replacement for professional help, and that no one else is told. The notification
// line is Grow's own and never the leader's words.
import { NOT_A_REPLACEMENT, ONLY_YOU } from '../../domain/support/signpost.js';
import { context, message, section, type Message } from './kit.js';

/** `supportMessage` is the operator's SUPPORT_MESSAGE (mrkdwn, may carry a link). */
export function supportSignpostMessage(supportMessage: string): Message {
  return message({
    notification: 'Grow: support is there if you need it.',
    blocks: [section(supportMessage), section(`*${NOT_A_REPLACEMENT}*`), context(ONLY_YOU)],
  });
}
