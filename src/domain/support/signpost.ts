// Coaching is not therapy. When a leader's own words read like they need help beyond
// coaching, Grow points them, and only them, to the support the organisation offers.
// This module decides whether words match and what the signpost says; it tells no one.

/** Phrases that suggest someone needs more than coaching (SUPPORT_PHRASES replaces them). */
export const DEFAULT_SUPPORT_PHRASES = [
  "can't cope",
  'cannot cope',
  'burnt out',
  'burned out',
  'panic attack',
  'hopeless',
  'self-harm',
  'self harm',
  'suicidal',
  'want to die',
  "can't go on",
  'breaking down',
] as const;

export const DEFAULT_SUPPORT_MESSAGE =
  'It sounds like things may be heavy right now. You do not have to carry that alone: your employee assistance programme offers free, confidential support, and if you are in immediate danger, please call your local emergency number.';

export const NOT_A_REPLACEMENT = 'Coaching is not a replacement for professional help.';

export const ONLY_YOU = 'Only you see this message. Nothing about it is sent to your coach or anyone else.';

/** Lower case, one kind of apostrophe and hyphen-as-space, single spaces: how phrases and words are compared. */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[-\u2010-\u2015]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses SUPPORT_PHRASES: comma-separated, blanks ignored; undefined when none is left. */
export function parseSupportPhrases(value: string): string[] | undefined {
  const phrases = value.split(',').map(normaliseWords).filter((p) => p.length > 0);
  return phrases.length > 0 ? [...new Set(phrases)] : undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** True when any of the texts contains a phrase, starting at a word ("hopelessly" matches "hopeless", "rehopeless" does not). */
export function needsSignpost(texts: readonly (string | null | undefined)[], phrases: readonly string[]): boolean {
  const words = texts.filter((t): t is string => typeof t === 'string' && t.length > 0).map(normaliseWords);
  if (words.length === 0 || phrases.length === 0) return false;
  const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}'])(?:${phrases.map((p) => escape(normaliseWords(p))).join('|')})`, 'u');
  return words.some((w) => pattern.test(w));
}
