// What every nudge renderer returns, and the one way a leader's own words are placed in
// a nudge: escaped, verbatim (no auto-linking), cut to fit a section.
import { quoteUserText } from '../mrkdwn.js';
import type { Block, Message } from './kit.js';

/** A nudge is a message like any other: see `message()` for what its `text` may hold. */
export type NudgeMessage = Message;

// Slack's limit for a section's text is 3000 characters.
export const SECTION_TEXT_MAX = 3000;

/** A section quoting user text; `label` is Grow's own mrkdwn, the text is escaped. */
export function userTextSection(label: string, userText: string, max = SECTION_TEXT_MAX): Block {
  const room = max - label.length - 1;
  return { type: 'section', text: { type: 'mrkdwn', text: `${label}\n${quoteUserText(userText, room)}`, verbatim: true } };
}
