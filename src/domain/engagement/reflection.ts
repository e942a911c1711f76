// The short written answers a leader gives between sessions — a reflection on a
// follow-up, the answers to session prep — as rules: which questions, how long, and
// that an empty form saves nothing.
import { visibilitySchema, type Visibility } from '../checkin/rules.js';
import { bankText } from '../questions/draw.js';
import { DIFFERENT_THIS_TIME, type Style } from './style.js';

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
 * The prep questions for this style. The first prep of "it didn't help me before" opens
 * with what would make this time different; the other styles word theirs their own way.
 * The ids stay the same, so every answer reads the same wherever it is shown.
 */
export function prepQuestionsFor(style: Style, firstPrep: boolean, drawn?: { example: string; want: string }): Record<string, string> {
  const different: Record<string, string> = style === 'chooser' && firstPrep ? { different: DIFFERENT_THIS_TIME } : {};
  // A style's own wording wins; otherwise the question drawn from the bank for this leader.
  const example = style === 'experiment' ? 'Which moment from your experiment would you like to bring, as it actually happened?' : (drawn?.example ?? PREP_QUESTIONS.example);
  const want = style === 'goal_first' ? 'What do you want for yourself from the next session?' : (drawn?.want ?? PREP_QUESTIONS.want);
  return { ...different, example, want };
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
