// The coach's batched notice: one line per thing that happened, naming the leader and
// what changed, never what they wrote or why. The notification names no one.
import type { PendingNotice } from '../../domain/notices/index.js';
import { formatSessionTime } from './nudge-session-prep.js';
import { context, message, section, type Message } from './kit.js';

/** Lines per section, well inside a section's 3,000 characters. */
const LINES_PER_SECTION = 15;
/** Past this many lines the rest is counted, not listed: Home holds the whole roster. */
export const NOTICE_LINES_MAX = 60;

function noticeLine(item: PendingNotice, tz: string): string {
  const who = `<@${item.leaderId}>`;
  const session = item.sessionSeq ? `session ${item.sessionSeq}` : 'a session';
  switch (item.event) {
    case 'contracting_done':
      return `• ${who} finished contracting.`;
    case 'session_moved':
      return `• ${who} moved ${session}${item.sessionAt ? ` to ${formatSessionTime(item.sessionAt, tz)} (your time)` : ''}.`;
    case 'session_cancelled':
      return `• ${who} cancelled ${session}.`;
    case 'leader_paused':
      return `• ${who} paused Grow for now; nothing is sent to them meanwhile.`;
    case 'leader_resumed':
      return `• ${who} resumed Grow.`;
    case 'review_done':
      return `• ${who} finished their closing review.`;
  }
}

export function coachNoticeMessage(items: readonly PendingNotice[], tz: string): Message {
  const lines = items.slice(0, NOTICE_LINES_MAX).map((i) => noticeLine(i, tz));
  const sections = [];
  for (let i = 0; i < lines.length; i += LINES_PER_SECTION) sections.push(section(lines.slice(i, i + LINES_PER_SECTION).join('\n')));
  const more = items.length - lines.length;
  return message({
    notification: items.length === 1 ? 'Grow: one update from your engagements.' : `Grow: ${items.length} updates from your engagements.`,
    blocks: [
      section('*Since your last update*'),
      ...sections,
      context(`${more > 0 ? `And ${more} more; App Home shows every engagement. ` : ''}You can turn these updates off in Settings on Grow's Home.`),
    ],
  });
}
