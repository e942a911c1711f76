// A session recap, as rules: what the coach and leader agreed, as long as a Slack text
// input allows. "Make this my action" turns it into the leader's action, which holds
// 500 characters: a longer recap gives its opening, cut between words, to shorten there.
import { LIMITS } from '../checkin/rules.js';
import { parseRequiredText, type RequiredTextForm } from './required-text.js';

/** Slack's longest plain-text input. */
export const RECAP_MAX = 3000;

export type RecapForm = RequiredTextForm;

export function parseRecap(values: Record<string, string | undefined>): RecapForm {
  return parseRequiredText(values, { field: 'recap', max: RECAP_MAX, whenEmpty: 'What did you agree?', whenTooLong: `Please keep the recap under ${RECAP_MAX} characters.` });
}

/** The recap as the leader's action: whole when it fits, else its opening up to a word break, marked as cut. */
export function recapAsAction(text: string): string {
  if (text.length <= LIMITS.will) return text;
  const room = text.slice(0, LIMITS.will - 1);
  const lastBreak = room.search(/\s\S*$/);
  return `${(lastBreak > LIMITS.will / 2 ? room.slice(0, lastBreak) : room).trimEnd()}…`;
}

/**
 * The recap in pieces of at most `size` characters, split at line breaks where it can and
 * between words otherwise, so each piece escaped for mrkdwn fits one Block Kit section.
 */
export function recapPieces(text: string, size = 500): string[] {
  const pieces: string[] = [];
  let current = '';
  const flush = () => {
    if (current.trim()) pieces.push(current.trimEnd());
    current = '';
  };
  for (let line of text.split('\n')) {
    while (line.length > size) {
      flush();
      const room = line.slice(0, size);
      const cut = room.search(/\s\S*$/);
      const at = cut > size / 2 ? cut : size;
      pieces.push(line.slice(0, at).trimEnd());
      line = line.slice(at).trimStart();
    }
    if (current && current.length + 1 + line.length > size) flush();
    current = current ? `${current}\n${line}` : line;
  }
  flush();
  return pieces;
}
