// The short written answers a leader gives between sessions — a reflection on a
// follow-up, the answers to session prep — as rules: which questions, how long, and
// that an empty form saves nothing.
import { visibilitySchema, type Visibility } from '../checkin/rules.js';
import { bankText, defaultQuestion } from '../questions/draw.js';
import type { QuestionUse } from '../questions/uses.js';
import type { Style } from './style.js';

export const REFLECTION_TEXT_MAX = 1500;

/**
 * Each answer's key and its heading where the answer is shown again (the digest, the
 * brief): the bank's first question for that moment. The leader is asked a drawn one.
 */
export const REFLECT_QUESTIONS = {
  happened: bankText('happened-01')!,
  learned: bankText('learned-01')!,
  try_next: bankText('next-01')!,
};

/**
 * Prep asks for one real example to bring, not again what happened: that was asked at the
 * follow-up, and the prep DM shows the leader what they already said.
 */
export const PREP_QUESTIONS = {
  example: bankText('prep-example-01')!,
  want: bankText('prep-want-01')!,
};

/** Prep answers saved before prep asked for an example were keyed `commitment`; their question, for reading them back. */
export const EARLIER_PREP_QUESTIONS = {
  commitment: 'What happened with your commitment?',
};

/**
 * The moment each prep answer is asked at, for this style, by answer key. The first prep
 * of "it didn't help me before" opens with what would make this time different; the
 * experiment asks for a moment from the experiment; goal first asks what the leader wants
 * for themselves. The keys stay the same, so every answer reads the same wherever it is
 * shown.
 */
export function prepUsesFor(style: Style, firstPrep: boolean): Record<string, QuestionUse> {
  return {
    ...(style === 'chooser' && firstPrep ? { different: 'prep_different' as const } : {}),
    example: style === 'experiment' ? 'prep_experiment' : 'prep_commitment',
    want: style === 'goal_first' ? 'prep_want_own' : 'prep_want',
  };
}

/** The prep questions for this style: the ones drawn for this leader, the bank's first for a moment not drawn. */
export function prepQuestionsFor(style: Style, firstPrep: boolean, drawn: Partial<Record<QuestionUse, string>> = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(prepUsesFor(style, firstPrep)).map(([key, use]) => [key, drawn[use] ?? defaultQuestion(use)]));
}

export type ReflectionForm = { ok: true; body: Record<string, string>; visibility: Visibility } | { ok: false; errors: Record<string, string> };

/** Reads the answers to `questions` (keyed by question id) and a visibility; at least one answer. */
export function parseReflectionForm(questions: Record<string, string>, values: Record<string, string | undefined>): ReflectionForm {
  const body: Record<string, string> = {};
  const errors: Record<string, string> = {};
  const ids = Object.keys(questions);
  for (const id of ids) {
    const text = values[id]?.trim();
    if (!text) continue;
    if (text.length > REFLECTION_TEXT_MAX) errors[id] = `Please keep this under ${REFLECTION_TEXT_MAX} characters.`;
    else body[id] = text;
  }
  if (Object.keys(body).length === 0 && Object.keys(errors).length === 0) errors[ids[0]!] = 'What would you like to note? One answer is enough.';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const visibility = visibilitySchema.safeParse(values.visibility);
  return { ok: true, body, visibility: visibility.success ? visibility.data : 'summary' };
}
