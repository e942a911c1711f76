// What Grow tells a leader their coach will see, generated from one table
// that states what `coachViewOf` keeps of each kind of item at each visibility. A test
// reads the view itself against this table for every visibility, so a sentence cannot
// promise more, or less, than the rule does.
import type { Visibility } from './types.js';

export type PromiseSubject = 'check_in' | 'reflection' | 'moment';

/** One thing a coach may learn of an item. */
export type SeenPart =
  | 'exists'
  | 'goal'
  | 'commitment'
  | 'action_status'
  | 'reality'
  | 'options'
  | 'will'
  | 'make_it_ten'
  | 'date'
  | 'rating'
  | 'answers'
  | 'note'
  | 'link';

/** Exactly what the coach's view holds of an item, by its visibility. */
export const COACH_SEES: { readonly [S in PromiseSubject]: { readonly [V in Visibility]: readonly SeenPart[] } } = {
  check_in: {
    private: [],
    summary: ['exists', 'goal', 'commitment', 'action_status'],
    shared: ['exists', 'goal', 'commitment', 'action_status', 'reality', 'options', 'will', 'make_it_ten'],
  },
  reflection: {
    private: [],
    summary: ['exists', 'date', 'rating'],
    shared: ['exists', 'date', 'rating', 'answers'],
  },
  moment: {
    private: [],
    summary: ['exists', 'date'],
    shared: ['exists', 'date', 'note', 'link'],
  },
};

const WORDS: Record<SeenPart, string> = {
  exists: 'that it exists',
  goal: 'your goal as you wrote it',
  commitment: 'your commitment score',
  action_status: 'whether you did your action, and by when it was due',
  reality: 'your reality',
  options: 'your options',
  will: 'your action in your words',
  make_it_ten: 'what would make it a 10',
  date: 'when you answered',
  rating: 'any rating you gave',
  answers: 'your answers',
  note: 'your note',
  link: 'a link to the message',
};

const ITEM: Record<PromiseSubject, string> = { check_in: 'check-in', reflection: 'answer', moment: 'moment' };

function list(items: string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items.at(-1)}`;
}

/**
 * One sentence: who sees what of this item at this visibility, and at "summary" what
 * they do not see. `who` is how the coach is named ("your coach", "the coach you pick").
 */
export function coachSeesSentence(subject: PromiseSubject, visibility: Visibility, who = 'your coach'): string {
  const Who = who.charAt(0).toUpperCase() + who.slice(1);
  const seen = COACH_SEES[subject][visibility];
  if (seen.length === 0) return `Only you see this ${ITEM[subject]}: ${who} does not even see that it exists.`;
  const shown = seen.filter((p) => p !== 'exists').map((p) => WORDS[p]);
  const hidden = COACH_SEES[subject].shared.filter((p) => !seen.includes(p)).map((p) => WORDS[p]);
  const sees = shown.length > 0 ? list(shown) : WORDS.exists;
  return hidden.length > 0 ? `${Who} sees ${sees}, not ${list(hidden, 'or')}.` : `${Who} sees all of it: ${sees}.`;
}
