// Text pieces shared by the coach's digest and brief: leaders' words escaped and cut to
// a length, sections that always fit Slack's limit, dates on the coach's clock, and
// links only when they are plainly Slack permalinks.
import { DateTime } from 'luxon';
import type { ActionStatus } from '../../domain/privacy/index.js';
import { reflectionKindLabel, type SharedItem } from '../../domain/digest/index.js';
import { resolveZone } from '../../domain/time/index.js';
import { quoteUserText } from '../mrkdwn.js';
import type { Block } from './kit.js';
import { SECTION_TEXT_MAX } from './nudge-message.js';

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'open',
  done: 'done',
  partly: 'partly done',
  not_yet: 'not yet',
  dropped: 'dropped',
};

/** A Slack mention for an id that looks like one; anything else is not put in a message. */
/** What a coach-facing message is rendered from: its model, and the coach's zone, on whose clock every date reads. */
export interface CoachMessageInput<Model> {
  model: Model;
  tz: string;
}

export function mention(userId: string): string {
  return /^[UW][A-Z0-9]{2,30}$/.test(userId) ? `<@${userId}>` : 'a leader';
}

/** "Tue 10 Mar" on the coach's clock. */
export function formatShortDate(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: resolveZone(tz) }).toFormat('ccc d LLL');
}

/** "Thursday 12 March at 10:00" on the coach's clock. */
export function formatCoachTime(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: resolveZone(tz) }).toFormat("cccc d LLLL 'at' HH:mm");
}

/**
 * Slack permalinks only (https, a slack.com host, nothing that could end the link
 * markup), with `&` escaped as Slack asks; anything else is left out.
 */
export function safePermalink(url: string | null): string | null {
  if (!url || url.length > 1000) return null;
  return /^https:\/\/[A-Za-z0-9.-]+\.slack\.com\/[^\s<>|]*$/.test(url) ? url.replace(/&/g, '&amp;') : null;
}

/** One line per leader's answer, each escaped and cut to `max`; newlines flattened. */
export function sharedItemLines(item: SharedItem, tz: string, max: number): string[] {
  const link = safePermalink(item.permalink);
  const head = `_${reflectionKindLabel(item.kind)} · ${formatShortDate(item.createdAt, tz)}_${link ? ` · <${link}|open the message>` : ''}`;
  const answers = item.answers.map((a) => {
    const text = quoteUserText(a.text.replace(/\s+/g, ' ').trim(), max);
    return a.question ? `   ${a.question} ${text}` : `   ${text}`;
  });
  return [`• ${head}`, ...answers];
}

/**
 * Joins lines into at most `max` characters: whole lines while they fit, then a note of
 * how many were left out. Lines are expected to be shorter than `max` on their own.
 */
export function fitLines(lines: string[], max = SECTION_TEXT_MAX): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const more = `_…and ${lines.length - i} more_`;
    const next = length + (kept.length > 0 ? 1 : 0) + line.length;
    const roomForNote = i === lines.length - 1 ? 0 : more.length + 1;
    if (next + roomForNote > max) {
      kept.push(more);
      break;
    }
    kept.push(line);
    length = next;
  }
  return kept.join('\n').slice(0, max);
}

/** A mrkdwn section of Grow's own text with leaders' words already escaped inside it. */
export function fittedSection(lines: string[]): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: fitLines(lines), verbatim: true } };
}
