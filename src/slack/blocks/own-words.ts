// What the leader already wrote, shown back to them alone: their reflections on an action
// and the moments they saved, in their own words (escaped, verbatim), with a moment's link.
import { DateTime } from 'luxon';
import { safePermalink } from './digest-text.js';
import { context, type Block } from './kit.js';
import { userTextSection } from './nudge-message.js';

export interface OwnWordsItem {
  kind: string;
  createdAt: Date;
  /** Answers keyed by question id; a moment's is `note`. */
  answers: Record<string, string>;
  permalink: string | null;
}

/** A moment's body also keeps where the message was; only the note is the leader's words. */
const MOMENT_KEYS = ['note'];
// Each quote stays short: this is a reminder, not the whole record.
const QUOTE_MAX = 600;

function wordsOf(item: OwnWordsItem): string {
  const keys = item.kind === 'moment' ? MOMENT_KEYS : Object.keys(item.answers);
  return keys
    .map((k) => item.answers[k]?.trim())
    .filter((t): t is string => !!t)
    .join('\n');
}


function labelOf(item: OwnWordsItem, tz: string): string {
  const day = DateTime.fromJSDate(item.createdAt, { zone: tz }).toFormat('ccc d LLL');
  if (item.kind === 'moment') {
    const link = safePermalink(item.permalink);
    return `_A moment you saved, ${day}${link ? ` (<${link}|the message>)` : ''}:_`;
  }
  return `_You wrote, ${day}:_`;
}

/** One section per item, each with its date; an item with no words left shows its label only. */
export function ownWordsBlocks(items: OwnWordsItem[], tz: string): Block[] {
  return items.map((item) => {
    const words = wordsOf(item);
    return words ? userTextSection(labelOf(item, tz), words, QUOTE_MAX) : context(labelOf(item, tz));
  });
}
